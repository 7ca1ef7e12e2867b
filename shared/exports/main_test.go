package exports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/devserver"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// backing is the table (without a stream: no exporter runs here) and the
// exports bucket every test of the package shares; each test works in
// tenants of its own.
var backing struct {
	sync.Mutex
	st     *store.Store
	s3     *s3.Client
	bucket string
}

func mustBacking(tb testing.TB) (*store.Store, *s3.Client, string) {
	tb.Helper()
	backing.Lock()
	defer backing.Unlock()
	if backing.st == nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		client := localaws.MustDynamo(tb).Client()
		name := localaws.UniqueName(tb, "exports")
		if err := store.CreateTableWithoutStream(ctx, client, name); err != nil {
			tb.Fatal(err)
		}
		gw := localaws.MustS3(tb)
		bucket := localaws.UniqueName(tb, "exports")
		if err := gw.EnsureBucket(ctx, bucket); err != nil {
			tb.Fatal(err)
		}
		backing.st, backing.s3, backing.bucket = store.New(client, name), gw.Client(), bucket
	}
	return backing.st, backing.s3, backing.bucket
}

var signer = func() cursor.Signer {
	s, err := cursor.NewSigner([]byte("exports-tests-cursor-key-0123456789"))
	if err != nil {
		panic(err)
	}
	return s
}()

// env is the exports function behind the dev server's API Gateway: real
// HTTP requests with dev tokens, verified and turned into API Gateway v2
// events carrying the claims, as in `make dev`.
type env struct {
	srv    *httptest.Server
	issuer auth.DevIssuer
	st     *store.Store
	s3     *s3.Client
	bucket string
}

// newEnv serves the function with the clock now (nil: the real one).
func newEnv(tb testing.TB, now func() time.Time) *env {
	tb.Helper()
	st, s3c, bucket := mustBacking(tb)
	h := exports.NewHandler(exports.Config{
		Store: st, Resolver: auth.Resolver{TrustIngestTenantClaim: true}, Cursors: signer,
		S3: s3c, Bucket: bucket, Now: now,
	})
	fns := map[string]http.Handler{}
	for _, f := range httpapi.Functions() {
		fns[f] = http.NotFoundHandler() // other functions are not under test
	}
	fns["exports"] = h
	issuer := auth.DevIssuer{Key: []byte("exports-tests-token-key-0123456789")}
	mux := http.NewServeMux()
	(&devserver.Gateway{Issuer: issuer, Functions: fns}).Mount(mux)
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return &env{srv: srv, issuer: issuer, st: st, s3: s3c, bucket: bucket}
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
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, r)
	if err != nil {
		tb.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if who.Tenant != "" {
		tok, err := e.issuer.Issue(who)
		if err != nil {
			tb.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, b
}

// call is do, decoding the body into a new T and failing unless the
// status is want.
func call[T any](tb testing.TB, e *env, who domain.Identity, method, path string, body []byte, want int) T {
	tb.Helper()
	status, b := e.do(tb, who, method, path, body)
	if status != want {
		tb.Fatalf("%s %s: %d %s, want %d", method, path, status, b, want)
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		tb.Fatalf("%s %s: body %q: %v", method, path, b, err)
	}
	return v
}

// errorOf decodes an error answer.
func errorOf(tb testing.TB, body []byte) httpapi.ErrorDetail {
	tb.Helper()
	var b httpapi.ErrorBody
	if err := json.Unmarshal(body, &b); err != nil {
		tb.Fatalf("error body %q: %v", body, err)
	}
	return b.Error
}

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
