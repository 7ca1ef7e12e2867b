package apitest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/store"
)

// Table is how a test's table is made in DynamoDB Local.
type Table struct {
	Prefix string // of its unique name
	// Stream is for tests that read the table's stream: DynamoDB Local
	// slows down as a process's streams grow, so the others go without
	// one (see store.CreateTableWithoutStream).
	Stream bool
}

// Must creates a table of its own for the test and returns its store.
func (t Table) Must(tb testing.TB) *store.Store {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := localaws.MustDynamo(tb).Client()
	name := localaws.UniqueName(tb, t.Prefix)
	create := store.CreateTableWithoutStream
	if t.Stream {
		create = store.CreateTable
	}
	if err := create(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	return store.New(client, name)
}

// Backing is a table and a bucket every test of a package shares, made on
// first use; each test works in tenants of its own. Declare one as a
// package variable.
type Backing struct {
	Table  Table
	Bucket string // prefix of the bucket's unique name

	mu     sync.Mutex // a failed first use leaves it to the next test, which sync.Once would not
	st     *store.Store
	s3     *s3.Client
	bucket string
}

// Must returns the shared store, S3 client and bucket name.
func (b *Backing) Must(tb testing.TB) (*store.Store, *s3.Client, string) {
	tb.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.st == nil {
		st := b.Table.Must(tb)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		gw := localaws.MustS3(tb)
		bucket := localaws.UniqueName(tb, b.Bucket)
		if err := gw.EnsureBucket(ctx, bucket); err != nil {
			tb.Fatal(err)
		}
		b.st, b.s3, b.bucket = st, gw.Client(), bucket
	}
	return b.st, b.s3, b.bucket
}

// Signer is the cursor signer of key, a constant of the tests: it panics
// when the key is too short to sign with.
func Signer(key string) cursor.Signer {
	s, err := cursor.NewSigner([]byte(key))
	if err != nil {
		panic(err)
	}
	return s
}
