package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Export jobs: the API creates one per asked-for file (queued); the
// table's stream hands the new item to the exporter, which claims it
// (running, under a lease it renews with heartbeats) and finishes it
// (succeeded or failed). Every transition is one conditional write, so
// two exporters never both hold a job and a run that lost its lease can
// neither report progress nor finish.

// ExportJobKind is the item's kind attribute, which the exporter's stream
// filter matches: only new export jobs start it.
const ExportJobKind = "exportJob"

// ExportJobRetention is how long a job item is kept (by TTL) after it was
// created: long after its file (seven days after the job) is gone, so the
// admin still sees what was exported and when.
const ExportJobRetention = 30 * 24 * time.Hour

// ErrExportFinished is ClaimExportJob's answer for a job that has already
// succeeded or failed, or that it just failed for stopping too often:
// there is nothing left to run. Compare with errors.Is.
var ErrExportFinished = errors.New("export job already finished")

// ExportResult is how a run ended.
type ExportResult struct {
	Succeeded   bool
	Rows, Bytes int64
	Key         string // S3 object key of the file (succeeded)
	FileName    string // the file's download name (succeeded)
	Reason      string // why it failed, in words for the admin (failed)
	// Retry marks a failure that another run may cure (the store or the
	// bucket failing midway): the job shows failed, and the next delivery
	// of its event may claim it again while attempts remain.
	Retry bool
}

// exportJobItem is an export job as stored. Instants are strings in
// domain.InstantLayout (fixed width), so that conditions compare them as
// strings: a heartbeat older than the lease is "heartbeat < :staleBefore".
type exportJobItem struct {
	PK        string              `dynamo:"pk,hash"`
	SK        string              `dynamo:"sk,range"`
	Kind      string              `dynamo:"kind"`
	ID        string              `dynamo:"id"`
	CreatedBy string              `dynamo:"createdBy"`
	Role      string              `dynamo:"role"`
	Queues    []string            `dynamo:"queues,omitempty"`
	Report    string              `dynamo:"report"`
	Params    map[string][]string `dynamo:"params,omitempty"`
	Format    string              `dynamo:"format"`
	Options   exportOptionsItem   `dynamo:"options"`
	Status    string              `dynamo:"status"`
	Rows      int64               `dynamo:"rows"`
	Bytes     int64               `dynamo:"bytes"`
	Key       string              `dynamo:"key,omitempty"`
	FileName  string              `dynamo:"fileName,omitempty"`
	Reason    string              `dynamo:"reason,omitempty"`
	Created   string              `dynamo:"created"`
	Started   string              `dynamo:"started,omitempty"`
	Finished  string              `dynamo:"finished,omitempty"`
	Heartbeat string              `dynamo:"heartbeat,omitempty"`
	Owner     string              `dynamo:"owner,omitempty"`
	Attempts  int                 `dynamo:"attempts"`
	Retry     bool                `dynamo:"retry,omitempty"`
	TTL       int64               `dynamo:"ttl"` // TTLAttribute: Unix seconds
}

type exportOptionsItem struct {
	Delimiter string `dynamo:"delimiter,omitempty"`
	BOM       bool   `dynamo:"bom"`
	Language  string `dynamo:"language,omitempty"`
	Gzip      bool   `dynamo:"gzip"`
}

func newExportJobItem(t Tenant, j *domain.ExportJob) exportJobItem {
	k := t.ExportJobKey(j.ID)
	return exportJobItem{
		PK: k.PK, SK: k.SK, Kind: ExportJobKind, ID: j.ID,
		CreatedBy: j.CreatedBy, Role: string(j.Role), Queues: j.Queues, Report: j.Report, Params: j.Params, Format: j.Format,
		Options: exportOptionsItem{j.Delimiter, j.BOM, j.Language, j.Gzip},
		Status:  string(j.Status), Rows: j.Rows, Bytes: j.Bytes, Key: j.Key, FileName: j.FileName, Reason: j.Reason,
		Created: domain.FormatInstant(j.Created), Started: instantOrEmpty(j.Started), Finished: instantOrEmpty(j.Finished),
		Heartbeat: instantOrEmpty(j.Heartbeat), Owner: j.Owner, Attempts: j.Attempts,
		TTL: j.Created.Add(ExportJobRetention).Unix(),
	}
}

