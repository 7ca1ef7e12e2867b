package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
)

func TestWriteError(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		status     int
		code       domain.Code
		mustNotSay string
	}{
		{"invalid", domain.FieldErr(domain.CodeInvalid, "media", "is required"), 422, domain.CodeInvalid, ""},
		{"bad request", domain.Errorf(domain.CodeBadRequest, "malformed JSON"), 400, domain.CodeBadRequest, ""},
		{"not found", domain.ErrNotFound, 404, domain.CodeNotFound, ""},
		{"too large", domain.Errorf(domain.CodeTooLarge, "too big"), 413, domain.CodeTooLarge, ""},
		{"forbidden", domain.Errorf(domain.CodeForbidden, "no"), 403, domain.CodeForbidden, ""},
		{"unauthorized", domain.Errorf(domain.CodeUnauthorized, "no"), 401, domain.CodeUnauthorized, ""},
		{"conflict", domain.Errorf(domain.CodeConflict, "raced"), 409, domain.CodeConflict, ""},
		{"plain error is internal", errors.New("dynamodb: connection refused at 10.0.0.1"), 500, domain.CodeInternal, "10.0.0.1"},
		{"internal domain error hides its text", &domain.Error{Code: domain.CodeInternal, Message: "secret detail"}, 500, domain.CodeInternal, "secret"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h := httpapi.WithRequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { httpapi.WriteError(w, r, tc.err) }))
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			var body httpapi.ErrorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if body.Error.Code != tc.code || body.Error.Message == "" || body.Error.RequestID == "" {
				t.Fatalf("body %+v", body)
			}
			if tc.mustNotSay != "" && strings.Contains(rec.Body.String(), tc.mustNotSay) {
				t.Fatalf("leaked %q: %s", tc.mustNotSay, rec.Body.String())
			}
		})
	}
}

// TestWriteErrorLogLevel holds a request the client cancelled to an info
// line, and any other internal error to an error line with its text.
func TestWriteErrorLogLevel(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		cancel   bool
		level    string
		mentions string
	}{
		{"client cancelled", fmt.Errorf("query rows: %w", context.Canceled), true, "INFO", "cancelled by the client"},
		{"cancelled inside, client still there", fmt.Errorf("query rows: %w", context.Canceled), false, "ERROR", "context canceled"},
		{"internal", errors.New("dynamodb: throttled"), true, "ERROR", "throttled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			defer slog.SetDefault(slog.Default())
			slog.SetDefault(slog.New(slog.NewJSONHandler(&logs, nil)))
			ctx, cancel := context.WithCancel(context.Background())
			if tc.cancel {
				cancel()
			} else {
				defer cancel()
			}
			req := httptest.NewRequest("GET", "/x", nil).WithContext(ctx)
			httpapi.WriteError(httptest.NewRecorder(), req, tc.err)
			var line struct{ Level, Msg, Error string }
			if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
				t.Fatalf("log %q: %v", logs.String(), err)
			}
			if line.Level != tc.level || !strings.Contains(line.Msg+" "+line.Error, tc.mentions) {
				t.Fatalf("logged %+v, want %s mentioning %q", line, tc.level, tc.mentions)
			}
		})
	}
}

