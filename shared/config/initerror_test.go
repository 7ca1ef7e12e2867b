package config

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The report is what the Runtime API documents for /init/error: the error
// type in a header and an error document in the body. The full path, a
// bootstrap that stops and the invocation that fails with its message, is
// tested with the real bootstraps in infra/lambdaemu.
func TestReportInitError(t *testing.T) {
	var gotPath, gotType string
	var gotBody map[string]any
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotType = r.Method+" "+r.URL.Path, r.Header.Get("Lambda-Runtime-Function-Error-Type")
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &gotBody)
		w.WriteHeader(http.StatusAccepted)
	}))
	defer api.Close()
	if err := reportInitError(strings.TrimPrefix(api.URL, "http://"), "config: TABLE_NAME is required"); err != nil {
		t.Fatal(err)
	}
	if gotPath != "POST /2018-06-01/runtime/init/error" || gotType != InitErrorType ||
		gotBody["errorMessage"] != "config: TABLE_NAME is required" || gotBody["errorType"] != InitErrorType {
		t.Fatalf("%s %s %v", gotPath, gotType, gotBody)
	}
}

func TestReportInitErrorRefused(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	}))
	defer api.Close()
	if err := reportInitError(strings.TrimPrefix(api.URL, "http://"), "x"); err == nil {
		t.Fatal("a refused report is not an error")
	}
}