func (it *exportJobItem) job() (domain.ExportJob, error) {
	j := domain.ExportJob{
		ID: it.ID, CreatedBy: it.CreatedBy, Role: domain.Role(it.Role), Queues: it.Queues, Report: it.Report, Params: it.Params, Format: it.Format,
		ExportOptions: domain.ExportOptions{Delimiter: it.Options.Delimiter, BOM: it.Options.BOM, Language: it.Options.Language, Gzip: it.Options.Gzip},
		Status:        domain.ExportStatus(it.Status), Rows: it.Rows, Bytes: it.Bytes, Key: it.Key, FileName: it.FileName, Reason: it.Reason,
		Owner: it.Owner, Attempts: it.Attempts,
	}
	var err error
	if j.Created, err = time.Parse(domain.InstantLayout, it.Created); err != nil {
		return domain.ExportJob{}, fmt.Errorf("export job %s: created %q: %w", it.ID, it.Created, err)
	}
	for _, f := range []struct {
		dst **time.Time
		s   string
	}{{&j.Started, it.Started}, {&j.Finished, it.Finished}, {&j.Heartbeat, it.Heartbeat}} {
		if f.s == "" {
			continue
		}
		v, err := time.Parse(domain.InstantLayout, f.s)
		if err != nil {
			return domain.ExportJob{}, fmt.Errorf("export job %s: instant %q: %w", it.ID, f.s, err)
		}
		*f.dst = &v
	}
	return j, nil
}

func instantOrEmpty(t *time.Time) string {
	if t == nil {
		return ""
	}
	return domain.FormatInstant(*t)
}

// CreateExportJob stores a new job, queued. An empty ID is given one made
// from Created; an empty Status is queued. The item expires (TTL)
// ExportJobRetention after Created.
func (s *Store) CreateExportJob(ctx context.Context, t Tenant, j *domain.ExportJob) error {
	if j.Created.IsZero() {
		return fmt.Errorf("create export job: no creation time")
	}
	j.Created = domain.Normalize(j.Created)
	if j.ID == "" {
		j.ID = domain.NewExportJobID(j.Created)
	}
	if !domain.ValidExportJobID(j.ID) {
		return fmt.Errorf("create export job: malformed id %q", j.ID)
	}
	if j.Status == "" {
		j.Status = domain.ExportQueued
	}
	err := s.table.Put(newExportJobItem(t, j)).If("attribute_not_exists('pk')").Run(ctx)
	if isConditionFailure(err) {
		return domain.Errorf(domain.CodeConflict, "export job %s already exists", j.ID)
	}
	return wrap("create export job", err)
}

// ExportJob reads one job (consistently: a job just created or just
// claimed reads as it is). A malformed id, like an unknown one, is not
// found.
func (s *Store) ExportJob(ctx context.Context, t Tenant, id string) (domain.ExportJob, error) {
	if !domain.ValidExportJobID(id) {
		return domain.ExportJob{}, domain.ErrNotFound
	}
	it, err := s.exportJobItem(ctx, t.ExportJobKey(id))
	if err != nil {
		return domain.ExportJob{}, err
	}
	return it.job()
}

func (s *Store) exportJobItem(ctx context.Context, k Key) (exportJobItem, error) {
	var it exportJobItem
	err := s.table.Get("pk", k.PK).Range("sk", dynamo.Equal, k.SK).Consistent(true).One(ctx, &it)
	if err != nil {
		return exportJobItem{}, wrap("get export job", notFound(err))
	}
	return it, nil
}

