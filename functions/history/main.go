// Command history is the Lambda behind the history lookups: one
// interaction, its full history, the client and agent history windows and
// the protocol lookups.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/history"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	ctx := context.Background()
	cfg := config.MustLoad("TABLE_NAME", "MEDIA_BUCKET")
	awsCfg := cfg.AWS(ctx)
	lambda.Start(httpadapter.NewV2(history.NewHandler(history.Config{
		Store:       store.New(cfg.DynamoDB(awsCfg), cfg.Table),
		Resolver:    cfg.Resolver(),
		Cursors:     cfg.Cursors(ctx, awsCfg),
		S3:          cfg.S3(awsCfg),
		MediaBucket: cfg.MediaBucket,
	})).ProxyWithContext)
}
