package lambdaemu_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/rastro-cc/rastro/infra/localaws"
)

// The test binary doubles as a bootstrap: started by the emulator with
// fakeRuntimeEnv set, it runs fakeRuntime instead of the tests, so the
// protocol tests need no build of their own.
const fakeRuntimeEnv = "LAMBDAEMU_FAKE_RUNTIME"

func TestMain(m *testing.M) {
	if os.Getenv(fakeRuntimeEnv) != "" {
		fakeRuntime(os.Getenv(fakeRuntimeEnv))
		return
	}
	localaws.Main(m)
}

// fakeEvent tells the fake runtime what to do with an invocation.
type fakeEvent struct {
	Do    string `json:"do"`
	Value string `json:"value"`
}

// fakeRuntime misbehaves on request, at init (mode) or per invocation.
func fakeRuntime(mode string) {
	switch mode {
	case "exit-at-init":
		os.Exit(3)
	case "hang-at-init":
		time.Sleep(time.Hour)
	}
	api := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime"
	post := func(path string) int {
		resp, err := http.Post(api+path, "application/json", strings.NewReader(`{"errorType":"X","errorMessage":"x"}`))
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	lambda.Start(func(ctx context.Context, ev fakeEvent) (any, error) {
		lc, _ := lambdacontext.FromContext(ctx)
		deadline, _ := ctx.Deadline()
		switch ev.Do {
		case "error":
			return nil, errors.New("boom")
		case "panic":
			panic("kaboom")
		case "exit":
			os.Exit(4)
		case "sleep":
			time.Sleep(time.Hour)
		case "big":
			return strings.Repeat("x", 7<<20), nil
		case "misuse":
			// Answers for another invocation and a late init error.
			return map[string]int{"wrongID": post("/invocation/not-this-one/response"), "lateInitError": post("/init/error")}, nil
		}
		return map[string]any{
			"event": ev.Value, "requestId": lc.AwsRequestID, "arn": lc.InvokedFunctionArn,
			"deadlineInMs": time.Until(deadline).Milliseconds(), "pid": os.Getpid(),
			"env": os.Getenv(ev.Value),
		}, nil
	})
}

// syncBuffer collects a bootstrap's logs, shown when a test fails.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
