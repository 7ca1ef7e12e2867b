package exports

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/store"
)

// DefaultLinkTTL is how long a download link works: enough to start the
// download, short enough that a pasted link soon dies. Asking for the job
// again gives a fresh one.
const DefaultLinkTTL = 15 * time.Minute

// Limits of GET /v1/exports.
const (
	DefaultListLimit = 20
	MaxListLimit     = 100
)

// Service creates export jobs and reports on them.
type Service struct {
	store   *store.Store
	cursors cursor.Signer
	presign *s3.PresignClient // nil: no download links (tests of the job flow without S3)
	bucket  string
	linkTTL time.Duration
	now     func() time.Time
}

// NewService builds the service the handler calls.
func NewService(cfg Config) *Service {
	s := &Service{store: cfg.Store, cursors: cfg.Cursors, bucket: cfg.Bucket, linkTTL: cfg.LinkTTL, now: cfg.Now}
	if s.linkTTL <= 0 {
		s.linkTTL = DefaultLinkTTL
	}
	if s.now == nil {
		s.now = time.Now
	}
	if cfg.S3 != nil {
		s.presign = s3.NewPresignClient(cfg.S3)
	}
	return s
}

// Create checks the request and queues its job; the table's stream starts
// the exporter.
func (s *Service) Create(ctx context.Context, who domain.Identity, t store.Tenant, raw []byte) (*Job, error) {
	settings, err := s.store.GetSettings(ctx, t)
	if err != nil {
		return nil, err
	}
	now := s.now()
	req, err := Parse(raw, who, settings, now)
	if err != nil {
		return nil, err
	}
	j := domain.ExportJob{
		ID: domain.NewExportJobID(now), CreatedBy: who.UserID, Role: who.Role, Queues: who.Queues,
		Report: req.Report, Params: req.Params, Format: string(req.Format), ExportOptions: req.Options,
		Status: domain.ExportQueued, Created: now,
	}
	if err := s.store.CreateExportJob(ctx, t, &j); err != nil {
		return nil, err
	}
	return s.view(ctx, t, &j, now)
}

// Get is one of the jobs the caller may see, with a fresh download link
// once its file is ready. Another tenant's job, and another user's for a
// supervisor, is not found, like one that does not exist: the key is
// built from the caller's tenant, and the owner checked after the read.
func (s *Service) Get(ctx context.Context, t store.Tenant, who domain.Identity, id string) (*Job, error) {
	if !domain.ValidExportJobID(id) {
		return nil, notFound()
	}
	j, err := s.store.ExportJob(ctx, t, id)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return nil, notFound()
	}
	if err != nil {
		return nil, err
	}
	if by := jobsOf(who); by != "" && j.CreatedBy != by {
		return nil, notFound()
	}
	return s.view(ctx, t, &j, s.now())
}

// jobsOf is whose jobs who may see: "" for all of the tenant's (an admin
// reads every queue anyway), their own for anyone else, since another
// supervisor's file holds other queues.
func jobsOf(who domain.Identity) string {
	if who.Role == domain.RoleAdmin {
		return ""
	}
	return who.UserID
}

// List is a page of the jobs the caller may see, newest first; its
// cursor is the caller's.
func (s *Service) List(ctx context.Context, t store.Tenant, who domain.Identity, q url.Values) (*JobPage, error) {
	limit, after, err := s.listRequest(who, q)
	if err != nil {
		return nil, err
	}
	jobs, next, err := s.store.ExportJobs(ctx, t, jobsOf(who), limit, after)
	if err != nil {
		return nil, err
	}
	now := s.now()
	page := &JobPage{Items: make([]Job, 0, len(jobs))}
	for i := range jobs {
		v, err := s.view(ctx, t, &jobs[i], now)
		if err != nil {
			return nil, err
		}
		page.Items = append(page.Items, *v)
	}
	if next != "" {
		c, err := s.cursors.Seal(cursor.HolderOf(who), listScope, listPos{After: next})
		if err != nil {
			return nil, err
		}
		page.NextCursor = &c
	}
	return page, nil
}

