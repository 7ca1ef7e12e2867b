package localaws

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// S3Options configure a versitygw process.
type S3Options struct {
	Dir       string // posix backend root; created if missing
	Port      int    // 0 picks a free port
	AccessKey string // empty generates one
	SecretKey string
	Log       io.Writer
}

// S3 is a running versitygw.
type S3 struct {
	Endpoint  string
	AccessKey string
	SecretKey string
	proc      *process
}

// StartS3 runs versitygw with a posix backend and waits until it answers
// signed requests.
func StartS3(ctx context.Context, o S3Options) (*S3, error) {
	bin, err := versitygwBinary()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
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
	if o.AccessKey == "" {
		o.AccessKey, o.SecretKey = randomHex(10), randomHex(20)
	}
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	env := append(os.Environ(), "ROOT_ACCESS_KEY="+o.AccessKey, "ROOT_SECRET_KEY="+o.SecretKey)
	p, err := startProcess("versitygw", log, env, bin, "--port", addr(port), "posix", o.Dir)
	if err != nil {
		return nil, err
	}
	s := &S3{Endpoint: "http://" + addr(port), AccessKey: o.AccessKey, SecretKey: o.SecretKey, proc: p}
	client := s.Client()
	err = waitReady(ctx, p, func(ctx context.Context) error {
		_, err := client.ListBuckets(ctx, &s3.ListBucketsInput{})
		return err
	})
	if err != nil {
		p.stop()
		return nil, err
	}
	return s, nil
}

// Stop ends the process.
func (s *S3) Stop() { s.proc.stop() }

// Config is an AWS config carrying this gateway's credentials.
func (s *S3) Config() aws.Config {
	return aws.Config{Region: Region, Credentials: credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, "")}
}

// Client is an S3 client for this gateway (path-style, as versitygw needs).
func (s *S3) Client() *s3.Client {
	return s3.NewFromConfig(s.Config(), func(o *s3.Options) {
		o.BaseEndpoint = aws.String(s.Endpoint)
		o.UsePathStyle = true
	})
}

// EnsureBucket creates a bucket unless it exists.
func (s *S3) EnsureBucket(ctx context.Context, name string) error {
	c := s.Client()
	if _, err := c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(name)}); err == nil {
		return nil
	}
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)})
	return err
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
