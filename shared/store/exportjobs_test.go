package store_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// exportTable is one table, without a stream, that every export-job test
// shares; each test works in its own tenant.
var exportTable struct {
	sync.Mutex
	st *store.Store
}

func mustExportStore(tb testing.TB) (*store.Store, store.Tenant) {
	tb.Helper()
	exportTable.Lock()
	defer exportTable.Unlock()
	if exportTable.st == nil {
		client := localaws.MustDynamo(tb).Client()
		name := localaws.UniqueName(tb, "exports")
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := store.CreateTableWithoutStream(ctx, client, name); err != nil {
			tb.Fatal(err)
		}
		exportTable.st = store.New(client, name)
	}
	return exportTable.st, store.Tenant(localaws.UniqueName(tb, "x"))
}

var jobAt = time.Date(2026, 11, 2, 13, 14, 15, 678_000_000, time.UTC)

func newJob(created time.Time) *domain.ExportJob {
	return &domain.ExportJob{
		CreatedBy: "u-admin", Role: domain.RoleAdmin, Report: "interactions",
		Params: map[string][]string{"media": {"whatsapp"}, "from": {"2026-10-01"}, "to": {"2026-10-31"}, "agents": {"a1", "a2"}},
		Format: "csv", ExportOptions: domain.ExportOptions{Delimiter: ";", BOM: true, Language: "pt-BR", Gzip: true},
		Created: created,
	}
}

func mustCreateJob(tb testing.TB, s *store.Store, t store.Tenant, created time.Time) domain.ExportJob {
	tb.Helper()
	j := newJob(created)
	if err := s.CreateExportJob(context.Background(), t, j); err != nil {
		tb.Fatal(err)
	}
	return *j
}

func TestExportJobCreateAndRead(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	if !domain.ValidExportJobID(j.ID) || j.Status != domain.ExportQueued {
		t.Fatalf("created %+v", j)
	}
	got, err := s.ExportJob(ctx, tenant, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(j) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, j)
	}

	// The stored item: the kind the stream filter matches, the TTL, and
	// no empty value.
	k := tenant.ExportJobKey(j.ID)
	out, err := s.Client().GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.TableName()),
		Key:       map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: k.PK}, "sk": &types.AttributeValueMemberS{Value: k.SK}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := out.Item["kind"].(*types.AttributeValueMemberS); v == nil || v.Value != store.ExportJobKind {
		t.Errorf("kind = %v", out.Item["kind"])
	}
	wantTTL := strconv.FormatInt(jobAt.Add(30*24*time.Hour).Unix(), 10)
	if v, _ := out.Item[store.TTLAttribute].(*types.AttributeValueMemberN); v == nil || v.Value != wantTTL {
		t.Errorf("ttl = %v, want %s", out.Item[store.TTLAttribute], wantTTL)
	}
	for name, v := range out.Item {
		if path, ok := emptyValue(name, v); ok {
			t.Errorf("the item holds an empty %s", path)
		}
	}
	if pt, id, ok := store.ExportJobOfKeys(k.PK, k.SK); !ok || pt != tenant || id != j.ID {
		t.Errorf("ExportJobOfKeys = %s %s %v", pt, id, ok)
	}

	// The same id again is refused.
	again := newJob(jobAt)
	again.ID = j.ID
	if err := s.CreateExportJob(ctx, tenant, again); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("second create: %v", err)
	}
}

func TestExportJobNotFound(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	_, other := mustExportStore(t)
	for name, tc := range map[string]struct {
		t  store.Tenant
		id string
	}{
		"unknown id":         {tenant, domain.NewExportJobID(jobAt)},
		"another tenant's":   {other, j.ID},
		"malformed":          {tenant, "not-an-id"},
		"lower case of real": {tenant, strings.ToLower(j.ID)},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := s.ExportJob(ctx, tc.t, tc.id); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("err = %v, want not found", err)
			}
			if _, err := s.ClaimExportJob(ctx, tc.t, tc.id, "o", jobAt, time.Minute, 3); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("claim: err = %v, want not found", err)
			}
		})
	}
}

