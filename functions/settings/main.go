// Command settings is the Lambda behind GET /v1/me and PUT /v1/settings.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/settings"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	cfg := config.MustLoad("TABLE_NAME")
	st := store.New(cfg.DynamoDB(cfg.AWS(context.Background())), cfg.Table)
	lambda.Start(httpadapter.NewV2(settings.NewHandler(st, cfg.Resolver())).ProxyWithContext)
}
