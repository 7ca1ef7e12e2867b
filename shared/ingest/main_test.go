package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/ingest"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// now is the fixed clock of these tests; records are dated before it.
var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// env is one test's table and the ingest function's handler over it.
type env struct {
	st      *store.Store
	svc     *ingest.Service
	handler *httpadapter.HandlerAdapterV2
	rec     *requestRecorder
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	return newEnvOn(tb, localaws.MustDynamo(tb))
}

// newEnvOn is newEnv on a given DynamoDB Local.
func newEnvOn(tb testing.TB, d *localaws.Dynamo) *env {
	tb.Helper()
	name := localaws.UniqueName(tb, "t")
	rec := &requestRecorder{next: http.DefaultTransport}
	client := d.Client(func(o *dynamodb.Options) { o.HTTPClient = &http.Client{Transport: rec} })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	st := store.New(client, name)
	svc := &ingest.Service{Store: st, Now: func() time.Time { return now }}
	rec.reset()
	return &env{st: st, svc: svc, handler: httpadapter.NewV2(ingest.NewHandler(svc, auth.Resolver{TrustIngestTenantClaim: true})), rec: rec}
}

// claims of a machine ingest client of tenant t.
func ingestClaims(t string) map[string]string {
	return map[string]string{"client_id": "client-" + t, "scope": auth.IngestScope, "custom:tenant": t}
}

// post invokes the handler as Lambda would, with an API Gateway v2 event.
func (e *env) post(tb testing.TB, path string, body []byte, claims map[string]string) (int, map[string]any) {
	tb.Helper()
	ev := events.APIGatewayV2HTTPRequest{
		Version: "2.0", RouteKey: "POST " + path, RawPath: path, Body: string(body),
		Headers: map[string]string{"content-type": "application/json"},
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID: "req-1", HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "POST", Path: path},
		},
	}
	if claims != nil {
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims},
		}
	}
	resp, err := e.handler.ProxyWithContext(context.Background(), ev)
	if err != nil {
		tb.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
		tb.Fatalf("status %d, body not JSON: %q", resp.StatusCode, resp.Body)
	}
	return resp.StatusCode, out
}

// snapshot is every item of the table, encoded canonically and sorted:
// equal snapshots mean byte-identical tables.
func snapshot(tb testing.TB, st *store.Store) []string {
	tb.Helper()
	p := dynamodb.NewScanPaginator(st.Client(), &dynamodb.ScanInput{TableName: aws.String(st.TableName()), ConsistentRead: aws.Bool(true)})
	var out []string
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range page.Items {
			out = append(out, canonical(it))
		}
	}
	sort.Strings(out)
	return out
}

func canonical(item map[string]types.AttributeValue) string {
	keys := make([]string, 0, len(item))
	for k := range item {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(avString(item[k]))
		b.WriteByte(';')
	}
	return b.String()
}

func avString(v types.AttributeValue) string {
	switch x := v.(type) {
	case *types.AttributeValueMemberS:
		return "S:" + x.Value
	case *types.AttributeValueMemberN:
		return "N:" + x.Value
	case *types.AttributeValueMemberBOOL:
		if x.Value {
			return "BOOL:true"
		}
		return "BOOL:false"
	case *types.AttributeValueMemberNULL:
		return "NULL"
	case *types.AttributeValueMemberB:
		return "B:" + string(x.Value)
	case *types.AttributeValueMemberSS:
		s := append([]string(nil), x.Value...)
		sort.Strings(s)
		return "SS:" + strings.Join(s, ",")
	case *types.AttributeValueMemberNS:
		s := append([]string(nil), x.Value...)
		sort.Strings(s)
		return "NS:" + strings.Join(s, ",")
	case *types.AttributeValueMemberL:
		var parts []string
		for _, e := range x.Value {
			parts = append(parts, avString(e))
		}
		return "L:[" + strings.Join(parts, ",") + "]"
	case *types.AttributeValueMemberM:
		return "M:{" + canonical(x.Value) + "}"
	}
	return "?"
}

// requestRecorder keeps the body of every request sent to DynamoDB.
type requestRecorder struct {
	next   http.RoundTripper
	mu     sync.Mutex
	bodies []string
}

func (r *requestRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(b))
		r.mu.Lock()
		r.bodies = append(r.bodies, string(b))
		r.mu.Unlock()
	}
	return r.next.RoundTrip(req)
}

func (r *requestRecorder) reset() {
	r.mu.Lock()
	r.bodies = nil
	r.mu.Unlock()
}

func (r *requestRecorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.bodies...)
}
