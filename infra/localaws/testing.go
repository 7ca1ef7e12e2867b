package localaws

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Tests share one DynamoDB Local and one versitygw per test binary,
// started on first use; each test gets its own table or bucket. Main stops
// them when the package's tests end.
var (
	shared struct {
		sync.Mutex
		dynamo *Dynamo
		s3     *S3
		s3Dir  string
	}
	seq atomic.Int64
)

// Main runs a package's tests and stops the stand-ins they started. Use it
// as TestMain in every package with integration tests.
func Main(m *testing.M) {
	code := m.Run()
	shared.Lock()
	if shared.dynamo != nil {
		shared.dynamo.Stop()
	}
	if shared.s3 != nil {
		shared.s3.Stop()
		_ = os.RemoveAll(shared.s3Dir)
	}
	shared.Unlock()
	os.Exit(code)
}

// MustDynamo returns the binary's DynamoDB Local, starting it if needed.
func MustDynamo(tb testing.TB) *Dynamo {
	tb.Helper()
	shared.Lock()
	defer shared.Unlock()
	if shared.dynamo == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		d, err := StartDynamo(ctx, DynamoOptions{})
		if err != nil {
			tb.Fatalf("start DynamoDB Local: %v", err)
		}
		shared.dynamo = d
	}
	return shared.dynamo
}

// MustS3 returns the binary's versitygw, starting it if needed.
func MustS3(tb testing.TB) *S3 {
	tb.Helper()
	shared.Lock()
	defer shared.Unlock()
	if shared.s3 == nil {
		dir, err := os.MkdirTemp("", "rastro-s3-")
		if err != nil {
			tb.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		s, err := StartS3(ctx, S3Options{Dir: dir})
		if err != nil {
			tb.Fatalf("start versitygw: %v", err)
		}
		shared.s3, shared.s3Dir = s, dir
	}
	return shared.s3
}

// UniqueName is a table, bucket or tenant name no other test in this run
// uses: lowercase, digits and hyphens, derived from the test name.
func UniqueName(tb testing.TB, prefix string) string {
	name := strings.ToLower(tb.Name())
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := b.String()
	if len(s) > 30 {
		s = s[len(s)-30:]
	}
	return fmt.Sprintf("%s-%s-%s", prefix, strings.Trim(s, "-"), strconv.FormatInt(seq.Add(1), 10)+strconv.FormatInt(time.Now().UnixNano()%1e6, 36))
}

func itoa(i int) string { return strconv.Itoa(i) }
