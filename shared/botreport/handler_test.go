package botreport_test

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
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// call sends a GET to the function's handler as Lambda would, with the
// claims the JWT authorizer would have verified.
func call(tb testing.TB, svc *botreport.Service, path, query string, claims map[string]string) (int, map[string]any) {
	tb.Helper()
	ev := events.APIGatewayV2HTTPRequest{
		Version: "2.0", RawPath: path, RawQueryString: query,
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID: "req-1", HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: path},
		},
	}
	if claims != nil {
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims},
		}
	}
	resp, err := httpadapter.NewV2(botreport.NewHandler(svc, auth.Resolver{})).ProxyWithContext(context.Background(), ev)
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

func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			s, _ := v.([]any)
			if k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

func ids(body map[string]any) []string {
	var out []string
	for _, s := range at(body, "sessions").([]any) {
		out = append(out, s.(map[string]any)["id"].(string))
	}
	return out
}

const reportPath = "/v1/reports/bot-conversations"

func TestHandler(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	e := newEnv(t, "America/Sao_Paulo", now)
	// Whole pages whatever the machine's load: the budget is another test's.
	e.svc.Budget = store.PageBudget{MaxTime: time.Minute}
	session := func(id string, ch domain.Media, ago time.Duration, queue, reason string) domain.BotSession {
		start := now.Add(-ago)
		b := domain.BotSession{ID: id, Channel: ch, Start: start, Updated: start, Queue: queue, WentToHuman: queue != "", EndReason: reason}
		c := domain.BotConversation{ID: id + "-1", Start: start, WentToHuman: queue != "", Status: reason}
		if reason != "" {
			end := start.Add(time.Minute)
			b.End, c.End, b.Updated = &end, &end, end
		}
		b.Conversations = []domain.BotConversation{c}
		b.Messages = []domain.Message{
			{ID: "m1", At: start, Direction: "out", Sender: "bot", ContentType: "text", Content: "Olá! Como posso ajudar?"},
			{ID: "m2", At: start.Add(time.Second), Direction: "in", Sender: "customer", ContentType: "text", Content: "segunda via"},
		}
		return b
	}
	wa1 := session("wa-1", domain.MediaWhatsApp, 2*time.Hour, "q1", "transferred")
	wa1.InteractionID, wa1.Phone, wa1.Name = "chat/9", "+5511999990000", "Conceição Souza"
	wa2 := session("wa-2", domain.MediaWhatsApp, 3*time.Hour, "", "cancelled_inactivity")
	wa2.Protocol, wa2.Labels, wa2.Info = "20260310092633646", []string{"Segunda Via Sucesso"}, map[string]string{"NAO_TRANSBORDADA": "true"}
	e.load(t, "acme", []domain.BotSession{wa1, wa2,
		session("web-1", domain.MediaWebchat, 4*time.Hour, "q2", "abandoned"),
		session("tg-1", domain.MediaTelegram, 5*time.Hour, "", "")})
	e.load(t, "beta", []domain.BotSession{session("beta-1", domain.MediaWhatsApp, time.Hour, "q1", "completed")})
	admin, sup := user("acme", "admin", ""), user("acme", "supervisor", "q1")

	t.Run("pages, newest first", func(t *testing.T) {
		status, body := call(t, e.svc, reportPath, "limit=2", admin)
		if status != 200 || strings.Join(ids(body), ",") != "wa-1,wa-2" || body["nextCursor"] == nil || at(body, "totals", "count") != 2.0 {
			t.Fatalf("first page: %d %v", status, body)
		}
		if body["zone"] != "America/Sao_Paulo" || body["generatedAt"] != "2026-03-10T15:00:00.000Z" || body["dataThrough"] != body["generatedAt"] {
			t.Fatalf("zone and instants: %v", body)
		}
		s := at(body, "sessions", 0).(map[string]any)
		if s["start"] != "2026-03-10 10:00:00" || s["interactionUrl"] != "/v1/interactions/chat%2F9" || s["status"] != "transferred to a human" ||
			s["name"] != "Conceição Souza" || s["phone"] != "+5511999990000" || s["messages"] != nil {
			t.Fatalf("session: %v", s)
		}
		if at(body, "sessions", 1, "status") != "cancelled for inactivity" || at(body, "sessions", 1, "endReason") != "cancelled_inactivity" {
			t.Fatalf("the WhatsApp window closing: %v", at(body, "sessions", 1))
		}
		status, body = call(t, e.svc, reportPath, "limit=2&cursor="+url.QueryEscape(body["nextCursor"].(string)), admin)
		if status != 200 || strings.Join(ids(body), ",") != "web-1,tg-1" || at(body, "sessions", 1, "status") != "in progress" {
			t.Fatalf("second page: %d %v", status, body)
		}
	})
	t.Run("filters", func(t *testing.T) {
		// A day, not the default 31: every channel's partition of every
		// day is one Query, and most of these are empty.
		for query, want := range map[string]string{
			"protocol=20260310092633646":                     "wa-2",
			"labels=Segunda%20Via%20Sucesso,Outra":           "wa-2",
			"info=NAO_TRANSBORDADA&op=exists":                "wa-2",
			"info=NAO_TRANSBORDADA&op=not_equals&value=true": "wa-1,web-1,tg-1",
			"contact=conceicao":                              "wa-1",
			"contact=%2B55%20(11)%209999":                    "wa-1",
			"channel=webchat,telegram&sort=asc":              "tg-1,web-1",
			"session=web-1":                                  "web-1",
			"session=beta-1":                                 "",
			"to=2026-03-09":                                  "", // the sessions are of the 10th
		} {
			status, body := call(t, e.svc, reportPath, "from=2026-03-09&"+query, admin)
			if status != 200 || strings.Join(ids(body), ",") != want {
				t.Errorf("%s: %d %v, want %s", query, status, body, want)
			}
		}
	})
	t.Run("a past period is complete through its end", func(t *testing.T) {
		_, body := call(t, e.svc, reportPath, "from=2026-03-01&to=2026-03-02", admin)
		if body["dataThrough"] != "2026-03-03T03:00:00.000Z" || body["generatedAt"] != "2026-03-10T15:00:00.000Z" {
			t.Fatalf("%v", body)
		}
		_, body = call(t, e.svc, reportPath, "from=2026-03-01&to=2026-03-02&zone=Asia/Kolkata", admin)
		if body["dataThrough"] != "2026-03-02T18:30:00.000Z" || body["zone"] != "Asia/Kolkata" {
			t.Fatalf("%v", body)
		}
	})
	t.Run("supervisors see the sessions of their queues", func(t *testing.T) {
		status, body := call(t, e.svc, reportPath, "", sup)
		if status != 200 || strings.Join(ids(body), ",") != "wa-1" {
			t.Fatalf("%d %v", status, body)
		}
	})
	t.Run("one session", func(t *testing.T) {
		status, body := call(t, e.svc, "/v1/bot-sessions/wa-2", "zone=UTC", admin)
		s := at(body, "session")
		if status != 200 || at(s, "id") != "wa-2" || at(s, "start") != "2026-03-10 12:00:00" || body["zone"] != "UTC" ||
			at(s, "conversations", 0, "status") != "cancelled for inactivity" || at(s, "messages", 1, "content") != "segunda via" ||
			body["dataThrough"] != "2026-03-10T15:00:00.000Z" {
			t.Fatalf("%d %v", status, body)
		}
		if status, body := call(t, e.svc, "/v1/bot-sessions/wa-1", "", sup); status != 200 || at(body, "session", "interactionId") != "chat/9" {
			t.Fatalf("supervisor, own queue: %d %v", status, body)
		}
	})

	// A cursor from another tenant: same key, same filters, other tenant.
	_, first := call(t, e.svc, reportPath, "limit=1", admin)
	next := first["nextCursor"].(string)
	_, beta := call(t, e.svc, reportPath, "limit=1", user("beta", "admin", ""))
	foreign, _ := beta["nextCursor"].(string)
	if foreign == "" {
		signer, _ := cursor.NewSigner(testKey)
		foreign, _ = signer.Seal(cursor.Holder{Tenant: "beta", User: "u"}, "x", store.BotPos{})
	}
	tampered := []byte(next)
	tampered[5] ^= 1

	cases := []struct {
		name, path, query string
		claims            map[string]string
		status            int
		field             string
	}{
		{"no token", reportPath, "", nil, 401, ""},
		{"ingest client", reportPath, "", map[string]string{"client_id": "c", "scope": auth.IngestScope, "custom:tenant": "acme"}, 403, ""},
		{"tampered cursor", reportPath, "limit=1&cursor=" + url.QueryEscape(string(tampered)), admin, 400, "cursor"},
		{"garbage cursor", reportPath, "limit=1&cursor=abc", admin, 400, "cursor"},
		{"another tenant's cursor", reportPath, "limit=1&cursor=" + url.QueryEscape(foreign), admin, 400, "cursor"},
		{"cursor of other filters", reportPath, "limit=1&sort=asc&cursor=" + url.QueryEscape(next), admin, 400, "cursor"},
		{"cursor used by a supervisor", reportPath, "limit=1&cursor=" + url.QueryEscape(next), sup, 400, "cursor"},
		{"unknown parameter", reportPath, "media=voice", admin, 400, "media"},
		{"bad protocol", reportPath, "protocol=20261332092633646", admin, 400, "protocol"},
		{"32 days", reportPath, "from=2026-02-01&to=2026-03-04", admin, 400, "to"},
		{"malformed query", reportPath, "limit=%zz", admin, 400, ""},
		{"another tenant's session", "/v1/bot-sessions/beta-1", "", admin, 404, ""},
		{"a session seen from another tenant", "/v1/bot-sessions/wa-1", "", user("beta", "admin", ""), 404, ""},
		{"unknown session", "/v1/bot-sessions/nope", "", admin, 404, ""},
		{"an id ingestion refuses", "/v1/bot-sessions/" + strings.Repeat("x", 200), "", admin, 404, ""},
		{"supervisor, session without a queue", "/v1/bot-sessions/wa-2", "", sup, 404, ""},
		{"supervisor, another queue", "/v1/bot-sessions/web-1", "", sup, 404, ""},
		{"session lookup takes only zone", "/v1/bot-sessions/wa-1", "limit=1", admin, 400, "limit"},
		{"session lookup, bad zone", "/v1/bot-sessions/wa-1", "zone=Nowhere", admin, 400, "zone"},
	}
	var notFound string
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := call(t, e.svc, c.path, c.query, c.claims)
			if status != c.status {
				t.Fatalf("status %d, want %d: %v", status, c.status, body)
			}
			errBody := body["error"].(map[string]any)
			if c.field != "" && errBody["field"] != c.field {
				t.Fatalf("field %v, want %s: %v", errBody["field"], c.field, body)
			}
			if c.status == 404 { // every 404 says the same
				if notFound == "" {
					notFound = errBody["message"].(string)
				}
				if errBody["message"] != notFound {
					t.Fatalf("%v differs from %q", errBody, notFound)
				}
			}
		})
	}
}
