package apitest

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"
)

// ReadJSON decodes the file name of fsys (a test's embedded testdata) into
// a new T.
func ReadJSON[T any](tb testing.TB, fsys fs.FS, name string) T {
	tb.Helper()
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		tb.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return v
}

// Lambda is a function's handler as Lambda runs it behind API Gateway,
// with the sample events API Gateway sends it (testdata/*.json of fsys).
type Lambda struct {
	adapter *httpadapter.HandlerAdapterV2
	fsys    fs.FS
}

// NewLambda wraps h as the function's main does.
func NewLambda(h http.Handler, fsys fs.FS) *Lambda {
	return &Lambda{adapter: httpadapter.NewV2(h), fsys: fsys}
}

// Replay hands the sample event testdata/file, changed by edit when not
// nil, to the handler and returns the status and the body, which must be a
// JSON object.
func (l *Lambda) Replay(tb testing.TB, file string, edit func(*events.APIGatewayV2HTTPRequest)) (int, map[string]any) {
	tb.Helper()
	ev := ReadJSON[events.APIGatewayV2HTTPRequest](tb, l.fsys, "testdata/"+file)
	if edit != nil {
		edit(&ev)
	}
	resp, err := l.adapter.ProxyWithContext(context.Background(), ev)
	if err != nil {
		tb.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		tb.Fatalf("%s: %d %s", file, resp.StatusCode, resp.Body)
	}
	return resp.StatusCode, body
}
