package main

import (
	"embed"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/rastro-cc/rastro/infra/apitest"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/exports"
)

//go:embed testdata/*.json
var testdata embed.FS

func TestMain(m *testing.M) { localaws.Main(m) }

// The sample events are what API Gateway sends from the "prod" stage; each
// one, handed to the handler as Lambda would, is answered as documented:
// the create event queues a job, the list shows it, and the get event
// finds it once it names it (and 404s as it is: no such job).
func TestSampleEvents(t *testing.T) {
	st := apitest.Table{Prefix: "t"}.Must(t)
	now := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	fn := apitest.NewLambda(exports.NewHandler(exports.Config{
		Store: st, Resolver: auth.Resolver{}, Cursors: apitest.Signer("sample-events-cursor-key-0123456789"),
		Bucket: "rastro-exports", Now: func() time.Time { return now },
	}), testdata)

	status, job := fn.Replay(t, "apigw-create.json", nil)
	params, _ := job["params"].(map[string]any)
	if status != 202 || job["status"] != "queued" || job["format"] != "csv" || params["media"] != "whatsapp" || job["createdBy"] != "u-1" {
		t.Fatalf("create: %d %v", status, job)
	}
	id, _ := job["id"].(string)

	status, list := fn.Replay(t, "apigw-list.json", nil)
	items, _ := list["items"].([]any)
	if status != 200 || len(items) != 1 || items[0].(map[string]any)["id"] != id || list["nextCursor"] != nil {
		t.Fatalf("list: %d %v", status, list)
	}

	status, got := fn.Replay(t, "apigw-get.json", func(ev *events.APIGatewayV2HTTPRequest) {
		ev.RawPath = strings.Replace(ev.RawPath, ev.PathParameters["id"], id, 1)
		ev.RequestContext.HTTP.Path = ev.RawPath
		ev.PathParameters["id"] = id
	})
	if status != 200 || got["id"] != id || got["status"] != "queued" {
		t.Fatalf("get: %d %v", status, got)
	}
	if status, body := fn.Replay(t, "apigw-get.json", nil); status != 404 {
		t.Fatalf("get of a job that does not exist: %d %v", status, body)
	}
}
