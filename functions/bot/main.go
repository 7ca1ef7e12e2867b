// Command bot is the Lambda behind GET /v1/reports/bot-conversations, the
// chatbot conversation report, and GET /v1/bot-sessions/{id}.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	ctx := context.Background()
	cfg := config.MustLoad("TABLE_NAME")
	aws := cfg.AWS(ctx)
	svc := &botreport.Service{Store: store.New(cfg.DynamoDB(aws), cfg.Table), Cursors: cfg.Cursors(ctx, aws)}
	lambda.Start(httpadapter.NewV2(botreport.NewHandler(svc, cfg.Resolver())).ProxyWithContext)
}
