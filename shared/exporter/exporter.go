// Package exporter runs export jobs: it takes a new job off the table's
// stream, streams the report's rows from DynamoDB into a file in S3, and
// marks the job succeeded or failed. functions/exporter runs it in AWS;
// the dev server feeds it DynamoDB Local's stream.
package exporter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/s3upload"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Exporter writes export files.
type Exporter struct {
	Store  *store.Store
	S3     s3upload.API
	Bucket string
	Now    func() time.Time // nil: time.Now

	// Lease is how long a run holds a job without a heartbeat before
	// another run may take it over (a crashed Lambda); heartbeats come
	// every Lease/4. Zero means DefaultLease.
	Lease time.Duration
	// MaxAttempts bounds the claims of one job (the first run, takeovers
	// of stopped runs, retries of failed ones); zero means 3.
	MaxAttempts int
	// PageRows is how many rows one store page carries; zero means 500
	// (one Query call of the store's, and a bound on what a reader holds).
	PageRows int
	// Readers is how many pieces of the range are read at once; zero
	// means 4.
	Readers int
	// rowHook, when set by a test, runs after each row is written; an
	// error from it fails the run there, as a crash of the store would.
	rowHook func(rows int64) error
	// partSize, when set by a test, makes small files multipart.
	partSize int
}

// DefaultLease outlives any pause of a healthy run (a slow page, a GC).
const DefaultLease = 2 * time.Minute

// stopMargin is the time kept before the Lambda's deadline to abort the
// upload and record the failure, rather than being killed mid-write and
// leaving the job to a takeover that would time out the same way.
const stopMargin = 20 * time.Second

func (e *Exporter) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

func (e *Exporter) maxAttempts() int {
	if e.MaxAttempts > 0 {
		return e.MaxAttempts
	}
	return 3
}

func (e *Exporter) lease() time.Duration {
	if e.Lease > 0 {
		return e.Lease
	}
	return DefaultLease
}

// Run takes job id of tenant t and writes its file. It returns nil once
// the job has ended, here or in another run (a duplicate or retried
// stream event finds it done or alive and leaves it); an error means the
// job could not be taken or recorded, and the event should be retried.
func (e *Exporter) Run(ctx context.Context, t store.Tenant, id string) error {
	owner := newOwner()
	job, err := e.claim(ctx, t, id, owner)
	// A job that is gone (its TTL, or a record for another table) is as
	// done as a finished one.
	if errors.Is(err, store.ErrExportFinished) || errors.Is(err, errAlive) || domain.ErrorCode(err) == domain.CodeNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	log := slog.With("tenant", string(t), "job", id, "owner", owner, "attempt", job.Attempts)
	log.Info("export started", "report", job.Report, "format", job.Format)

	work, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if dl, ok := ctx.Deadline(); ok {
		var stop context.CancelFunc
		work, stop = context.WithDeadlineCause(work, dl.Add(-stopMargin), errTooLong)
		defer stop()
	}
	var rows atomic.Int64
	beats := e.heartbeat(work, cancel, t, id, owner, &rows)
	res, runErr := e.write(work, t, &job, &rows)
	switch {
	case runErr == nil:
	case errors.Is(context.Cause(work), errTooLong):
		runErr = errTooLong
	}
	cancel(nil)
	<-beats
	// The heartbeat saw the job taken, or the check before completing did.
	if errors.Is(context.Cause(work), errLeaseLost) || domain.ErrorCode(runErr) == domain.CodeConflict {
		// Another run owns the job now; what this one wrote was aborted.
		log.Warn("export lease lost", "rows", rows.Load())
		return nil
	}
	if runErr != nil {
		// A request that no longer holds, or one too large for the time
		// limit, fails the same way every time; anything else (the store
		// or the bucket failing) may pass on the next delivery.
		retry := domain.ErrorCode(runErr) == domain.CodeInternal && job.Attempts < e.maxAttempts()
		res = store.ExportResult{Rows: rows.Load(), Reason: reason(runErr, retry), Retry: retry}
		if domain.ErrorCode(runErr) == domain.CodeInternal {
			log.Error("export failed", "rows", rows.Load(), "retry", retry, "error", runErr.Error())
		} else {
			log.Info("export refused", "reason", res.Reason)
		}
	}
	if err := e.finish(ctx, t, id, owner, res); err != nil {
		if domain.ErrorCode(err) == domain.CodeConflict {
			log.Warn("export finished after losing its lease", "error", err.Error())
			return nil
		}
		return fmt.Errorf("exporter: record the end of %s: %w", id, err)
	}
	log.Info("export ended", "succeeded", res.Succeeded, "rows", res.Rows, "bytes", res.Bytes, "key", res.Key)
	if res.Retry {
		// The event source delivers the event again (template.yaml's
		// MaximumRetryAttempts; the dev server's follower likewise), and
		// that run claims the failed job.
		return fmt.Errorf("exporter: job %s failed and will be retried: %w", id, runErr)
	}
	return nil
}

