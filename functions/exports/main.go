// Command exports is the Lambda behind the export API: an admin asks for
// a report as a file, lists the tenant's export jobs and follows one to
// its download link. The exporter (functions/exporter) writes the files.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	ctx := context.Background()
	cfg := config.MustLoad("TABLE_NAME", "EXPORT_BUCKET")
	awsCfg := cfg.AWS(ctx)
	lambda.Start(httpadapter.NewV2(exports.NewHandler(exports.Config{
		Store:    store.New(cfg.DynamoDB(awsCfg), cfg.Table),
		Resolver: cfg.Resolver(),
		Cursors:  cfg.Cursors(ctx, awsCfg),
		S3:       cfg.S3(awsCfg),
		Bucket:   cfg.ExportBucket,
	})).ProxyWithContext)
}
