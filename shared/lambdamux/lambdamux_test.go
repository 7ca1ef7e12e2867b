package lambdamux_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/rastro-cc/rastro/shared/lambdamux"
)

var (
	//go:embed testdata/apigw-ingest.json
	apigwEvent []byte
	//go:embed testdata/s3-put.json
	s3Event []byte
)

func TestInvokeRoutesByShape(t *testing.T) {
	var got string
	m := lambdamux.Mux{
		HTTP: func(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			got = "http " + ev.RouteKey + " " + ev.RequestContext.Authorizer.JWT.Claims["client_id"]
			return events.APIGatewayV2HTTPResponse{StatusCode: 200}, nil
		},
		S3: func(_ context.Context, ev events.S3Event) error {
			got = "s3 " + ev.Records[0].S3.Object.Key
			return nil
		},
	}
	tests := []struct {
		name    string
		event   []byte
		want    string
		wantErr bool
	}{
		{"api gateway v2", apigwEvent, "http POST /v1/ingest/agent-events cli-1", false},
		{"s3 notification", s3Event, "s3 acme/2026/01/01/session-12345.json", false},
		{"sqs is not ours", []byte(`{"Records":[{"eventSource":"aws:sqs"}]}`), "", true},
		{"not JSON", []byte(`nope`), "", true},
		{"empty object", []byte(`{}`), "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got = ""
			_, err := m.Invoke(context.Background(), json.RawMessage(tc.event))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Fatalf("routed %q, want %q", got, tc.want)
			}
		})
	}
}