// finish records the run's end, trying a few times within the time kept
// before the deadline: giving up would leave the job running until a
// takeover that redoes the whole file.
func (e *Exporter) finish(ctx context.Context, t store.Tenant, id, owner string, res store.ExportResult) error {
	var err error
	for wait := 500 * time.Millisecond; ; wait *= 2 {
		err = e.Store.FinishExportJob(ctx, t, id, owner, res, e.now())
		if err == nil || domain.ErrorCode(err) != domain.CodeInternal || wait > 4*time.Second {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

var (
	errAlive     = errors.New("exporter: another run holds the job and is alive")
	errLeaseLost = errors.New("exporter: the job's lease was lost")
	errTooLong   = domain.Errorf(domain.CodeTooLarge, "the export did not finish within the exporter's time limit; narrow the range or the filters")
)

// claim takes the job. While another run holds a fresh lease it waits:
// if that run is alive its heartbeats keep the lease fresh and this
// duplicate gives up (errAlive); if it crashed, the lease goes stale and
// this run takes over.
func (e *Exporter) claim(ctx context.Context, t store.Tenant, id, owner string) (domain.ExportJob, error) {
	maxAttempts := e.maxAttempts()
	giveUp := e.now().Add(2 * e.lease())
	for {
		job, err := e.Store.ClaimExportJob(ctx, t, id, owner, e.now(), e.lease(), maxAttempts)
		if domain.ErrorCode(err) != domain.CodeConflict {
			return job, err
		}
		if e.now().After(giveUp) {
			return job, errAlive
		}
		select {
		case <-ctx.Done():
			return job, ctx.Err()
		case <-time.After(e.lease() / 4):
		}
	}
}

// heartbeat records progress every Lease/4 until work ends; losing the
// lease cancels work. The returned channel closes when it has stopped.
func (e *Exporter) heartbeat(work context.Context, cancel context.CancelCauseFunc, t store.Tenant, id, owner string, rows *atomic.Int64) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(e.lease() / 4)
		defer tick.Stop()
		for {
			select {
			case <-work.Done():
				return
			case <-tick.C:
				err := e.Store.ExportHeartbeat(work, t, id, owner, rows.Load(), e.now())
				if domain.ErrorCode(err) == domain.CodeConflict {
					cancel(errLeaseLost)
					return
				}
				if err != nil && work.Err() == nil {
					// A missed beat is retried at the next tick; the lease
					// outlives three of them.
					slog.Warn("export heartbeat", "job", id, "error", err.Error())
				}
			}
		}
	}()
	return done
}

// write streams the job's rows into its file. The object appears in the
// bucket only when the upload completes, after the last row: a failure
// anywhere before aborts the upload and leaves no file.
func (e *Exporter) write(ctx context.Context, t store.Tenant, job *domain.ExportJob, rows *atomic.Int64) (res store.ExportResult, err error) {
	settings, err := e.Store.GetSettings(ctx, t)
	if err != nil {
		return res, err
	}
	who := domain.Identity{Tenant: string(t), UserID: job.CreatedBy, Role: job.Role, Queues: job.Queues}
	// The request is read as of its creation, so "today" means the day it
	// was asked for, however long the job waited.
	req, err := tracking.Parse(url.Values(job.Params), who, settings, job.Created)
	if err != nil {
		return res, err
	}
	spec := exportfile.For(job.Format, job.ExportOptions, req)
	if err := spec.Validate(); err != nil {
		return res, err
	}
	name := exportfile.FileName(job.Report, string(req.Media), req.Range.From.String(), req.Range.To.String(), exportfile.Extension(spec))
	// Each attempt writes its own object: a run that lost its lease and
	// still completes its upload can't replace the file the job links.
	key := exportfile.ObjectKey(string(t), job.ID, job.Attempts, name)
	up := s3upload.New(ctx, e.S3, s3upload.Object{Bucket: e.Bucket, Key: key, ContentType: exportfile.ContentType(spec), PartSize: e.partSize})
	f, err := exportfile.Open(up, spec)
	if err != nil {
		up.Abort()
		return res, err
	}
	defer func() {
		if err != nil {
			f.Discard()
			up.Abort()
		}
	}()
	reading, stopReading := context.WithCancel(ctx)
	pages := e.pages(reading, t, req)
	defer func() {
		// A writer that stopped early still waits for the reader: nothing
		// of this run may go on after it returns (a Lambda would freeze it
		// mid-call and thaw it in the next invocation).
		stopReading()
		for range pages {
		}
	}()
	for pg := range pages {
		if pg.err != nil {
			return res, pg.err
		}
		for i := range pg.rows {
			if err := f.Add(&pg.rows[i].Interaction); err != nil {
				return res, err
			}
			n := rows.Add(1)
			if e.rowHook != nil {
				if err := e.rowHook(n); err != nil {
					return res, err
				}
			}
		}
	}
	// The pages end early, without an error, when ctx ends.
	if err := context.Cause(ctx); err != nil {
		return res, err
	}
	if err := f.Close(); err != nil {
		return res, err
	}
	// The last check of ownership before the file appears; the job's
	// link is still only ever what its owner records.
	if err := e.Store.ExportHeartbeat(ctx, t, job.ID, job.Owner, rows.Load(), e.now()); err != nil {
		return res, err
	}
	if err := up.Close(); err != nil {
		return res, err
	}
	return store.ExportResult{Succeeded: true, Rows: f.Rows(), Bytes: up.Size(), Key: key, FileName: name}, nil
}

// exportBudget lets a page fill. The report's default budget answers a
// person within a second and abandons the calls still out when it does;
// an export has no one waiting on a page, and every abandoned call is
// items read twice.
var exportBudget = store.PageBudget{MaxEvaluated: 1 << 20, MaxTime: time.Minute}

// page is one store page of rows, or the error that ended the reading.
type page struct {
	rows []store.Row
	err  error
}

// pages reads the report's rows ahead of the writer, in order: the
// query's pieces (a UTC day's quarter each, store.RowQuery.Pieces) are
// read up to e.readers() at a time, each a page ahead of where the writer
// is in it, and handed over piece after piece. One Query call after
// another returns a megabyte at a time, a tenth of what the file's writer
// takes; side by side they keep up, and DynamoDB serves a table's
// partitions independently. Memory is bounded: each reader holds at most
// two pages. The channel closes after the last page, after an error, or
// when ctx ends (the writer has stopped listening), and only once every
// reader has stopped.
func (e *Exporter) pages(ctx context.Context, t store.Tenant, req *tracking.Request) <-chan page {
	out := make(chan page)
	pieces := req.Query().Pieces()
	feeds := make([]chan page, len(pieces))
	var readers sync.WaitGroup
	start := func(i int) {
		feeds[i] = make(chan page, 1)
		readers.Go(func() { e.readPiece(ctx, t, pieces[i], feeds[i]) })
	}
	go func() {
		defer close(out)
		defer readers.Wait()
		started := 0
		for i := range pieces {
			for ; started < len(pieces) && started < i+e.readers(); started++ {
				start(started)
			}
			for pg := range feeds[i] {
				select {
				case out <- pg:
				case <-ctx.Done():
					return
				}
				if pg.err != nil {
					return
				}
			}
		}
	}()
	return out
}

// readPiece sends the pages of one piece, then closes out; it stops at
// the first error (sent) or when ctx ends.
func (e *Exporter) readPiece(ctx context.Context, t store.Tenant, q store.RowQuery, out chan<- page) {
	defer close(out)
	limit := e.PageRows
	if limit <= 0 {
		limit = 500
	}
	var pos store.RowPos
	for {
		p, err := e.Store.QueryRows(ctx, t, q, pos, limit, exportBudget)
		select {
		case out <- page{rows: p.Rows, err: err}:
		case <-ctx.Done():
			return
		}
		if err != nil || p.Next == nil {
			return
		}
		pos = *p.Next
	}
}

func (e *Exporter) readers() int {
	if e.Readers <= 0 {
		return 4
	}
	return e.Readers
}

// reason is what the job's owner reads about a failure: the message of
// a domain error (a request that no longer holds, the time limit), never
// the text of an internal one, which goes to the log.
func reason(err error, retry bool) string {
	var de *domain.Error
	if errors.As(err, &de) && de.Code != domain.CodeInternal {
		return de.Message
	}
	if retry {
		return "the export could not be written; Rastro is trying again"
	}
	return "the export could not be written; please request it again"
}

func newOwner() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
