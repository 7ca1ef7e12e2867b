package main

import (
	"context"
	"embed"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/store"
)

//go:embed testdata/*.json
var testdata embed.FS

func TestMain(m *testing.M) { localaws.Main(m) }

// The sample events are what API Gateway sends from the "prod" stage; each
// one, handed to the handler as Lambda would, is answered as documented:
// the create event queues a job, the list shows it, and the get event
// finds it once it names it (and 404s as it is: no such job).
func TestSampleEvents(t *testing.T) {
	ctx := context.Background()
	client := localaws.MustDynamo(t).Client()
	table := localaws.UniqueName(t, "t")
	if err := store.CreateTableWithoutStream(ctx, client, table); err != nil {
		t.Fatal(err)
	}
	signer, err := cursor.NewSigner([]byte("sample-events-cursor-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	h := httpadapter.NewV2(exports.NewHandler(exports.Config{
		Store: store.New(client, table), Resolver: auth.Resolver{}, Cursors: signer, Bucket: "rastro-exports",
		Now: func() time.Time { return now },
	}))
	call := func(t *testing.T, file string, edit func(*events.APIGatewayV2HTTPRequest)) (int, map[string]any) {
		t.Helper()
		raw, err := testdata.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var ev events.APIGatewayV2HTTPRequest
		if err := json.Unmarshal(raw, &ev); err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			edit(&ev)
		}
		resp, err := h.ProxyWithContext(ctx, ev)
		if err != nil {
			t.Fatal(err)
		}
		var body map[string]any
		if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
			t.Fatalf("%d %s", resp.StatusCode, resp.Body)
		}
		return resp.StatusCode, body
	}

	status, job := call(t, "apigw-create.json", nil)
	params, _ := job["params"].(map[string]any)
	if status != 202 || job["status"] != "queued" || job["format"] != "csv" || params["media"] != "whatsapp" || job["createdBy"] != "u-1" {
		t.Fatalf("create: %d %v", status, job)
	}
	id, _ := job["id"].(string)

	status, list := call(t, "apigw-list.json", nil)
	items, _ := list["items"].([]any)
	if status != 200 || len(items) != 1 || items[0].(map[string]any)["id"] != id || list["nextCursor"] != nil {
		t.Fatalf("list: %d %v", status, list)
	}

	status, got := call(t, "apigw-get.json", func(ev *events.APIGatewayV2HTTPRequest) {
		ev.RawPath = strings.Replace(ev.RawPath, ev.PathParameters["id"], id, 1)
		ev.RequestContext.HTTP.Path = ev.RawPath
		ev.PathParameters["id"] = id
	})
	if status != 200 || got["id"] != id || got["status"] != "queued" {
		t.Fatalf("get: %d %v", status, got)
	}
	if status, body := call(t, "apigw-get.json", nil); status != 404 {
		t.Fatalf("get of a job that does not exist: %d %v", status, body)
	}
}
