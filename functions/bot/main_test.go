package main

import (
	"context"
	"embed"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

//go:embed testdata/*.json
var testdata embed.FS

func TestMain(m *testing.M) { localaws.Main(m) }

// The sample events are what API Gateway sends from the "prod" stage; each
// one, handed to the handler as Lambda would, is answered as documented.
func TestSampleEvents(t *testing.T) {
	ctx := context.Background()
	client := localaws.MustDynamo(t).Client()
	table := localaws.UniqueName(t, "t")
	if err := store.CreateTable(ctx, client, table); err != nil {
		t.Fatal(err)
	}
	st := store.New(client, table)
	raw, err := testdata.ReadFile("testdata/sessions.json")
	if err != nil {
		t.Fatal(err)
	}
	var sessions []domain.BotSession
	if err := json.Unmarshal(raw, &sessions); err != nil {
		t.Fatal(err)
	}
	for _, b := range sessions {
		if _, err := st.PutBotSession(ctx, "acme", b); err != nil {
			t.Fatal(err)
		}
	}
	signer, err := cursor.NewSigner([]byte("sample-events-cursor-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	h := httpadapter.NewV2(botreport.NewHandler(&botreport.Service{Store: st, Cursors: signer}, auth.Resolver{}))

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
			raw, err := testdata.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(raw, &ev); err != nil {
				t.Fatal(err)
			}
			resp, err := h.ProxyWithContext(ctx, ev)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(resp.Body), &body); err != nil || resp.StatusCode != 200 || !tc.check(body) {
				t.Fatalf("%d %s", resp.StatusCode, resp.Body)
			}
		})
	}
}
