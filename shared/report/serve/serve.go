// Package serve maps each aggregate report's Lambda function to the
// reports it answers, so the functions' mains and the dev server mount the
// same handlers from one table.
package serve

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/agents"
	"github.com/rastro-cc/rastro/shared/report/conversations"
	"github.com/rastro-cc/rastro/shared/report/ivr"
	"github.com/rastro-cc/rastro/shared/report/tags"
	"github.com/rastro-cc/rastro/shared/store"
)

// Functions are the aggregate report functions and their routes.
var Functions = map[string]map[string]report.Func{
	"agents":        {"GET /v1/reports/agents": agents.Report},
	"ivr":           {"GET /v1/reports/ivr": ivr.Report},
	"conversations": {"GET /v1/reports/conversations": conversations.Report},
	"tags":          {"GET /v1/reports/tags": tags.Report},
}

// Handler is the HTTP handler of one aggregate report function.
func Handler(function string, st *store.Store, rv auth.Resolver) http.Handler {
	return report.Handler(function, st, rv, nil, Functions[function])
}

// Main is the whole of an aggregate report function's main: config read
// once, the table client built once, the handler behind the Lambda
// adapter.
func Main(function string) {
	cfg := config.MustLoad("TABLE_NAME")
	st := store.New(cfg.DynamoDB(cfg.AWS(context.Background())), cfg.Table)
	lambda.Start(httpadapter.NewV2(Handler(function, st, cfg.Resolver())).ProxyWithContext)
}