// ExportJobs lists the tenant's jobs newest first, at most limit of them,
// starting after the job with id after ("" from the newest); only those
// createdBy made unless it is "". next is the id to pass as after for the
// following page, "" when there is none.
func (s *Store) ExportJobs(ctx context.Context, t Tenant, createdBy string, limit int, after string) ([]domain.ExportJob, string, error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("export jobs: limit %d must be positive", limit)
	}
	if after != "" && !domain.ValidExportJobID(after) {
		return nil, "", fmt.Errorf("export jobs: malformed position %q", after)
	}
	pk := t.ExportJobPartition()
	e := newExpr()
	in := &dynamodb.QueryInput{
		TableName:              aws.String(s.TableName()),
		KeyConditionExpression: aws.String(e.path("pk") + " = " + e.str(pk) + " AND begins_with(" + e.path("sk") + ", " + e.str(skExportPrefix) + ")"),
		ScanIndexForward:       aws.Bool(false),
		Limit:                  aws.Int32(int32(limit + 1)), // one more tells whether there is a next page
	}
	if createdBy != "" {
		// A filter counts against Limit before it drops items, so read in
		// larger pages; the partition holds ExportJobRetention's jobs.
		in.FilterExpression = aws.String(e.path("createdBy") + " = " + e.str(createdBy))
		in.Limit = aws.Int32(int32(max(limit+1, 200)))
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values
	if after != "" {
		k := t.ExportJobKey(after)
		in.ExclusiveStartKey = map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: k.PK}, "sk": &types.AttributeValueMemberS{Value: k.SK},
		}
	}
	var jobs []domain.ExportJob
	for {
		resp, err := s.client.Query(ctx, in)
		if err != nil {
			return nil, "", fmt.Errorf("query export jobs: %w", err)
		}
		for _, raw := range resp.Items {
			var it exportJobItem
			if err := dynamo.UnmarshalItem(raw, &it); err != nil {
				return nil, "", fmt.Errorf("decode export job: %w", err)
			}
			j, err := it.job()
			if err != nil {
				return nil, "", err
			}
			if len(jobs) == limit {
				return jobs, jobs[limit-1].ID, nil
			}
			jobs = append(jobs, j)
		}
		if len(resp.LastEvaluatedKey) == 0 {
			return jobs, "", nil
		}
		in.ExclusiveStartKey = resp.LastEvaluatedKey
	}
}

// ClaimExportJob makes owner the job's runner: a queued job, a running
// one whose heartbeat is older than now-lease (its exporter stopped: the
// job is taken over), or a failed one marked for retry, becomes running
// with attempts+1, started (the first time), owner and heartbeat=now. A job running under a fresh lease is a
// CodeConflict error; a finished job is ErrExportFinished; a job claimed
// maxAttempts times already is failed ("the exporter stopped N times")
// and ErrExportFinished.
func (s *Store) ClaimExportJob(ctx context.Context, t Tenant, id, owner string, now time.Time, lease time.Duration, maxAttempts int) (domain.ExportJob, error) {
	if owner == "" || maxAttempts < 1 || lease <= 0 {
		return domain.ExportJob{}, fmt.Errorf("claim export job: owner %q, lease %v, max attempts %d", owner, lease, maxAttempts)
	}
	if !domain.ValidExportJobID(id) {
		return domain.ExportJob{}, domain.ErrNotFound
	}
	k := t.ExportJobKey(id)
	at := domain.FormatInstant(now)
	staleBefore := domain.FormatInstant(now.Add(-lease))
	for try := 1; ; try++ {
		var it exportJobItem
		err := s.table.Update("pk", k.PK).Range("sk", k.SK).
			Set("status", string(domain.ExportRunning)).
			Set("owner", owner).
			Set("heartbeat", at).
			SetIfNotExists("started", at).
			Add("attempts", 1).
			Set("rows", 0). // the new run counts its own rows
			Remove("retry", "reason", "finished").
			If("'kind' = ? AND 'attempts' < ? AND ('status' = ? OR ('status' = ? AND 'heartbeat' < ?) OR ('status' = ? AND 'retry' = ?))",
				ExportJobKind, maxAttempts, string(domain.ExportQueued), string(domain.ExportRunning), staleBefore,
				string(domain.ExportFailed), true).
			Value(ctx, &it)
		if err == nil {
			return it.job()
		}
		if !isConditionFailure(err) {
			return domain.ExportJob{}, wrap("claim export job", err)
		}
		// Why not: read the job as it is now and answer for that.
		cur, err := s.exportJobItem(ctx, k)
		if err != nil {
			return domain.ExportJob{}, err
		}
		status := domain.ExportStatus(cur.Status)
		switch {
		case status.Finished():
			return domain.ExportJob{}, fmt.Errorf("claim export job %s (%s): %w", id, status, ErrExportFinished)
		case status == domain.ExportRunning && cur.Heartbeat >= staleBefore:
			return domain.ExportJob{}, domain.Errorf(domain.CodeConflict, "export job %s is running under another exporter's lease", id)
		case cur.Attempts >= maxAttempts:
			err := s.failStoppedExport(ctx, k, cur, at)
			if err == nil {
				return domain.ExportJob{}, fmt.Errorf("claim export job %s: the exporter stopped %d times: %w", id, cur.Attempts, ErrExportFinished)
			}
			if !isConditionFailure(err) {
				return domain.ExportJob{}, wrap("fail export job", err)
			}
		}
		// The job changed between the claim and the read (a heartbeat
		// went stale, another claim failed it): decide again.
		if try >= 5 {
			return domain.ExportJob{}, domain.Errorf(domain.CodeConflict, "export job %s keeps changing; try again", id)
		}
	}
}

