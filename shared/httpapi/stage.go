package httpapi

import (
	"net/http"
	"strings"

	"github.com/awslabs/aws-lambda-go-api-proxy/core"
)

// withoutStage routes a request without its stage segment. An HTTP API
// served from a named stage (template.yaml's Stage, "prod") puts it in
// front of every path it hands a function ("/prod/v1/me"); only the
// $default stage doesn't, and the dev gateway is $default. The route
// table has no stage, so the segment is taken off before routing.
func withoutStage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gw, ok := core.GetAPIGatewayV2ContextFromContext(r.Context())
		if !ok || gw.Stage == "" || gw.Stage == "$default" {
			next.ServeHTTP(w, r)
			return
		}
		prefix := "/" + gw.Stage
		path, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok || !strings.HasPrefix(path, "/") {
			next.ServeHTTP(w, r)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = path
		if r.URL.RawPath != "" {
			r2.URL.RawPath = strings.TrimPrefix(r.URL.RawPath, prefix)
		}
		next.ServeHTTP(w, r2)
	})
}
