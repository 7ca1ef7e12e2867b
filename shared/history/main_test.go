package history_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/apitest"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/history"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// backing is the table and media bucket every test of the package shares;
// each test works in its own tenant.
var backing = apitest.Backing{Table: apitest.Table{Prefix: "history", Stream: true}, Bucket: "media"}

// signer is the cursor key of these tests.
var signer = apitest.Signer("history-tests-cursor-key-0123456789")

// env is the history function behind the dev server's API Gateway, as in
// `make dev`, with the store and media bucket it works on.
type env struct {
	gw     *apitest.Gateway
	st     *store.Store
	s3     *s3.Client
	bucket string
}

func newEnv(tb testing.TB, ttl time.Duration) *env {
	tb.Helper()
	st, s3c, bucket := backing.Must(tb)
	h := history.NewHandler(history.Config{
		Store: st, Resolver: auth.Resolver{TrustIngestTenantClaim: true}, Cursors: signer,
		S3: s3c, MediaBucket: bucket, RecordingTTL: ttl,
	})
	issuer := auth.DevIssuer{Key: []byte("history-tests-token-key-0123456789")}
	return &env{gw: apitest.Serve(tb, issuer, "history", h), st: st, s3: s3c, bucket: bucket}
}

func admin(tenant string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "u-admin", Name: "Ana Admin", Role: domain.RoleAdmin}
}

func supervisor(tenant string, queues ...string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "u-sup", Name: "Sil Supervisor", Role: domain.RoleSupervisor, Queues: queues}
}

func ingestClient(tenant string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "platform", Role: domain.RoleIngest}
}

// get sends GET path as who (no token for a zero identity) and returns
// the status and the raw body.
func (e *env) get(tb testing.TB, who domain.Identity, path string) (int, []byte) {
	tb.Helper()
	return e.gw.Do(tb, who, http.MethodGet, path, nil)
}

// getJSON is get, decoding the body into a new T and failing unless the
// status is want.
func getJSON[T any](tb testing.TB, e *env, who domain.Identity, path string, want int) T {
	tb.Helper()
	return apitest.DoJSON[T](tb, e.gw, who, http.MethodGet, path, nil, want)
}

var errorOf = apitest.ErrorOf

// put stores interactions of tenant as ingestion would: validated, then
// written.
func (e *env) put(tb testing.TB, tenant string, ins ...domain.Interaction) {
	tb.Helper()
	for _, in := range ins {
		if err := in.Validate(time.Now()); err != nil {
			tb.Fatalf("fixture %s: %v", in.ID, err)
		}
		if _, err := e.st.PutInteraction(context.Background(), store.Tenant(tenant), in); err != nil {
			tb.Fatal(err)
		}
	}
}

// upload puts random bytes at key of the media bucket and returns them.
func (e *env) upload(tb testing.TB, key string) []byte {
	tb.Helper()
	b := make([]byte, 3000)
	_, _ = rand.Read(b)
	_, err := e.s3.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(e.bucket), Key: aws.String(key), Body: bytes.NewReader(b), ContentType: aws.String("audio/wav"),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func tp(t time.Time) *time.Time { return &t }
func fp(f float64) *float64     { return &f }
