package main

import (
	"context"
	"embed"
	"testing"

	"github.com/rastro-cc/rastro/infra/apitest"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/history"
)

//go:embed testdata/*.json
var testdata embed.FS

func TestMain(m *testing.M) { localaws.Main(m) }

// The sample events are what API Gateway sends from the "prod" stage; each
// one, handed to the handler as Lambda would, is answered as documented.
func TestSampleEvents(t *testing.T) {
	st := apitest.Table{Prefix: "t", Stream: true}.Must(t)
	// The interactions the sample events look up (the bootstrap tests in
	// infra/lambdaemu store the same file).
	for _, in := range apitest.ReadJSON[[]domain.Interaction](t, testdata, "testdata/interactions.json") {
		if _, err := st.PutInteraction(context.Background(), "acme", in); err != nil {
			t.Fatal(err)
		}
	}
	signer := apitest.Signer("sample-events-cursor-key-0123456789")
	fn := apitest.NewLambda(history.NewHandler(history.Config{Store: st, Resolver: auth.Resolver{}, Cursors: signer}), testdata)

	tests := []struct {
		file  string
		check func(body map[string]any) bool
	}{
		{"apigw-interaction.json", func(b map[string]any) bool { return b["row"].(map[string]any)["id"] == "chat-1" }},
		{"apigw-interaction-history.json", func(b map[string]any) bool {
			legs := b["legs"].([]any)
			return b["order"] == "desc" && len(legs) == 2 && legs[0].(map[string]any)["agentId"] == "agB"
		}},
		{"apigw-contact-interactions.json", func(b map[string]any) bool { // a supervisor of Vendas and Suporte
			return len(b["items"].([]any)) == 2 && b["nextCursor"] == nil
		}},
		{"apigw-agent-interactions.json", func(b map[string]any) bool {
			items := b["items"].([]any)
			return len(items) == 1 && items[0].(map[string]any)["id"] == "chat-1" && b["nextCursor"] != nil
		}},
		{"apigw-lookup-protocol.json", func(b map[string]any) bool {
			items := b["items"].([]any)
			return len(items) == 1 && items[0].(map[string]any)["id"] == "chat-1"
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
