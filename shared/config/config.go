// Package config reads a function's configuration from the environment
// once, at start, and builds the AWS clients it needs once. A missing
// required variable stops the function before it serves anything.
package config

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
)

// Config is everything a function reads from its environment. Each
// field's env tag names its variable: infra/parity reads the tags, and the
// fields and methods each main uses, to hold template.yaml to what every
// function reads (a test here holds the tags to Load). "optional" marks a
// variable whose absence is a valid configuration of any function, so a
// function need not declare it; one that depends on it names it in
// MustLoad.
type Config struct {
	Table            string            `env:"TABLE_NAME"`
	IngestBucket     string            `env:"INGEST_BUCKET"`
	IngestClients    map[string]string `env:"INGEST_CLIENT_TENANTS,optional"` // JSON {"<client id>": "<tenant>"}; unmapped machine clients are refused
	DynamoDBEndpoint string            `env:"DYNAMODB_ENDPOINT"`              // a local stand-in (sam local), else AWS
	S3Endpoint       string            `env:"S3_ENDPOINT"`                    // a local stand-in, path-style
	SSMEndpoint      string            `env:"SSM_ENDPOINT,optional"`          // SSM's, when not the region's (tests)
	LogLevel         string            `env:"LOG_LEVEL"`                      // debug, info, warn, error
	MediaBucket      string            `env:"MEDIA_BUCKET"`                   // voice recordings, under <tenant>/
	ExportBucket     string            `env:"EXPORT_BUCKET"`                  // export files, under <tenant>/exports/
	// The key that signs pagination cursors: CURSOR_KEY itself (local
	// stacks), or the name of the SSM SecureString holding it
	// (CURSOR_KEY_PARAMETER, AWS), read once at start.
	CursorKey          string `env:"CURSOR_KEY"`
	CursorKeyParameter string `env:"CURSOR_KEY_PARAMETER"`
}

// Load reads the environment; required lists variables that must be set.
func Load(required ...string) (Config, error) {
	for _, k := range required {
		if os.Getenv(k) == "" {
			return Config{}, fmt.Errorf("config: %s is required", k)
		}
	}
	c := Config{
		Table:              os.Getenv("TABLE_NAME"),
		IngestBucket:       os.Getenv("INGEST_BUCKET"),
		DynamoDBEndpoint:   os.Getenv("DYNAMODB_ENDPOINT"),
		S3Endpoint:         os.Getenv("S3_ENDPOINT"),
		SSMEndpoint:        os.Getenv("SSM_ENDPOINT"),
		LogLevel:           os.Getenv("LOG_LEVEL"),
		MediaBucket:        os.Getenv("MEDIA_BUCKET"),
		ExportBucket:       os.Getenv("EXPORT_BUCKET"),
		CursorKey:          os.Getenv("CURSOR_KEY"),
		CursorKeyParameter: os.Getenv("CURSOR_KEY_PARAMETER"),
		IngestClients:      map[string]string{},
	}
	if v := os.Getenv("INGEST_CLIENT_TENANTS"); v != "" {
		if err := json.Unmarshal([]byte(v), &c.IngestClients); err != nil {
			return Config{}, fmt.Errorf("config: INGEST_CLIENT_TENANTS must be a JSON object of client id to tenant: %w", err)
		}
	}
	return c, nil
}

// MustLoad is Load for mains: on a bad configuration it logs, reports an
// init error to the Lambda Runtime API, and exits. Pass the required
// variables as string literals: infra/parity reads them from the call.
func MustLoad(required ...string) Config {
	c, err := Load(required...)
	if err != nil {
		fail(err.Error())
	}
	c.setupLogging()
	return c
}

func (c Config) setupLogging() {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.LogLevel))
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: lvl})))
}

// Resolver is the identity resolver this configuration implies.
func (c Config) Resolver() auth.Resolver { return auth.Resolver{IngestClients: c.IngestClients} }

// AWS loads the default AWS configuration (the Lambda role in AWS).
func (c Config) AWS(ctx context.Context) aws.Config {
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		fail("config: load AWS config: " + err.Error())
	}
	return cfg
}

// DynamoDB builds the table client, honouring DYNAMODB_ENDPOINT.
func (c Config) DynamoDB(cfg aws.Config) *dynamodb.Client {
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if c.DynamoDBEndpoint != "" {
			o.BaseEndpoint = aws.String(c.DynamoDBEndpoint)
		}
	})
}

// S3 builds the S3 client, honouring S3_ENDPOINT (path-style there).
func (c Config) S3(cfg aws.Config) *s3.Client {
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if c.S3Endpoint != "" {
			o.BaseEndpoint = aws.String(c.S3Endpoint)
			o.UsePathStyle = true
		}
	})
}

// Cursors builds the cursor signer: from CURSOR_KEY when set, else from
// the SSM parameter CURSOR_KEY_PARAMETER names. A function that pages
// can't run without it, so a missing or short key stops the function.
func (c Config) Cursors(ctx context.Context, cfg aws.Config) cursor.Signer {
	key := c.CursorKey
	if key == "" && c.CursorKeyParameter != "" {
		v, err := getParameter(ctx, cfg, c.ssmEndpoint(cfg.Region), c.CursorKeyParameter)
		if err != nil {
			fail(fmt.Sprintf("config: read cursor key parameter %s: %v", c.CursorKeyParameter, err))
		}
		key = v
	}
	s, err := cursor.NewSigner([]byte(key))
	if err != nil {
		fail("config: set CURSOR_KEY or CURSOR_KEY_PARAMETER: " + err.Error())
	}
	return s
}