func TestDecodeStrict(t *testing.T) {
	type leg struct {
		Seq   int             `json:"seq"`
		Start time.Time       `json:"start"`
		Wait  domain.Duration `json:"wait"`
	}
	type rec struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
		Legs  []leg  `json:"legs"`
	}
	tests := []struct {
		body  string
		field string
		ok    bool
	}{
		{`{"name":"a","count":1}`, "", true},
		{`{"name":"a","legs":[{"seq":1,"start":"2026-01-01T00:00:00Z","wait":1.5}]}`, "", true},
		{`{"name":"a","cout":1}`, "cout", false},
		{`{"name":1}`, "name", false},
		{`{"legs":[{"seq":1},{"seq":"2"}]}`, "legs[1].seq", false},
		{`{"legs":[{"start":"yesterday"}]}`, "legs[0].start", false},
		{`{"legs":[{"wait":-5}]}`, "legs[0].wait", false},
		{`{"legs":[{"sequence":1}]}`, "legs[0].sequence", false},
		{`{"name":"a"`, "", false},
		{`{"name":"a"} {"name":"b"}`, "", false},
		{``, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.body, func(t *testing.T) {
			var v rec
			err := httpapi.DecodeStrict([]byte(tc.body), &v)
			if tc.ok != (err == nil) {
				t.Fatalf("err = %v", err)
			}
			if err == nil {
				return
			}
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != domain.CodeBadRequest {
				t.Fatalf("want a bad-request domain error, got %v", err)
			}
			if de.Field != tc.field {
				t.Fatalf("field %q, want %q (%s)", de.Field, tc.field, de.Message)
			}
		})
	}
}

func TestMuxRefusesDrift(t *testing.T) {
	ok := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	mustPanic := func(name string, f func()) {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f()
		})
	}
	mustPanic("missing handler", func() { httpapi.Mux("settings", map[string]http.Handler{"GET /v1/me": ok}) })
	mustPanic("handler not in table", func() {
		httpapi.Mux("settings", map[string]http.Handler{"GET /v1/me": ok, "PUT /v1/settings": ok, "GET /v1/secret": ok})
	})
	h := httpapi.Mux("settings", map[string]http.Handler{"GET /v1/me": ok, "PUT /v1/settings": ok})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/unknown", nil))
	if rec.Code != 404 {
		t.Fatalf("unknown route: %d", rec.Code)
	}
}

// Every function's routes refuse a query string past its bounds, naming
// it, before the handler runs.
func TestMuxBoundsTheQuery(t *testing.T) {
	ran := false
	h := httpapi.Mux("settings", map[string]http.Handler{
		"GET /v1/me":       http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true }),
		"PUT /v1/settings": http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}),
	})
	pairs := func(n int) string { return strings.TrimSuffix(strings.Repeat("a=1&", n), "&") }
	tests := []struct {
		name   string
		query  string
		status int
	}{
		{"none", "", 200},
		{"at the byte bound", "q=" + strings.Repeat("x", httpapi.MaxQueryBytes-2), 200},
		{"past the byte bound", "q=" + strings.Repeat("x", httpapi.MaxQueryBytes-1), 414},
		{"at the parameter bound", pairs(httpapi.MaxQueryParams), 200},
		{"past the parameter bound", pairs(httpapi.MaxQueryParams + 1), 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ran = false
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/me?"+tc.query, nil))
			if rec.Code != tc.status || ran != (tc.status == 200) {
				t.Fatalf("%d (handler ran: %v), want %d: %s", rec.Code, ran, tc.status, rec.Body)
			}
			if tc.status == 200 {
				return
			}
			var e struct {
				Error struct{ Field, Message string } `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Field != "query" || e.Error.Message == "" {
				t.Fatalf("body %s", rec.Body)
			}
		})
	}
}

type costly struct{ Units float64 }

func (c *costly) HideCosts() { c.Units = 0 }

// Read costs count every queue's items, so only an admin sees them.
func TestForCaller(t *testing.T) {
	tests := []struct {
		role domain.Role
		want float64
	}{
		{domain.RoleAdmin, 2.5},
		{domain.RoleSupervisor, 0},
		{domain.RoleIngest, 0},
		{"", 0},
	}
	for _, tc := range tests {
		t.Run(string(tc.role), func(t *testing.T) {
			v := &costly{Units: 2.5}
			if got := httpapi.ForCaller(v, domain.Identity{Role: tc.role}); got.(*costly).Units != tc.want {
				t.Errorf("units %v, want %v", got.(*costly).Units, tc.want)
			}
		})
	}
	// A response without costs passes as it is.
	if got := httpapi.ForCaller("x", domain.Identity{}); got != "x" {
		t.Errorf("got %v", got)
	}
}
