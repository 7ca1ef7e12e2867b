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
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/history"
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
	// The interactions the sample events look up (the bootstrap tests in
	// infra/lambdaemu store the same file).
	raw, err := testdata.ReadFile("testdata/interactions.json")
	if err != nil {
		t.Fatal(err)
	}
	var ins []domain.Interaction
	if err := json.Unmarshal(raw, &ins); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		if _, err := st.PutInteraction(ctx, "acme", in); err != nil {
			t.Fatal(err)
		}
	}
	signer, err := cursor.NewSigner([]byte("sample-events-cursor-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	h := httpadapter.NewV2(history.NewHandler(history.Config{Store: st, Resolver: auth.Resolver{}, Cursors: signer}))

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
