// Package lambdamux lets one Lambda function take more than one kind of
// event, as the ingest function does (API Gateway requests and S3
// notifications), by looking at the event's shape before decoding it.
package lambdamux

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

// Mux routes raw Lambda events to typed handlers.
type Mux struct {
	HTTP func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error)
	S3   func(context.Context, events.S3Event) error
}

type probe struct {
	Version        string `json:"version"`
	RouteKey       string `json:"routeKey"`
	RequestContext *struct {
		HTTP *struct{} `json:"http"`
	} `json:"requestContext"`
	Records []struct {
		EventSource string `json:"eventSource"`
	} `json:"Records"`
}

// Invoke is the function's handler: lambda.Start(mux.Invoke).
func (m Mux) Invoke(ctx context.Context, raw json.RawMessage) (any, error) {
	var p probe
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("event is not JSON: %w", err)
	}
	switch {
	case m.HTTP != nil && p.RequestContext != nil && p.RequestContext.HTTP != nil:
		var ev events.APIGatewayV2HTTPRequest
		if err := json.Unmarshal(raw, &ev); err != nil {
			return nil, fmt.Errorf("decode API Gateway event: %w", err)
		}
		return m.HTTP(ctx, ev)
	case m.S3 != nil && len(p.Records) > 0 && p.Records[0].EventSource == "aws:s3":
		var ev events.S3Event
		if err := json.Unmarshal(raw, &ev); err != nil {
			return nil, fmt.Errorf("decode S3 event: %w", err)
		}
		return nil, m.S3(ctx, ev)
	}
	return nil, fmt.Errorf("unsupported event shape")
}