func TestExportJobsNewestFirst(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	_, other := mustExportStore(t)
	mine := map[string][]string{} // createdBy → ids, newest first; "" all
	for i := range 7 {
		j := newJob(jobAt.Add(time.Duration(i) * time.Second))
		if i%3 == 1 {
			j.CreatedBy, j.Role, j.Queues = "u-sup", domain.RoleSupervisor, []string{"Vendas"}
		}
		if err := s.CreateExportJob(ctx, tenant, j); err != nil {
			t.Fatal(err)
		}
		mine[""] = append([]string{j.ID}, mine[""]...)
		mine[j.CreatedBy] = append([]string{j.ID}, mine[j.CreatedBy]...)
	}
	mustCreateJob(t, s, other, jobAt.Add(time.Hour)) // newer, but another tenant's

	for _, by := range []string{"", "u-admin", "u-sup"} {
		want := mine[by]
		for _, limit := range []int{1, 3, 7, 50} {
			t.Run(fmt.Sprintf("by %q limit %d", by, limit), func(t *testing.T) {
				var got []string
				after, pages := "", 0
				for {
					jobs, next, err := s.ExportJobs(ctx, tenant, by, limit, after)
					if err != nil {
						t.Fatal(err)
					}
					pages++
					if len(jobs) == 0 || len(jobs) > limit {
						t.Fatalf("page of %d jobs", len(jobs))
					}
					for _, j := range jobs {
						if by != "" && j.CreatedBy != by {
							t.Errorf("job %s by %s in %s's list", j.ID, j.CreatedBy, by)
						}
						got = append(got, j.ID)
					}
					if next == "" {
						break
					}
					after = next
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("got %v\nwant %v", got, want)
				}
				if wantPages := (len(want) + limit - 1) / limit; pages != wantPages {
					t.Errorf("%d pages, want %d (the last page is never empty)", pages, wantPages)
				}
			})
		}
	}
	for _, by := range []string{"", "u-nobody"} {
		jobs, next, err := s.ExportJobs(ctx, store.Tenant("nobody-"+string(tenant)), by, 10, "")
		if err != nil || len(jobs) != 0 || next != "" {
			t.Errorf("a tenant without jobs, by %q: %v %q %v", by, jobs, next, err)
		}
	}
	if jobs, next, err := s.ExportJobs(ctx, tenant, "u-nobody", 10, ""); err != nil || len(jobs) != 0 || next != "" {
		t.Errorf("a user without jobs: %v %q %v", jobs, next, err)
	}
}

const lease = time.Minute

func TestClaimExportJob(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	t0 := jobAt.Add(time.Second)

	got, err := s.ClaimExportJob(ctx, tenant, j.ID, "A", t0, lease, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != domain.ExportRunning || got.Owner != "A" || got.Attempts != 1 ||
		got.Started == nil || !got.Started.Equal(t0) || got.Heartbeat == nil || !got.Heartbeat.Equal(t0) {
		t.Fatalf("claimed %+v", got)
	}

	// Fresh lease: another run can't take it, nor can A itself claim again.
	for _, owner := range []string{"B", "A"} {
		if _, err := s.ClaimExportJob(ctx, tenant, j.ID, owner, t0.Add(lease-time.Second), lease, 3); domain.ErrorCode(err) != domain.CodeConflict {
			t.Errorf("claim by %s under a fresh lease: %v", owner, err)
		}
	}

	// A's heartbeat moves the lease and records rows; B's fails.
	if err := s.ExportHeartbeat(ctx, tenant, j.ID, "A", 500, t0.Add(30*time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := s.ExportHeartbeat(ctx, tenant, j.ID, "B", 1, t0.Add(30*time.Second)); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("heartbeat by a non-owner: %v", err)
	}
	// Stale by the first claim's time, fresh by the heartbeat's.
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "B", t0.Add(lease+time.Second), lease, 3); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("claim after a heartbeat kept the lease fresh: %v", err)
	}
	cur, err := s.ExportJob(ctx, tenant, j.ID)
	if err != nil || cur.Rows != 500 || !cur.Heartbeat.Equal(t0.Add(30*time.Second)) || cur.Attempts != 1 {
		t.Fatalf("after heartbeat %+v %v", cur, err)
	}

	// A stops; once its heartbeat is older than the lease, B takes over.
	t1 := t0.Add(30*time.Second + lease + time.Millisecond)
	got, err = s.ClaimExportJob(ctx, tenant, j.ID, "B", t1, lease, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got.Owner != "B" || got.Attempts != 2 || !got.Started.Equal(t0) || !got.Heartbeat.Equal(t1) {
		t.Fatalf("takeover %+v", got)
	}
	// A, back from the dead, can neither beat nor finish.
	if err := s.ExportHeartbeat(ctx, tenant, j.ID, "A", 900, t1); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("heartbeat after losing the lease: %v", err)
	}
	if err := s.FinishExportJob(ctx, tenant, j.ID, "A", store.ExportResult{Succeeded: true, Rows: 900}, t1); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("finish by a run that lost the lease: %v", err)
	}

	// B finishes; the job is then done for everyone.
	t2 := t1.Add(10 * time.Second)
	res := store.ExportResult{Succeeded: true, Rows: 1234, Bytes: 56789, Key: "k/exports/x/f.csv", FileName: "f.csv"}
	if err := s.FinishExportJob(ctx, tenant, j.ID, "B", res, t2); err != nil {
		t.Fatal(err)
	}
	done, err := s.ExportJob(ctx, tenant, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != domain.ExportSucceeded || done.Rows != 1234 || done.Bytes != 56789 || done.Key != res.Key ||
		done.FileName != "f.csv" || done.Reason != "" || !done.Finished.Equal(t2) || !done.Started.Equal(t0) {
		t.Fatalf("finished %+v", done)
	}
	for _, owner := range []string{"B", "C"} {
		if _, err := s.ClaimExportJob(ctx, tenant, j.ID, owner, t2.Add(time.Hour), lease, 3); !errors.Is(err, store.ErrExportFinished) {
			t.Errorf("claim of a finished job by %s: %v", owner, err)
		}
	}
	if err := s.FinishExportJob(ctx, tenant, j.ID, "B", store.ExportResult{Reason: "again"}, t2); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("second finish: %v", err)
	}
	if err := s.ExportHeartbeat(ctx, tenant, j.ID, "B", 1, t2); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("heartbeat of a finished job: %v", err)
	}
}

