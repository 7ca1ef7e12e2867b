// Command exporter is the Lambda behind the table's stream: each new
// export job is written to the exports bucket (shared/exporter).
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/exporter"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	ctx := context.Background()
	cfg := config.MustLoad("TABLE_NAME", "EXPORT_BUCKET")
	aws := cfg.AWS(ctx)
	e := &exporter.Exporter{Store: store.New(cfg.DynamoDB(aws), cfg.Table), S3: cfg.S3(aws), Bucket: cfg.ExportBucket}
	lambda.Start(e.Handle)
}
