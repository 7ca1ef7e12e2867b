// Command ingest is the ingestion Lambda: POST /v1/ingest/* batches from
// API Gateway and session-metadata files from the ingest bucket's S3
// notifications, through the same service.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/ingest"
	"github.com/rastro-cc/rastro/shared/lambdamux"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	cfg := config.MustLoad("TABLE_NAME", "INGEST_BUCKET", "INGEST_CLIENT_TENANTS")
	aws := cfg.AWS(context.Background())
	svc := &ingest.Service{Store: store.New(cfg.DynamoDB(aws), cfg.Table, rollup.Contributor{})}
	drops := &ingest.S3Handler{Svc: svc, S3: cfg.S3(aws), Bucket: cfg.IngestBucket}
	lambda.Start(lambdamux.Mux{
		HTTP: httpadapter.NewV2(ingest.NewHandler(svc, cfg.Resolver())).ProxyWithContext,
		S3:   drops.Handle,
	}.Invoke)
}
