package httpapi_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/httpapi"
)

// A named stage's segment leads every path API Gateway hands a function;
// routes match without it, and $default has none.
func TestMuxRoutesWithoutTheStage(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Path))
	})
	h := httpadapter.NewV2(httpapi.Mux("settings", map[string]http.Handler{"GET /v1/me": ok, "PUT /v1/settings": ok}))
	tests := []struct {
		stage, path string
		status      int
	}{
		{"prod", "/prod/v1/me", 200},
		{"$default", "/v1/me", 200},
		{"", "/v1/me", 200},
		{"prod", "/v1/me", 200},            // already without it
		{"prod", "/production/v1/me", 404}, // a segment that only starts like the stage
		{"v1", "/v1/v1/me", 200},           // a stage named like the first segment
	}
	for _, tc := range tests {
		t.Run(tc.stage+tc.path, func(t *testing.T) {
			ev := events.APIGatewayV2HTTPRequest{RawPath: tc.path, RequestContext: events.APIGatewayV2HTTPRequestContext{
				Stage: tc.stage, HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: tc.path}}}
			resp, err := h.ProxyWithContext(context.Background(), ev)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status || (tc.status == 200 && resp.Body != "/v1/me") {
				t.Fatalf("%d %q, want %d", resp.StatusCode, resp.Body, tc.status)
			}
		})
	}
}
