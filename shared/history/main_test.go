package history_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/devserver"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/history"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// backing is the table and media bucket every test of the package shares;
// each test works in its own tenant.
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
		name := localaws.UniqueName(tb, "history")
		if err := store.CreateTable(ctx, client, name); err != nil {
			tb.Fatal(err)
		}
		gw := localaws.MustS3(tb)
		bucket := localaws.UniqueName(tb, "media")
		if err := gw.EnsureBucket(ctx, bucket); err != nil {
			tb.Fatal(err)
		}
		backing.st, backing.s3, backing.bucket = store.New(client, name), gw.Client(), bucket
	}
	return backing.st, backing.s3, backing.bucket
}

// signer is the cursor key of these tests.
var signer = func() cursor.Signer {
	s, err := cursor.NewSigner([]byte("history-tests-cursor-key-0123456789"))
	if err != nil {
		panic(err)
	}
	return s
}()

// env is the history function behind the dev server's API Gateway: real
// HTTP requests with dev tokens, verified and turned into API Gateway v2
// events carrying the claims, as in `make dev`.
type env struct {
	srv    *httptest.Server
	issuer auth.DevIssuer
	st     *store.Store
	s3     *s3.Client
	bucket string
}

func newEnv(tb testing.TB, ttl time.Duration) *env {
	tb.Helper()
	st, s3c, bucket := mustBacking(tb)
	h := history.NewHandler(history.Config{
		Store: st, Resolver: auth.Resolver{TrustIngestTenantClaim: true}, Cursors: signer,
		S3: s3c, MediaBucket: bucket, RecordingTTL: ttl,
	})
	fns := map[string]http.Handler{}
	for _, f := range httpapi.Functions() {
		fns[f] = http.NotFoundHandler() // other functions are not under test
	}
	fns["history"] = h
	issuer := auth.DevIssuer{Key: []byte("history-tests-token-key-0123456789")}
	mux := http.NewServeMux()
	(&devserver.Gateway{Issuer: issuer, Functions: fns}).Mount(mux)
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return &env{srv: srv, issuer: issuer, st: st, s3: s3c, bucket: bucket}
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
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
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

// getJSON is get, decoding the body into a new T and failing unless the
// status is want.
func getJSON[T any](tb testing.TB, e *env, who domain.Identity, path string, want int) T {
	tb.Helper()
	status, body := e.get(tb, who, path)
	if status != want {
		tb.Fatalf("GET %s: %d %s, want %d", path, status, body, want)
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		tb.Fatalf("GET %s: body %q: %v", path, body, err)
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