var listScope = cursor.Scope("exports")

// listPos is where the next page of jobs starts: after this job.
type listPos struct {
	After string `json:"a"`
}

func (s *Service) listRequest(who domain.Identity, q url.Values) (int, string, error) {
	for name, vals := range q {
		if name != "limit" && name != "cursor" {
			return 0, "", domain.FieldErr(domain.CodeBadRequest, name, "is not a parameter of this list (limit, cursor)")
		}
		if len(vals) > 1 {
			return 0, "", domain.FieldErr(domain.CodeBadRequest, name, "must be given once")
		}
	}
	limit := DefaultListLimit
	if v, ok := q["limit"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > MaxListLimit {
			return 0, "", domain.FieldErr(domain.CodeBadRequest, "limit", fmt.Sprintf("must be a whole number from 1 to %d (got %q)", MaxListLimit, domain.Clip(v[0])))
		}
		limit = n
	}
	var pos listPos
	if v, ok := q["cursor"]; ok {
		if err := s.cursors.Open(v[0], cursor.HolderOf(who), listScope, &pos); err != nil {
			return 0, "", err
		}
		if !domain.ValidExportJobID(pos.After) {
			return 0, "", domain.FieldErr(domain.CodeBadRequest, "cursor", "is not a cursor this API issued")
		}
	}
	return limit, pos.After, nil
}

// view is the job as the API shows it, with a download link while its
// file is there.
func (s *Service) view(ctx context.Context, t store.Tenant, j *domain.ExportJob, now time.Time) (*Job, error) {
	v := newJob(j)
	expires, ok := FileExpires(j)
	if !ok {
		return v, nil
	}
	v.FileExpires = &expires
	left := expires.Sub(now)
	if left <= 0 {
		v.FileExpired = true
		return v, nil
	}
	if s.presign == nil || j.Key == "" {
		return v, nil
	}
	// The job was read under the tenant's key, and the exporter wrote its
	// file under the tenant's prefix; a stored key that says otherwise
	// (a bug, a hand edit) gets no link into another tenant's files.
	if !strings.HasPrefix(j.Key, exportfile.JobPrefix(string(t), j.ID)) {
		return nil, fmt.Errorf("export %s: its file key %q is outside the tenant's and the job's prefix", j.ID, j.Key)
	}
	// A link lives at most as long as the file.
	ttl := min(s.linkTTL, left.Truncate(time.Second))
	if ttl < time.Second {
		v.FileExpired = true
		return v, nil
	}
	req, err := s.presign.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.bucket), Key: aws.String(j.Key),
		ResponseContentDisposition: aws.String(`attachment; filename="` + dispositionName(j.FileName) + `"`),
	}, s3.WithPresignExpires(ttl))
	if err != nil {
		return nil, fmt.Errorf("presign export %s: %w", j.ID, err)
	}
	at := linkExpiry(req.URL, ttl, now)
	v.URL, v.URLExpires = req.URL, &at
	return v, nil
}

// linkExpiry reads when a presigned URL stops working from its own signing
// time (second precision), so the answer matches what S3 enforces.
func linkExpiry(link string, ttl time.Duration, now time.Time) time.Time {
	if u, err := url.Parse(link); err == nil {
		if signed, err := time.Parse("20060102T150405Z", u.Query().Get("X-Amz-Date")); err == nil {
			return signed.Add(ttl).UTC()
		}
	}
	return now.Add(ttl).UTC().Truncate(time.Second)
}

// dispositionName keeps a file name safe inside a quoted header value.
// FileName makes names that are already; this guards the header against
// any other.
func dispositionName(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "export"
	}
	return string(b)
}

func notFound() error {
	return domain.Errorf(domain.CodeNotFound, "no export job with this id")
}