// failStoppedExport fails a job that exporters claimed too often, if it
// is still as read.
func (s *Store) failStoppedExport(ctx context.Context, k Key, cur exportJobItem, at string) error {
	u := s.table.Update("pk", k.PK).Range("sk", k.SK).
		Set("status", string(domain.ExportFailed)).
		Set("reason", fmt.Sprintf("the exporter stopped %d times", cur.Attempts)).
		Set("finished", at)
	if cur.Heartbeat == "" {
		return u.If("'status' = ? AND 'attempts' = ? AND attribute_not_exists('heartbeat')", cur.Status, cur.Attempts).Run(ctx)
	}
	return u.If("'status' = ? AND 'attempts' = ? AND 'heartbeat' = ?", cur.Status, cur.Attempts, cur.Heartbeat).Run(ctx)
}

// ExportHeartbeat renews owner's lease on a running job and records the
// rows written so far. A run that lost the job (taken over, or finished)
// gets a CodeConflict error and must stop.
func (s *Store) ExportHeartbeat(ctx context.Context, t Tenant, id, owner string, rows int64, now time.Time) error {
	k := t.ExportJobKey(id)
	err := s.table.Update("pk", k.PK).Range("sk", k.SK).
		Set("heartbeat", domain.FormatInstant(now)).
		Set("rows", rows).
		If("'status' = ? AND 'owner' = ?", string(domain.ExportRunning), owner).
		Run(ctx)
	if isConditionFailure(err) {
		return lostLease(id)
	}
	return wrap("export heartbeat", err)
}

// FinishExportJob records how owner's run ended: succeeded with its file,
// or failed with a reason. Only the job's current runner can finish it; a
// run that lost the job gets a CodeConflict error.
func (s *Store) FinishExportJob(ctx context.Context, t Tenant, id, owner string, r ExportResult, now time.Time) error {
	k := t.ExportJobKey(id)
	status := domain.ExportFailed
	if r.Succeeded {
		status = domain.ExportSucceeded
	}
	at := domain.FormatInstant(now)
	// Set with "" removes the attribute: no item holds an empty string.
	err := s.table.Update("pk", k.PK).Range("sk", k.SK).
		Set("status", string(status)).
		Set("rows", r.Rows).
		Set("bytes", r.Bytes).
		Set("key", r.Key).
		Set("fileName", r.FileName).
		Set("reason", r.Reason).
		Set("finished", at).
		Set("heartbeat", at).
		Set("retry", r.Retry && !r.Succeeded).
		If("'status' = ? AND 'owner' = ?", string(domain.ExportRunning), owner).
		Run(ctx)
	if isConditionFailure(err) {
		return lostLease(id)
	}
	return wrap("finish export job", err)
}

func lostLease(id string) error {
	return domain.Errorf(domain.CodeConflict, "export job %s is no longer held by this exporter", id)
}
