package exports_test

import (
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/apitest"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// backing is the table (without a stream: no exporter runs here) and the
// exports bucket every test of the package shares; each test works in
// tenants of its own.
var backing = apitest.Backing{Table: apitest.Table{Prefix: "exports"}, Bucket: "exports"}

var signer = apitest.Signer("exports-tests-cursor-key-0123456789")

// env is the exports function behind the dev server's API Gateway, as in
// `make dev`, with the store and bucket it works on.
type env struct {
	gw     *apitest.Gateway
	st     *store.Store
	s3     *s3.Client
	bucket string
}

// newEnv serves the function with the clock now (nil: the real one).
func newEnv(tb testing.TB, now func() time.Time) *env {
	tb.Helper()
	st, s3c, bucket := backing.Must(tb)
	h := exports.NewHandler(exports.Config{
		Store: st, Resolver: auth.Resolver{TrustIngestTenantClaim: true}, Cursors: signer,
		S3: s3c, Bucket: bucket, Now: now,
	})
	issuer := auth.DevIssuer{Key: []byte("exports-tests-token-key-0123456789")}
	return &env{gw: apitest.Serve(tb, issuer, "exports", h), st: st, s3: s3c, bucket: bucket}
}

func admin(tenant string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "u-admin", Name: "Ana Admin", Role: domain.RoleAdmin}
}

func supervisor(tenant string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "u-sup", Name: "Sil Supervisor", Role: domain.RoleSupervisor, Queues: []string{"Suporte"}}
}

func ingestClient(tenant string) domain.Identity {
	return domain.Identity{Tenant: tenant, UserID: "platform", Role: domain.RoleIngest}
}

// do sends method path (with body, when not nil) as who (no token for a
// zero identity) and returns the status and the raw body.
func (e *env) do(tb testing.TB, who domain.Identity, method, path string, body []byte) (int, []byte) {
	tb.Helper()
	return e.gw.Do(tb, who, method, path, body)
}

// call is do, decoding the body into a new T and failing unless the
// status is want.
func call[T any](tb testing.TB, e *env, who domain.Identity, method, path string, body []byte, want int) T {
	tb.Helper()
	return apitest.DoJSON[T](tb, e.gw, who, method, path, body, want)
}

var errorOf = apitest.ErrorOf

// ticking is a clock that moves a second on every reading, so jobs
// created one after another have distinct, ordered instants.
func ticking(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}
