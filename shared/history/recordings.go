package history

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/store"
)

// DefaultRecordingTTL is how long a recording link works: long enough to
// listen to a call, short enough that a link pasted elsewhere soon dies.
const DefaultRecordingTTL = 15 * time.Minute

// recordings turns a call's recording into a link a browser can play.
// The media bucket is private; a link into it is a presigned GET, made
// here (no request to S3), for the object under the tenant's prefix.
type recordings struct {
	presign *s3.PresignClient // nil: recordings in the bucket get no link
	bucket  string
	ttl     time.Duration
}

// link is the recording's URL and, for a presigned one, when it stops
// working. key is relative to the tenant's prefix; external is a link the
// platform gave, used as it is when there is no object to sign.
func (r recordings) link(ctx context.Context, t store.Tenant, key, external string) (string, *time.Time, error) {
	if key == "" || !safeKey(key) || r.presign == nil || r.bucket == "" {
		return external, nil, nil
	}
	req, err := r.presign.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(r.bucket), Key: aws.String(string(t) + "/" + key),
	}, s3.WithPresignExpires(r.ttl))
	if err != nil {
		return "", nil, fmt.Errorf("presign recording: %w", err)
	}
	exp := expiry(req.URL, r.ttl)
	return req.URL, &exp, nil
}

// safeKey refuses keys that could climb out of the tenant's prefix.
// Ingestion refuses them already; a link must not depend on that alone.
func safeKey(key string) bool {
	return !strings.Contains(key, "..") && !strings.HasPrefix(key, "/") && !strings.Contains(key, `\`)
}

// expiry reads when a presigned URL stops working from its own signing
// time (second precision), so the answer matches what S3 enforces.
func expiry(link string, ttl time.Duration) time.Time {
	if u, err := url.Parse(link); err == nil {
		if signed, err := time.Parse("20060102T150405Z", u.Query().Get("X-Amz-Date")); err == nil {
			return signed.Add(ttl).UTC()
		}
	}
	return time.Now().Add(ttl).UTC().Truncate(time.Second)
}