func TestFinishExportJobFailed(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	if err := s.FinishExportJob(ctx, tenant, j.ID, "A", store.ExportResult{Reason: "x"}, jobAt); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("finish of a queued job: %v", err)
	}
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "A", jobAt, lease, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishExportJob(ctx, tenant, j.ID, "A", store.ExportResult{Rows: 10, Reason: "the period may cover at most 366 days"}, jobAt.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	got, err := s.ExportJob(ctx, tenant, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != domain.ExportFailed || got.Reason != "the period may cover at most 366 days" || got.Key != "" || got.FileName != "" || got.Rows != 10 {
		t.Fatalf("failed job %+v", got)
	}
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "B", jobAt.Add(time.Hour), lease, 3); !errors.Is(err, store.ErrExportFinished) {
		t.Errorf("claim of a failed job: %v", err)
	}
}

// A failure marked for retry leaves the job failed until the next
// delivery claims it again, and only while attempts remain.
func TestClaimFailedExportJobForRetry(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	at := jobAt
	for attempt := 1; attempt <= 2; attempt++ {
		if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "A", at, lease, 2); err != nil {
			t.Fatalf("claim %d: %v", attempt, err)
		}
		at = at.Add(time.Minute)
		if err := s.FinishExportJob(ctx, tenant, j.ID, "A", store.ExportResult{Reason: "trying again", Retry: true}, at); err != nil {
			t.Fatal(err)
		}
		got, err := s.ExportJob(ctx, tenant, j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != domain.ExportFailed || got.Attempts != attempt || got.Finished == nil {
			t.Fatalf("after attempt %d: %+v", attempt, got)
		}
	}
	// Two attempts of two: the failure is final.
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "B", at, lease, 2); !errors.Is(err, store.ErrExportFinished) {
		t.Fatalf("claim past the attempts: %v", err)
	}
	// A claimed retry starts clean: no reason, no finish time.
	k := mustCreateJob(t, s, tenant, jobAt.Add(time.Second))
	if _, err := s.ClaimExportJob(ctx, tenant, k.ID, "A", at, lease, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishExportJob(ctx, tenant, k.ID, "A", store.ExportResult{Reason: "trying again", Retry: true}, at); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimExportJob(ctx, tenant, k.ID, "B", at.Add(time.Second), lease, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != domain.ExportRunning || got.Reason != "" || got.Finished != nil || got.Owner != "B" || got.Attempts != 2 {
		t.Fatalf("retried job %+v", got)
	}
}

// Many runs claim one job at once (duplicate stream deliveries): exactly
// one gets it, the others are told it is held.
func TestClaimExportJobRace(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	for round := range 3 {
		j := mustCreateJob(t, s, tenant, jobAt.Add(time.Duration(round)*time.Second))
		const runs = 8
		var wg sync.WaitGroup
		errs := make([]error, runs)
		start := make(chan struct{})
		for i := range runs {
			wg.Go(func() {
				<-start
				_, errs[i] = s.ClaimExportJob(ctx, tenant, j.ID, fmt.Sprint("run-", i), jobAt, lease, 3)
			})
		}
		close(start)
		wg.Wait()
		won, winner := 0, ""
		for i, err := range errs {
			switch {
			case err == nil:
				won++
				winner = fmt.Sprint("run-", i)
			case domain.ErrorCode(err) != domain.CodeConflict:
				t.Errorf("run %d: %v", i, err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d runs won the claim", round, won)
		}
		got, err := s.ExportJob(ctx, tenant, j.ID)
		if err != nil || got.Owner != winner || got.Attempts != 1 {
			t.Errorf("round %d: %+v %v, want owner %s and one attempt", round, got, err, winner)
		}
	}
}

// Takeovers of a stale job race too: of many runs that find it stale at
// once, one takes it.
func TestClaimExportJobStaleTakeoverRace(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "crashed", jobAt, lease, 5); err != nil {
		t.Fatal(err)
	}
	later := jobAt.Add(2 * lease)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Go(func() { _, errs[i] = s.ClaimExportJob(ctx, tenant, j.ID, fmt.Sprint("run-", i), later, lease, 5) })
	}
	wg.Wait()
	won := 0
	for i, err := range errs {
		if err == nil {
			won++
		} else if domain.ErrorCode(err) != domain.CodeConflict {
			t.Errorf("run %d: %v", i, err)
		}
	}
	got, _ := s.ExportJob(ctx, tenant, j.ID)
	if won != 1 || got.Attempts != 2 {
		t.Errorf("%d runs took over; attempts %d", won, got.Attempts)
	}
}

// A job whose exporter keeps stopping is failed, not run forever.
func TestClaimExportJobMaxAttempts(t *testing.T) {
	ctx := context.Background()
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	at := jobAt
	for i := 1; i <= 2; i++ {
		got, err := s.ClaimExportJob(ctx, tenant, j.ID, fmt.Sprint("run-", i), at, lease, 2)
		if err != nil || got.Attempts != i {
			t.Fatalf("claim %d: %+v %v", i, got, err)
		}
		at = at.Add(lease + time.Second) // the run stops without a heartbeat
	}
	// Still fresh: the second run may be alive; that is not a failure yet.
	if _, err := s.ClaimExportJob(ctx, tenant, j.ID, "run-3", at.Add(-2*time.Second), lease, 2); domain.ErrorCode(err) != domain.CodeConflict {
		t.Fatalf("claim under the second run's fresh lease: %v", err)
	}
	_, err := s.ClaimExportJob(ctx, tenant, j.ID, "run-3", at, lease, 2)
	if !errors.Is(err, store.ErrExportFinished) {
		t.Fatalf("third claim: %v, want ErrExportFinished", err)
	}
	got, err := s.ExportJob(ctx, tenant, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != domain.ExportFailed || got.Reason != "the exporter stopped 2 times" || got.Finished == nil || !got.Finished.Equal(at) || got.Attempts != 2 {
		t.Fatalf("after too many stops: %+v", got)
	}
	// The run that stopped last can't finish it now.
	if err := s.FinishExportJob(ctx, tenant, j.ID, "run-2", store.ExportResult{Succeeded: true}, at); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("finish after the job was failed: %v", err)
	}
}

func TestClaimExportJobArguments(t *testing.T) {
	s, tenant := mustExportStore(t)
	j := mustCreateJob(t, s, tenant, jobAt)
	for _, tc := range []struct {
		owner string
		lease time.Duration
		max   int
	}{{"", lease, 3}, {"A", 0, 3}, {"A", lease, 0}} {
		if _, err := s.ClaimExportJob(context.Background(), tenant, j.ID, tc.owner, jobAt, tc.lease, tc.max); err == nil || domain.ErrorCode(err) != domain.CodeInternal {
			t.Errorf("claim(%q, %v, %d): %v", tc.owner, tc.lease, tc.max, err)
		}
	}
}

func TestExportJobOfKeys(t *testing.T) {
	tenant := store.Tenant("acme")
	id := domain.NewExportJobID(jobAt)
	job := tenant.ExportJobKey(id)
	in := chat("c1", base)
	tests := []struct {
		name   string
		pk, sk string
		ok     bool
	}{
		{"export job", job.PK, job.SK, true},
		{"settings", tenant.SettingsKey().PK, tenant.SettingsKey().SK, false},
		{"marker", tenant.MarkerKey("x").PK, tenant.MarkerKey("x").SK, false},
		{"interaction row", tenant.RowKey(&in).PK, tenant.RowKey(&in).SK, false},
		{"interaction meta", tenant.MetaKey("c1").PK, tenant.MetaKey("c1").SK, false},
		{"agent events", tenant.AgentEventPartition("2026-10-01"), "a#b#c", false},
		{"external protocol gsi key as pk", tenant.ExtProtocolGSI("P1"), job.SK, false},
		{"malformed id", job.PK, "X#" + id[:20], false},
		{"bad tenant", "T#Acme!#X", job.SK, false},
		{"no T#", "acme#X", job.SK, false},
		{"empty", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gt, gid, ok := store.ExportJobOfKeys(tc.pk, tc.sk)
			if ok != tc.ok || ok && (gt != tenant || gid != id) {
				t.Errorf("ExportJobOfKeys(%q, %q) = %q %q %v", tc.pk, tc.sk, gt, gid, ok)
			}
		})
	}
}
