package apitest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rastro-cc/rastro/infra/devserver"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
)

// Gateway is one function behind the dev server's API Gateway: real HTTP
// requests with dev tokens, verified and turned into API Gateway v2 events
// carrying the claims, as in `make dev`.
type Gateway struct {
	srv    *httptest.Server
	issuer auth.DevIssuer
}

// Serve serves h as function (a name of httpapi.Functions) until the test
// ends; the routes of the other functions answer 404.
func Serve(tb testing.TB, issuer auth.DevIssuer, function string, h http.Handler) *Gateway {
	tb.Helper()
	fns := map[string]http.Handler{}
	for _, f := range httpapi.Functions() {
		fns[f] = http.NotFoundHandler()
	}
	fns[function] = h
	mux := http.NewServeMux()
	(&devserver.Gateway{Issuer: issuer, Functions: fns}).Mount(mux)
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return &Gateway{srv: srv, issuer: issuer}
}

// Do sends method path (with a JSON body, when not nil) as who (no token
// for a zero identity) and returns the status and the raw body.
func (g *Gateway) Do(tb testing.TB, who domain.Identity, method, path string, body []byte) (int, []byte) {
	tb.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, g.srv.URL+path, r)
	if err != nil {
		tb.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if who.Tenant != "" {
		tok, err := g.issuer.Issue(who)
		if err != nil {
			tb.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := g.srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, b
}

// DoJSON is Do, decoding the body into a new T and failing unless the
// status is want.
func DoJSON[T any](tb testing.TB, g *Gateway, who domain.Identity, method, path string, body []byte, want int) T {
	tb.Helper()
	status, b := g.Do(tb, who, method, path, body)
	if status != want {
		tb.Fatalf("%s %s: %d %s, want %d", method, path, status, b, want)
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		tb.Fatalf("%s %s: body %q: %v", method, path, b, err)
	}
	return v
}

// ErrorOf decodes an error answer.
func ErrorOf(tb testing.TB, body []byte) httpapi.ErrorDetail {
	tb.Helper()
	var b httpapi.ErrorBody
	if err := json.Unmarshal(body, &b); err != nil {
		tb.Fatalf("error body %q: %v", body, err)
	}
	return b.Error
}
