package devserver_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/httpapi"
)

// internals are what an answer must never show: a stack, a Go source
// position, a runtime or AWS SDK error's text.
var internals = []string{"goroutine ", ".go:", "panic", "runtime error", "operation error", "dynamodb", "DynamoDB", "Exception", "s3:", "nil pointer"}

// everyRouteRefusesBadInputCleanly sends every route of the table bad
// input as every principal (garbage ids and keys, malformed and unknown
// parameters, a body that is not JSON, an empty body) and holds each
// answer to the error contract: never a 5xx, and every 4xx a JSON
// {"error": {"code", "message", "field"?}} that shows nothing internal.
func everyRouteRefusesBadInputCleanly(t *testing.T, c client, principals map[string]string) {
	ids := []string{"x", "../../etc/passwd", "%00", strings.Repeat("9", 600), "T#other#I#1", "tel:+5511999990000"}
	queries := []string{"", "limit=-1", "limit=abc&from=not-a-date", "from=2026-01-01&to=2025-01-01", "zzz=1", "cursor=abc.def", "zone=Mars/Olympus", "media=fax", "group=nope&view=nope"}
	bodies := [][]byte{nil, []byte("{not json"), []byte(`{"unknown": true}`), []byte(`[]`), []byte(`{"interactions": [{"id": 1}]}`)}
	probes := 0
	for _, r := range httpapi.Routes {
		for who, token := range principals {
			for _, id := range ids {
				path := r.Path
				for _, p := range []string{"{id}", "{contactKey}", "{agentId}"} {
					path = strings.ReplaceAll(path, p, url.PathEscape(id))
				}
				for _, q := range queries {
					for _, body := range bodies {
						if r.Method == http.MethodGet && body != nil {
							continue
						}
						probes++
						status, b := c.raw(r.Method, path+"?"+q, token, body)
						what := r.Method + " " + path + "?" + q + " as " + who
						if status >= 500 {
							t.Errorf("%s: %d %s", what, status, b)
							continue
						}
						if status < 400 {
							continue
						}
						var e struct {
							Error *struct {
								Code    string `json:"code"`
								Message string `json:"message"`
								Field   any    `json:"field"`
							} `json:"error"`
						}
						if err := json.Unmarshal(b, &e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Message == "" {
							t.Errorf("%s: %d with a body not in the error shape: %s", what, status, b)
							continue
						}
						if _, ok := e.Error.Field.(string); e.Error.Field != nil && !ok {
							t.Errorf("%s: field %v is not a string", what, e.Error.Field)
						}
						for _, s := range internals {
							if strings.Contains(string(b), s) {
								t.Errorf("%s: %d shows %q: %s", what, status, s, b)
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d bad requests to %d routes as %d principals: every answer below 500, every 4xx in the error shape", probes, len(httpapi.Routes), len(principals))
}
