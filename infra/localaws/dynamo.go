package localaws

import (
	"context"
	"io"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// Region is the region every local client claims; the stand-ins ignore it
// but SigV4 needs one.
const Region = "us-east-1"

// DynamoOptions configure a DynamoDB Local process.
type DynamoOptions struct {
	DBPath string    // persist here; empty keeps everything in memory
	Port   int       // 0 picks a free port
	Log    io.Writer // the process's output; nil discards it
}

// Dynamo is a running DynamoDB Local.
type Dynamo struct {
	Endpoint string
	proc     *process
}

// StartDynamo runs DynamoDB Local and waits until it answers.
func StartDynamo(ctx context.Context, o DynamoOptions) (*Dynamo, error) {
	jar, lib, err := dynamoJar()
	if err != nil {
		return nil, err
	}
	unlock, err := portLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	port := o.Port
	if port == 0 {
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	args := []string{"-Xms64m", "-Djava.library.path=" + lib, "-jar", jar, "-sharedDb", "-disableTelemetry", "-port", itoa(port)}
	if o.DBPath == "" {
		args = append(args, "-inMemory")
	} else {
		if err := os.MkdirAll(o.DBPath, 0o755); err != nil {
			return nil, err
		}
		args = append(args, "-dbPath", o.DBPath)
	}
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	p, err := startProcess("DynamoDB Local", log, os.Environ(), "java", args...)
	if err != nil {
		return nil, err
	}
	d := &Dynamo{Endpoint: "http://" + addr(port), proc: p}
	client := d.Client()
	err = waitReady(ctx, p, func(ctx context.Context) error {
		_, err := client.ListTables(ctx, &dynamodb.ListTablesInput{})
		return err
	})
	if err != nil {
		p.stop()
		return nil, err
	}
	return d, nil
}

// Stop ends the process.
func (d *Dynamo) Stop() { d.proc.stop() }

// Config is an AWS config with dummy static credentials for the stand-ins.
func Config() aws.Config {
	return aws.Config{
		Region:      Region,
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", ""),
	}
}

// Client is a DynamoDB client for this instance.
func (d *Dynamo) Client(opts ...func(*dynamodb.Options)) *dynamodb.Client {
	opts = append([]func(*dynamodb.Options){func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(d.Endpoint) }}, opts...)
	return dynamodb.NewFromConfig(Config(), opts...)
}
