// Command tags is the Lambda behind GET /v1/reports/tags, the tag report.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/report/serve"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	cfg := config.MustLoad("TABLE_NAME")
	st := store.New(cfg.DynamoDB(cfg.AWS(context.Background())), cfg.Table)
	lambda.Start(httpadapter.NewV2(serve.Handler("tags", st, cfg.Resolver())).ProxyWithContext)
}
