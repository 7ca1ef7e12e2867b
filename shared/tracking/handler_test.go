package tracking_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// get calls the function's handler as Lambda would, with the claims the
// JWT authorizer would have verified.
func get(tb testing.TB, svc *tracking.Service, query string, claims map[string]string) (int, map[string]any) {
	tb.Helper()
	path := "/v1/reports/interactions"
	ev := events.APIGatewayV2HTTPRequest{
		Version: "2.0", RouteKey: "GET " + path, RawPath: path, RawQueryString: query,
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID: "req-1", HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: path},
		},
	}
	if claims != nil {
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims},
		}
	}
	resp, err := httpadapter.NewV2(tracking.NewHandler(svc, auth.Resolver{})).ProxyWithContext(context.Background(), ev)
	if err != nil {
		tb.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
		tb.Fatalf("status %d, body not JSON: %q", resp.StatusCode, resp.Body)
	}
	return resp.StatusCode, out
}

func user(tenant, role, queues string) map[string]string {
	return map[string]string{"sub": "u-" + role, "custom:tenant": tenant, "custom:role": role, "custom:queues": queues}
}

func TestHandler(t *testing.T) {
	now := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	e := newEnv(t, "America/Sao_Paulo", now)
	var ins []domain.Interaction
	for i, q := range []string{"q1", "q2", "q1", "q2", "q1"} {
		start := now.Add(-time.Duration(i+1) * time.Hour)
		ins = append(ins, domain.Interaction{ID: "c" + string(rune('0'+i)), Media: domain.MediaVoice, Queue: q, Start: start, Updated: start, Finished: &start, State: domain.StateClosed})
	}
	e.load(t, ins)
	admin, sup := user("acme", "admin", ""), user("acme", "supervisor", "q2")

	status, body := get(t, e.svc, "media=voice&limit=2", admin)
	if status != 200 || len(body["rows"].([]any)) != 2 || body["nextCursor"] == nil || body["zone"] != "America/Sao_Paulo" {
		t.Fatalf("first page: %d %v", status, body)
	}
	next := body["nextCursor"].(string)
	if status, body := get(t, e.svc, "media=voice&limit=2&cursor="+url.QueryEscape(next), admin); status != 200 || len(body["rows"].([]any)) != 2 {
		t.Fatalf("second page: %d %v", status, body)
	}

	status, body = get(t, e.svc, "media=voice", sup)
	if status != 200 || len(body["rows"].([]any)) != 2 {
		t.Fatalf("supervisor sees q2 only: %d %v", status, body)
	}
	for _, r := range body["rows"].([]any) {
		if r.(map[string]any)["queue"] != "q2" {
			t.Fatalf("supervisor saw %v", r)
		}
	}

	// A cursor from another tenant: same key, same filters, other tenant.
	signer, _ := cursor.NewSigner(testKey)
	other := &tracking.Service{Store: e.st, Cursors: signer, Now: e.svc.Now}
	_, ob := get(t, other, "media=voice&limit=1", user("beta", "admin", ""))
	foreign, _ := ob["nextCursor"].(string)
	if foreign == "" {
		// beta has no rows; seal one by hand the way the service does.
		foreign, _ = signer.Seal(cursor.Holder{Tenant: "beta", User: "u"}, "x", store.RowPos{})
	}
	tampered := []byte(next)
	tampered[3] ^= 1

	cases := []struct {
		name   string
		query  string
		claims map[string]string
		status int
		field  string
	}{
		{"no token", "media=voice", nil, 401, ""},
		{"ingest client", "media=voice", map[string]string{"client_id": "c", "scope": auth.IngestScope, "custom:tenant": "acme"}, 403, ""},
		{"tampered cursor", "media=voice&limit=2&cursor=" + url.QueryEscape(string(tampered)), admin, 400, "cursor"},
		{"garbage cursor", "media=voice&limit=2&cursor=abc", admin, 400, "cursor"},
		{"foreign tenant's cursor", "media=voice&limit=2&cursor=" + url.QueryEscape(foreign), admin, 400, "cursor"},
		{"cursor of other filters", "media=voice&limit=2&sort=asc&cursor=" + url.QueryEscape(next), admin, 400, "cursor"},
		{"cursor used by a supervisor", "media=voice&limit=2&cursor=" + url.QueryEscape(next), sup, 400, "cursor"},
		{"cursor used by another admin", "media=voice&limit=2&cursor=" + url.QueryEscape(next),
			map[string]string{"sub": "u-other", "custom:tenant": "acme", "custom:role": "admin"}, 400, "cursor"},
		{"unknown parameter", "media=voice&colour=red", admin, 400, "colour"},
		{"filter of another media", "media=voice&email=a@b.co", admin, 400, "email"},
		{"supervisor asks for another queue", "media=voice&queue=q1", sup, 403, "queue"},
		{"bad email", "media=email&email=test@gmail.c", admin, 400, "email"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := get(t, e.svc, c.query, c.claims)
			if status != c.status {
				t.Fatalf("status %d, want %d: %v", status, c.status, body)
			}
			e := body["error"].(map[string]any)
			if c.field != "" && e["field"] != c.field {
				t.Fatalf("field %v, want %s: %v", e["field"], c.field, body)
			}
			if strings.Contains(e["message"].(string), "goroutine") {
				t.Fatalf("stack trace leaked: %v", e)
			}
		})
	}
}
