package auth_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
)

func TestResolverIdentity(t *testing.T) {
	rv := auth.Resolver{IngestClients: map[string]string{"cli-1": "acme"}}
	tests := []struct {
		name     string
		claims   map[string]string
		scopes   []string
		want     domain.Identity
		wantCode domain.Code
	}{
		{"admin", map[string]string{"sub": "u1", "name": "Ana", "custom:tenant": "acme", "custom:role": "admin"}, nil,
			domain.Identity{Tenant: "acme", UserID: "u1", Name: "Ana", Role: domain.RoleAdmin, Queues: []string{}}, ""},
		{"supervisor with queues", map[string]string{"sub": "u2", "custom:tenant": "acme", "custom:role": "supervisor", "custom:queues": "Vendas, Suporte,"}, nil,
			domain.Identity{Tenant: "acme", UserID: "u2", Role: domain.RoleSupervisor, Queues: []string{"Vendas", "Suporte"}}, ""},
		{"machine client mapped by configuration", map[string]string{"client_id": "cli-1", "sub": "cli-1"}, []string{"rastro/ingest"},
			domain.Identity{Tenant: "acme", UserID: "cli-1", Role: domain.RoleIngest, Queues: []string{}}, ""},
		{"configuration beats a tenant claim", map[string]string{"client_id": "cli-1", "custom:tenant": "other", "scope": "rastro/ingest"}, nil,
			domain.Identity{Tenant: "acme", UserID: "cli-1", Role: domain.RoleIngest, Queues: []string{}}, ""},
		{"unmapped machine client", map[string]string{"client_id": "cli-9", "scope": "rastro/ingest"}, nil, domain.Identity{}, domain.CodeForbidden},
		{"unmapped machine client naming a tenant", map[string]string{"client_id": "cli-9", "scope": "rastro/ingest", "custom:tenant": "acme"}, nil, domain.Identity{}, domain.CodeForbidden},
		{"no tenant", map[string]string{"sub": "u1", "custom:role": "admin"}, nil, domain.Identity{}, domain.CodeForbidden},
		{"tenant with separator", map[string]string{"sub": "u1", "custom:role": "admin", "custom:tenant": "acme#x"}, nil, domain.Identity{}, domain.CodeForbidden},
		{"unknown role", map[string]string{"sub": "u1", "custom:role": "root", "custom:tenant": "acme"}, nil, domain.Identity{}, domain.CodeForbidden},
		{"no subject", map[string]string{"custom:role": "admin", "custom:tenant": "acme"}, nil, domain.Identity{}, domain.CodeForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rv.Identity(tc.claims, tc.scopes)
			if tc.wantCode != "" {
				if domain.ErrorCode(err) != tc.wantCode {
					t.Fatalf("err %v, want code %s", err, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Tenant != tc.want.Tenant || got.UserID != tc.want.UserID || got.Role != tc.want.Role || got.Name != tc.want.Name ||
				len(got.Queues) != len(tc.want.Queues) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got.Queues {
				if got.Queues[i] != tc.want.Queues[i] {
					t.Fatalf("queues %v, want %v", got.Queues, tc.want.Queues)
				}
			}
		})
	}
}

func TestDevTokensRoundTrip(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	iss := auth.DevIssuer{Key: []byte("0123456789abcdef0123456789abcdef"), Now: func() time.Time { return now }}
	rv := auth.Resolver{TrustIngestTenantClaim: true}
	for _, id := range []domain.Identity{
		{Tenant: "demo", UserID: "u1", Name: "Ana", Role: domain.RoleAdmin, Queues: []string{}},
		{Tenant: "demo", UserID: "u2", Name: "Sil", Role: domain.RoleSupervisor, Queues: []string{"Vendas", "Suporte"}},
		{Tenant: "demo", UserID: "platform", Role: domain.RoleIngest, Queues: []string{}},
	} {
		tok, err := iss.Issue(id)
		if err != nil {
			t.Fatal(err)
		}
		claims, scopes, err := iss.Verify(tok)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rv.Identity(claims, scopes)
		if err != nil {
			t.Fatal(err)
		}
		if got.Tenant != id.Tenant || got.Role != id.Role || got.UserID != id.UserID || len(got.Queues) != len(id.Queues) {
			t.Fatalf("round trip: got %+v, want %+v", got, id)
		}
	}
	tok, _ := iss.Issue(domain.Identity{Tenant: "demo", UserID: "u1", Role: domain.RoleAdmin})
	bad := []struct{ name, token string }{
		{"other key", func() string {
			t2, _ := auth.DevIssuer{Key: []byte("another-key-another-key-another-k"), Now: iss.Now}.Issue(domain.Identity{Tenant: "demo", UserID: "u", Role: domain.RoleAdmin})
			return t2
		}()},
		{"tampered", tok[:len(tok)-2] + "xx"},
		{"garbage", "not.a.token"},
		{"expired", func() string {
			old := auth.DevIssuer{Key: iss.Key, Now: func() time.Time { return now.Add(-24 * time.Hour) }, TTL: time.Hour}
			t3, _ := old.Issue(domain.Identity{Tenant: "demo", UserID: "u", Role: domain.RoleAdmin})
			return t3
		}()},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			if _, _, err := iss.Verify(b.token); domain.ErrorCode(err) != domain.CodeUnauthorized {
				t.Fatalf("err %v, want unauthorized", err)
			}
		})
	}
}

func TestRequire(t *testing.T) {
	rv := auth.Resolver{}
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := auth.From(r.Context())
		_, _ = w.Write([]byte(id.Tenant))
	})
	fail := func(w http.ResponseWriter, r *http.Request, err error) {
		w.WriteHeader(map[domain.Code]int{domain.CodeUnauthorized: 401, domain.CodeForbidden: 403}[domain.ErrorCode(err)])
	}
	h := httpadapter.NewV2(rv.Require(fail, domain.RoleAdmin)(ok))
	tests := []struct {
		name   string
		claims map[string]string
		want   int
	}{
		{"no claims", nil, 401},
		{"admin", map[string]string{"sub": "u", "custom:tenant": "acme", "custom:role": "admin"}, 200},
		{"supervisor", map[string]string{"sub": "u", "custom:tenant": "acme", "custom:role": "supervisor"}, 403},
		{"ingest", map[string]string{"client_id": "c", "custom:tenant": "acme", "scope": "rastro/ingest"}, 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := events.APIGatewayV2HTTPRequest{RawPath: "/x", RequestContext: events.APIGatewayV2HTTPRequestContext{
				HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: "/x"}}}
			if tc.claims != nil {
				ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
					JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: tc.claims}}
			}
			resp, err := h.ProxyWithContext(context.Background(), ev)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.want)
			}
		})
	}
	// Outside API Gateway there is no verified identity at all.
	rec := httptest.NewRecorder()
	rv.Require(fail, domain.RoleAdmin)(ok).ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != 401 {
		t.Fatalf("direct call: %d, want 401", rec.Code)
	}
}
