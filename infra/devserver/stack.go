package devserver

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// Names of the local resources; template.yaml names the AWS ones.
const (
	TableName    = "rastro-dev"
	IngestBucket = "rastro-ingest"
	MediaBucket  = "rastro-media"
	ExportBucket = "rastro-exports"
)

// versitygw's keys persist with its data, so signatures keep working
// across runs and presigned links from the last run stay valid; other
// tools (the Lambda emulator's invoke command) sign with them too.
const (
	S3AccessKey = "rastrodev"
	S3SecretKey = "rastrodev-secret-key"
)

// Stack is the running stand-ins with the table and buckets created.
type Stack struct {
	db     localaws.DBPlace
	Dynamo *localaws.Dynamo
	S3     *localaws.S3
	DB     *dynamodb.Client
	S3c    *s3.Client
	Store  *store.Store
}

// StackOptions say where data lives; empty Dir keeps everything in memory
// and in a temporary folder (tests).
type StackOptions struct {
	Dir string
	Log io.Writer
}

// StartStack starts DynamoDB Local and versitygw and creates the table and
// buckets if they don't exist yet.
func StartStack(ctx context.Context, o StackOptions) (*Stack, error) {
	var place localaws.DBPlace
	dbPath, s3Dir := "", ""
	if o.Dir != "" {
		var err error
		if place, err = localaws.PlaceDB(filepath.Join(o.Dir, "dynamodb")); err != nil {
			return nil, err
		}
		dbPath, s3Dir = place.Work, filepath.Join(o.Dir, "s3")
	} else {
		d, err := os.MkdirTemp("", "rastro-dev-s3-")
		if err != nil {
			return nil, err
		}
		s3Dir = d
	}
	d, err := localaws.StartDynamo(ctx, localaws.DynamoOptions{DBPath: dbPath, Log: o.Log})
	if err != nil {
		return nil, err
	}
	s, err := localaws.StartS3(ctx, localaws.S3Options{Dir: s3Dir, AccessKey: S3AccessKey, SecretKey: S3SecretKey, Log: o.Log})
	if err != nil {
		d.Stop()
		return nil, err
	}
	st := &Stack{db: place, Dynamo: d, S3: s, DB: d.Client(), S3c: s.Client()}
	if err := store.CreateTable(ctx, st.DB, TableName); err != nil {
		st.Stop()
		return nil, err
	}
	for _, b := range []string{IngestBucket, MediaBucket, ExportBucket} {
		if err := s.EnsureBucket(ctx, b); err != nil {
			st.Stop()
			return nil, fmt.Errorf("create bucket %s: %w", b, err)
		}
	}
	st.Store = store.New(st.DB, TableName, rollup.Contributor{})
	return st, nil
}

// Stop ends both processes and saves the database into the data directory.
func (s *Stack) Stop() {
	s.S3.Stop()
	s.Dynamo.Stop()
	if err := s.db.Save(); err != nil {
		slog.Error("save DynamoDB Local database", "error", err.Error())
	}
}

// wipeDB removes the database kept in dir (and its tmpfs working copy);
// call it while DynamoDB Local is stopped.
func wipeDB(dir string) error {
	persist, err := filepath.Abs(filepath.Join(dir, "dynamodb"))
	if err != nil {
		return err
	}
	if err := os.RemoveAll(localaws.DBWorkDir(persist)); err != nil {
		return err
	}
	return os.RemoveAll(persist)
}
