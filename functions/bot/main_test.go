package main

import (
	"context"
	"embed"
	"testing"

	"github.com/rastro-cc/rastro/infra/apitest"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/domain"
)

//go:embed testdata/*.json
var testdata embed.FS

func TestMain(m *testing.M) { localaws.Main(m) }

// The sample events are what API Gateway sends from the "prod" stage; each
// one, handed to the handler as Lambda would, is answered as documented.
func TestSampleEvents(t *testing.T) {
	st := apitest.Table{Prefix: "t", Stream: true}.Must(t)
	sessions := apitest.ReadJSON[[]domain.BotSession](t, testdata, "testdata/sessions.json")
	for _, b := range sessions {
		if _, err := st.PutBotSession(context.Background(), "acme", b); err != nil {
			t.Fatal(err)
		}
	}
	signer := apitest.Signer("sample-events-cursor-key-0123456789")
	fn := apitest.NewLambda(botreport.NewHandler(&botreport.Service{Store: st, Cursors: signer}, auth.Resolver{}), testdata)

	tests := []struct {
		file  string
		check func(body map[string]any) bool
	}{
		{"apigw-report.json", func(b map[string]any) bool { // an admin: both sessions, newest first
			s := b["sessions"].([]any)
			return len(s) == 2 && s[0].(map[string]any)["id"] == sessions[0].ID &&
				s[1].(map[string]any)["status"] == "cancelled for inactivity" && b["nextCursor"] == nil
		}},
		{"apigw-session.json", func(b map[string]any) bool { // a supervisor of Vendas
			s := b["session"].(map[string]any)
			return s["id"] == sessions[0].ID && len(s["messages"].([]any)) == 2 && s["interactionUrl"] == "/v1/interactions/chat-1"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			if status, body := fn.Replay(t, tc.file, nil); status != 200 || !tc.check(body) {
				t.Fatalf("%d %v", status, body)
			}
		})
	}
}
