package exporter

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exports"
)

var whatsappCSV = map[string]any{
	"report": "interactions", "format": "csv",
	"params": map[string]any{"media": "whatsapp", "from": "2026-10-01", "to": "2026-10-10"},
}

// create asks for an export through the API without running it.
func (e *env) create(t *testing.T, body map[string]any) *exports.Job {
	t.Helper()
	raw, _ := json.Marshal(body)
	job, err := e.api.Create(context.Background(), e.admin, e.tenant, raw)
	if err != nil {
		t.Fatal(err)
	}
	return job
}

func (e *env) get(t *testing.T, id string) *exports.Job {
	t.Helper()
	job, err := e.api.Get(context.Background(), e.tenant, e.admin, id)
	if err != nil {
		t.Fatal(err)
	}
	return job
}

// objects lists what the bucket holds under the tenant's exports, and the
// multipart uploads left open.
func (e *env) objects(t *testing.T) (keys []string, open int) {
	t.Helper()
	ctx := context.Background()
	out, err := e.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: &e.bucket})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out.Contents {
		keys = append(keys, *o.Key)
	}
	up, err := e.s3.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: &e.bucket})
	if err != nil {
		t.Fatal(err)
	}
	return keys, len(up.Uploads)
}

// A failure midway (the store, the bucket, the process's deadline) fails
// the job with words for the admin, and leaves no file and no parts.
func TestFailureLeavesNoFile(t *testing.T) {
	e := newEnv(t, false, "en")
	e.load(t, 1500, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	t.Run("error midway", func(t *testing.T) {
		job := e.create(t, whatsappCSV)
		e.exp.rowHook = func(rows int64) error {
			if rows == 50 {
				return errors.New("the table went away")
			}
			return nil
		}
		defer func() { e.exp.rowHook = nil }()
		e.exp.MaxAttempts = 1 // the last attempt: no retry
		defer func() { e.exp.MaxAttempts = 0 }()
		if err := e.exp.Run(context.Background(), e.tenant, job.ID); err != nil {
			t.Fatal(err)
		}
		got := e.get(t, job.ID)
		if got.Status != domain.ExportFailed || got.URL != "" || got.FileName != "" {
			t.Fatalf("job %+v", got)
		}
		if strings.Contains(got.Reason, "table went away") || !strings.Contains(got.Reason, "request it again") {
			t.Fatalf("reason %q: must say what to do, never an internal error's text", got.Reason)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		job := e.create(t, whatsappCSV)
		ctx, cancel := context.WithTimeout(context.Background(), stopMargin+300*time.Millisecond)
		defer cancel()
		e.exp.rowHook = func(int64) error { time.Sleep(20 * time.Millisecond); return nil }
		defer func() { e.exp.rowHook = nil }()
		if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
			t.Fatal(err)
		}
		got := e.get(t, job.ID)
		if got.Status != domain.ExportFailed || !strings.Contains(got.Reason, "time limit") {
			t.Fatalf("job %s: %s", got.Status, got.Reason)
		}
	})
	t.Run("request no longer valid", func(t *testing.T) {
		job := e.create(t, whatsappCSV)
		j, err := e.st.ExportJob(context.Background(), e.tenant, job.ID)
		if err != nil {
			t.Fatal(err)
		}
		// A job written by an older version, with a filter since removed.
		j.ID = domain.NewExportJobID(time.Now())
		j.Params["expiration"] = []string{"someday"}
		if err := e.st.CreateExportJob(context.Background(), e.tenant, &j); err != nil {
			t.Fatal(err)
		}
		if err := e.exp.Run(context.Background(), e.tenant, j.ID); err != nil {
			t.Fatal(err)
		}
		got := e.get(t, j.ID)
		if got.Status != domain.ExportFailed || !strings.Contains(got.Reason, "expiration") {
			t.Fatalf("job %s: %q", got.Status, got.Reason)
		}
	})
	keys, open := e.objects(t)
	if len(keys) != 0 || open != 0 {
		t.Fatalf("failed jobs left objects %q and %d open uploads", keys, open)
	}
}

// A run that stopped (a crashed Lambda) holds the job until its lease goes
// stale; a retried event then takes the job over and finishes it.
func TestStoppedRunIsTakenOver(t *testing.T) {
	e := newEnv(t, false, "en")
	e.load(t, 300, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	job := e.create(t, whatsappCSV)
	ctx := context.Background()
	if _, err := e.st.ClaimExportJob(ctx, e.tenant, job.ID, "crashed", time.Now().Add(-10*time.Minute), DefaultLease, 3); err != nil {
		t.Fatal(err)
	}
	if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
		t.Fatal(err)
	}
	got := e.get(t, job.ID)
	if got.Status != domain.ExportSucceeded || got.URL == "" {
		t.Fatalf("job %s: %s", got.Status, got.Reason)
	}
	j, _ := e.st.ExportJob(ctx, e.tenant, job.ID)
	if j.Attempts != 2 {
		t.Fatalf("attempts %d, want 2", j.Attempts)
	}
	// The event delivered again after the job ended changes nothing.
	if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := e.st.ExportJob(ctx, e.tenant, job.ID); again.Attempts != 2 || *again.Finished != *j.Finished {
		t.Fatalf("a replayed event ran the job again: %+v", again)
	}
}

// Two deliveries of one event at once: one run writes the file, the other
// sees it alive through its heartbeats and leaves it.
func TestDuplicateEventsRunOnce(t *testing.T) {
	e := newEnv(t, false, "en")
	e.load(t, 1500, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	job := e.create(t, whatsappCSV)
	var wrote [2]atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		x := &Exporter{Store: e.st, S3: e.s3, Bucket: e.bucket, Lease: 400 * time.Millisecond,
			rowHook: func(int64) error { wrote[i].Add(1); time.Sleep(4 * time.Millisecond); return nil }}
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = x.Run(context.Background(), e.tenant, job.ID) }()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	got := e.get(t, job.ID)
	if got.Status != domain.ExportSucceeded {
		t.Fatalf("job %s: %s", got.Status, got.Reason)
	}
	if (wrote[0].Load() == 0) == (wrote[1].Load() == 0) {
		t.Fatalf("rows written by each run: %d and %d; exactly one should write", wrote[0].Load(), wrote[1].Load())
	}
	if j, _ := e.st.ExportJob(context.Background(), e.tenant, job.ID); j.Attempts != 1 {
		t.Fatalf("attempts %d, want 1", j.Attempts)
	}
}

// The path the dev server takes and AWS's event source mapping mirrors:
// a new job on the table's stream runs; every other item on the stream
// is left alone.
func TestStreamRunsNewJobs(t *testing.T) {
	e := newEnv(t, true, "en")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen, passed atomic.Int64
	handler := func(ctx context.Context, ev events.DynamoDBEvent) error {
		for _, r := range ev.Records {
			seen.Add(1)
			if Matches(r) {
				passed.Add(1)
			}
		}
		return e.exp.Handle(ctx, ev)
	}
	done := make(chan error, 1)
	go func() {
		done <- localaws.MustDynamo(t).Follow(ctx, e.table, localaws.FollowOptions{Every: 100 * time.Millisecond, Retries: EventRetries}, handler)
	}()
	time.Sleep(300 * time.Millisecond) // the follower takes its place at the stream's end
	e.load(t, 200, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	job := e.create(t, whatsappCSV)
	deadline := time.Now().Add(60 * time.Second)
	for e.get(t, job.ID).Status != domain.ExportSucceeded {
		if time.Now().After(deadline) {
			t.Fatalf("job still %s after a minute", e.get(t, job.ID).Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if passed.Load() != 1 || seen.Load() < 200 {
		t.Fatalf("%d records on the stream, %d passed the filter; want every write seen and the one job passed", seen.Load(), passed.Load())
	}
}

// The acceptance case: a failure after parts of the file were uploaded
// ends in a failed job with no file and no link; the event's next
// delivery runs the job again and it succeeds.
func TestFailureAfterPartsThenRetrySucceeds(t *testing.T) {
	e := newEnv(t, false, "pt-BR")
	e.load(t, 1500, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	ctx := context.Background()
	job := e.create(t, map[string]any{"report": "interactions", "format": "csv",
		"params": map[string]any{"media": "voice", "from": "2026-10-01", "to": "2026-10-10"}})
	e.exp.partSize = 16 << 10
	parts := 0
	e.exp.rowHook = func(rows int64) error {
		if rows < 400 {
			return nil
		}
		up, err := e.s3.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: &e.bucket})
		if err != nil || len(up.Uploads) != 1 {
			t.Errorf("uploads in progress: %v %v", up, err)
			return errors.New("no upload")
		}
		p, err := e.s3.ListParts(ctx, &s3.ListPartsInput{Bucket: &e.bucket, Key: up.Uploads[0].Key, UploadId: up.Uploads[0].UploadId})
		if err != nil {
			t.Error(err)
		} else {
			parts = len(p.Parts)
		}
		return errors.New("the exporter's host died")
	}
	if err := e.exp.Run(ctx, e.tenant, job.ID); err == nil {
		t.Fatal("a failed run that may be retried must fail its event")
	}
	if parts < 3 {
		t.Fatalf("%d parts were uploaded before the failure; the test wants several", parts)
	}
	got := e.get(t, job.ID)
	if got.Status != domain.ExportFailed || got.URL != "" || got.FileName != "" || !strings.Contains(got.Reason, "trying again") {
		t.Fatalf("after the failure: %s %q url=%q", got.Status, got.Reason, got.URL)
	}
	if keys, open := e.objects(t); len(keys) != 0 || open != 0 {
		t.Fatalf("the failure left objects %q and %d open uploads", keys, open)
	}

	e.exp.partSize, e.exp.rowHook = 0, nil
	if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
		t.Fatal(err)
	}
	got = e.get(t, job.ID)
	if got.Status != domain.ExportSucceeded || got.Reason != "" {
		t.Fatalf("the retried job: %s %q", got.Status, got.Reason)
	}
	q := url.Values{"media": {"voice"}, "from": {"2026-10-01"}, "to": {"2026-10-10"}}
	e.checkCSV(t, download(t, got.URL), got.Options, domain.MediaVoice, e.reportRows(t, e.admin, q))
	if j, _ := e.st.ExportJob(ctx, e.tenant, job.ID); j.Attempts != 2 {
		t.Fatalf("attempts %d, want 2", j.Attempts)
	}
}

// A link works until it expires, and versitygw, like S3, enforces the
// expiry written into its signature.
func TestLinkExpires(t *testing.T) {
	e := newEnv(t, false, "en")
	e.load(t, 200, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	job, _ := e.export(t, e.admin, whatsappCSV)
	short := exports.NewService(exports.Config{Store: e.st, S3: e.s3, Bucket: e.bucket, LinkTTL: time.Second})
	got, err := short.Get(context.Background(), e.tenant, e.admin, job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b := download(t, got.URL); len(b) == 0 {
		t.Fatal("empty file")
	}
	time.Sleep(2500 * time.Millisecond)
	resp, err := http.Get(got.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an expired link answered %d", resp.StatusCode)
	}
	if fresh := e.get(t, job.ID); fresh.URL == got.URL || len(download(t, fresh.URL)) == 0 {
		t.Fatal("asking again gives no fresh link")
	}
}

// A run whose job was taken over while it wrote (its heartbeats failed
// for longer than the lease) never publishes its file: it checks that it
// still owns the job before completing the upload, and aborts.
func TestRunThatLostItsJobPublishesNothing(t *testing.T) {
	e := newEnv(t, false, "en")
	e.load(t, 300, time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC))
	ctx := context.Background()
	job := e.create(t, whatsappCSV)
	e.exp.rowHook = func(rows int64) error {
		if rows == 10 {
			if _, err := e.st.ClaimExportJob(ctx, e.tenant, job.ID, "newer", time.Now().Add(time.Hour), DefaultLease, 3); err != nil {
				t.Errorf("takeover: %v", err)
			}
		}
		return nil
	}
	defer func() { e.exp.rowHook = nil }()
	if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
		t.Fatal(err)
	}
	j, err := e.st.ExportJob(ctx, e.tenant, job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != domain.ExportRunning || j.Owner != "newer" || j.Key != "" {
		t.Fatalf("the newer run's job was touched: %+v", j)
	}
	if keys, open := e.objects(t); len(keys) != 0 || open != 0 {
		t.Fatalf("the run that lost its job left %q and %d open uploads", keys, open)
	}
}
