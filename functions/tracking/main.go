// Command tracking is the Lambda behind GET /v1/reports/interactions, the
// Interaction Tracking report.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

func main() {
	ctx := context.Background()
	cfg := config.MustLoad("TABLE_NAME")
	aws := cfg.AWS(ctx)
	svc := &tracking.Service{Store: store.New(cfg.DynamoDB(aws), cfg.Table), Cursors: cfg.Cursors(ctx, aws)}
	lambda.Start(httpadapter.NewV2(tracking.NewHandler(svc, cfg.Resolver())).ProxyWithContext)
}
