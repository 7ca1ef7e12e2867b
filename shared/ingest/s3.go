package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
	"github.com/rastro-cc/rastro/shared/store"
)

// ObjectGetter is the part of the S3 client the drop path needs.
type ObjectGetter interface {
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
}

// S3Handler ingests session-metadata files that platforms drop in the
// ingest bucket (seed 003: "delivered to your external storage"). The
// object key's first segment names the tenant: `<tenant>/…/<file>.json`.
// An IAM policy, not this code, decides who may write under a prefix.
type S3Handler struct {
	Svc    *Service
	S3     ObjectGetter
	Bucket string // the only bucket it reads; events from others are refused
}

// Handle processes every record of the event. A file that can never be
// stored (bad tenant, invalid documents) is logged and skipped, since a
// retry would fail the same way; a storage error fails the invocation so
// Lambda retries it, which is safe because writes are idempotent.
func (h *S3Handler) Handle(ctx context.Context, ev events.S3Event) error {
	var retry []error
	for _, rec := range ev.Records {
		key, err := url.QueryUnescape(rec.S3.Object.Key) // S3 event keys are URL-encoded
		if err != nil {
			slog.ErrorContext(ctx, "ingest drop: undecodable key", "key", rec.S3.Object.Key)
			continue
		}
		counts, err := h.Object(ctx, rec.S3.Bucket.Name, key)
		switch {
		case err == nil:
			slog.InfoContext(ctx, "ingest drop stored", "bucket", rec.S3.Bucket.Name, "key", key,
				"received", counts.Received, "written", counts.Written, "unchanged", counts.Unchanged, "stale", counts.Stale)
		case domain.ErrorCode(err) != domain.CodeInternal:
			slog.ErrorContext(ctx, "ingest drop rejected", "bucket", rec.S3.Bucket.Name, "key", key, "error", err.Error())
		default:
			retry = append(retry, fmt.Errorf("%s: %w", key, err))
		}
	}
	return errors.Join(retry...)
}

// Object ingests one dropped file.
func (h *S3Handler) Object(ctx context.Context, bucket, key string) (store.Counts, error) {
	if bucket != h.Bucket {
		return store.Counts{}, domain.Errorf(domain.CodeForbidden, "bucket %q is not the ingest bucket", bucket)
	}
	tenantID, _, ok := strings.Cut(key, "/")
	if !ok || !domain.ValidTenantID(tenantID) {
		return store.Counts{}, domain.Errorf(domain.CodeInvalid, "object key %q does not begin with a tenant id", key)
	}
	t := store.Tenant(tenantID)
	out, err := h.S3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return store.Counts{}, fmt.Errorf("get %s: %w", key, err)
	}
	defer out.Body.Close()
	docs, err := sessionmeta.Decode(out.Body) // bounded by sessionmeta.MaxFileBytes
	if err != nil {
		return store.Counts{}, err
	}
	return h.Svc.Sessions(ctx, t, docs)
}
