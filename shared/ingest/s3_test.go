package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/ingest"
)

// sessionDocs makes n session-metadata documents from the documented
// example, each with its own session id.
func sessionDocs(tb testing.TB, n int) []map[string]any {
	tb.Helper()
	b, err := os.ReadFile("../../docs/examples/session-metadata.json")
	if err != nil {
		tb.Fatal(err)
	}
	var out []map[string]any
	for i := range n {
		var d map[string]any
		if err := json.Unmarshal(b, &d); err != nil {
			tb.Fatal(err)
		}
		d["session_id"] = fmt.Sprintf("sess-%04d", i)
		out = append(out, d)
	}
	return out
}

func TestS3DropStoresWhatHTTPStores(t *testing.T) {
	docs := sessionDocs(t, 25)
	viaHTTP, viaS3 := newEnv(t), newEnv(t)

	status, out := viaHTTP.post(t, "/v1/ingest/sessions", body(t, "sessions", docs), ingestClaims("acme"))
	if status != http.StatusOK || out["written"].(float64) != 25 {
		t.Fatalf("HTTP: %d %v", status, out)
	}

	s := localaws.MustS3(t)
	bucket := localaws.UniqueName(t, "ingest")
	ctx := context.Background()
	if err := s.EnsureBucket(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	// A JSON-lines file, as platforms commonly deliver, under a key that
	// needs URL-encoding in the event.
	var file bytes.Buffer
	for _, d := range docs {
		b, _ := json.Marshal(d)
		file.Write(b)
		file.WriteByte('\n')
	}
	key := "acme/2026/05/sessões 01.json"
	if _, err := s.Client().PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(file.Bytes())}); err != nil {
		t.Fatal(err)
	}
	h := &ingest.S3Handler{Svc: viaS3.svc, S3: s.Client(), Bucket: bucket}
	ev := events.S3Event{Records: []events.S3EventRecord{{
		EventSource: "aws:s3", EventName: "ObjectCreated:Put",
		S3: events.S3Entity{Bucket: events.S3Bucket{Name: bucket}, Object: events.S3Object{Key: url.QueryEscape(key)}},
	}}}
	if err := h.Handle(ctx, ev); err != nil {
		t.Fatal(err)
	}
	a, b := snapshot(t, viaHTTP.st), snapshot(t, viaS3.st)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("HTTP stored %d items, S3 drop %d; they differ", len(a), len(b))
	}
	// A replayed notification changes nothing.
	if err := h.Handle(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if c := snapshot(t, viaS3.st); !reflect.DeepEqual(b, c) {
		t.Fatal("replayed S3 event changed the table")
	}
}

func TestS3DropRefusals(t *testing.T) {
	e := newEnv(t)
	s := localaws.MustS3(t)
	bucket := localaws.UniqueName(t, "ingest")
	ctx := context.Background()
	if err := s.EnsureBucket(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	put := func(key, content string) {
		if _, err := s.Client().PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader([]byte(content))}); err != nil {
			t.Fatal(err)
		}
	}
	put("no-tenant.json", `{}`)
	put("Bad Tenant/x.json", `{}`)
	put("acme/broken.json", `{"session_id": `)
	put("acme/invalid.json", `{"session_id": "x", "status": 6}`)
	h := &ingest.S3Handler{Svc: e.svc, S3: s.Client(), Bucket: bucket}
	tests := []struct{ bucket, key string }{
		{bucket, "no-tenant.json"}, {bucket, "Bad Tenant/x.json"}, {bucket, "acme/broken.json"},
		{bucket, "acme/invalid.json"}, {"someone-elses-bucket", "acme/x.json"},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if _, err := h.Object(ctx, tc.bucket, tc.key); err == nil {
				t.Fatal("accepted")
			}
		})
	}
	// Invalid files are logged and skipped, not retried forever.
	ev := events.S3Event{Records: []events.S3EventRecord{{S3: events.S3Entity{Bucket: events.S3Bucket{Name: bucket}, Object: events.S3Object{Key: "acme/invalid.json"}}}}}
	if err := h.Handle(ctx, ev); err != nil {
		t.Fatalf("invalid file should not fail the invocation: %v", err)
	}
	if n := len(snapshot(t, e.st)); n != 0 {
		t.Fatalf("%d items written from refused files", n)
	}
}
