package exports_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/store"
)

const whatsappOctober = `{"report":"interactions","params":{"media":"whatsapp","from":"2026-10-01","to":"2026-10-31","agents":["ag1","ag2"]},"gzip":true}`

func TestCreateAndGet(t *testing.T) {
	now := time.Date(2026, 11, 5, 1, 0, 0, 0, time.UTC)
	e := newEnv(t, func() time.Time { return now })
	tenant := localaws.UniqueName(t, "t")
	if err := e.st.PutSettings(context.Background(), store.Tenant(tenant), domain.Settings{TimeZone: "America/Sao_Paulo", Locale: "pt-BR", SLAMinutes: []int{1}}); err != nil {
		t.Fatal(err)
	}

	job := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	if !domain.ValidExportJobID(job.ID) || job.Status != domain.ExportQueued || job.Report != "interactions" || job.Format != "csv" ||
		job.CreatedBy != "u-admin" || !job.Created.Equal(now) || job.Rows != 0 || job.URL != "" || job.FileExpired || job.Started != nil {
		t.Fatalf("created %+v", job)
	}
	// The tenant's locale gives the CSV options; the request's gzip stays.
	if job.Options != (domain.ExportOptions{Delimiter: ";", BOM: true, Language: "pt-BR", Gzip: true}) {
		t.Errorf("options %+v", job.Options)
	}
	want := map[string]any{"media": "whatsapp", "from": "2026-10-01", "to": "2026-10-31", "zone": "America/Sao_Paulo", "sort": "desc", "agents": []any{"ag1", "ag2"}}
	if mustJSON(t, job.Params) != mustJSON(t, want) {
		t.Errorf("params %s, want %s", mustJSON(t, job.Params), mustJSON(t, want))
	}

	got := call[exports.Job](t, e, admin(tenant), "GET", "/v1/exports/"+job.ID, nil, 200)
	if mustJSON(t, got) != mustJSON(t, job) {
		t.Errorf("GET %s\nwant %s", mustJSON(t, got), mustJSON(t, job))
	}

	// What the exporter reads.
	stored, err := e.st.ExportJob(context.Background(), store.Tenant(tenant), job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Role != domain.RoleAdmin || stored.Params["from"][0] != "2026-10-01" || stored.Format != "csv" || !stored.Gzip {
		t.Errorf("stored %+v", stored)
	}
}

func TestRolesAndRequests(t *testing.T) {
	e := newEnv(t, nil)
	tenant := localaws.UniqueName(t, "t")
	job := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	huge := `{"report":"interactions","params":{"media":"voice","protocol":"` + strings.Repeat("x", 70_000) + `"}}`

	tests := []struct {
		name         string
		who          domain.Identity
		method, path string
		body         string
		status       int
		field        string
	}{
		{"supervisor creates", supervisor(tenant), "POST", "/v1/exports", whatsappOctober, 202, ""},
		{"supervisor lists", supervisor(tenant), "GET", "/v1/exports", "", 200, ""},
		{"supervisor reads an admin's job", supervisor(tenant), "GET", "/v1/exports/" + job.ID, "", 404, ""},
		{"supervisor asks for a queue not theirs", supervisor(tenant), "POST", "/v1/exports", `{"report":"interactions","params":{"media":"voice","queue":"Vendas"}}`, 403, "params.queue"},
		{"ingest client creates", ingestClient(tenant), "POST", "/v1/exports", whatsappOctober, 403, ""},
		{"no token", domain.Identity{}, "GET", "/v1/exports", "", 401, ""},
		{"body over 64 KiB", admin(tenant), "POST", "/v1/exports", huge, 413, ""},
		{"unknown field", admin(tenant), "POST", "/v1/exports", `{"report":"interactions","params":{"media":"voice"},"tenant":"other"}`, 400, "tenant"},
		{"parameter error named as the body's", admin(tenant), "POST", "/v1/exports", `{"report":"interactions","params":{"media":"voice","from":"yesterday"}}`, 400, "params.from"},
		{"cursor in params", admin(tenant), "POST", "/v1/exports", `{"report":"interactions","params":{"media":"voice","cursor":"x"}}`, 400, "params.cursor"},
		{"another report", admin(tenant), "POST", "/v1/exports", `{"report":"ivr","params":{"media":"voice"}}`, 422, "report"},
		{"gzip with xlsx", admin(tenant), "POST", "/v1/exports", `{"report":"interactions","params":{"media":"voice"},"format":"xlsx","gzip":true}`, 422, "gzip"},
		{"query on create", admin(tenant), "POST", "/v1/exports?media=voice", whatsappOctober, 400, "media"},
		{"query on get", admin(tenant), "GET", "/v1/exports/" + job.ID + "?download=1", "", 400, "download"},
		{"list: unknown parameter", admin(tenant), "GET", "/v1/exports?status=queued", "", 400, "status"},
		{"list: limit 0", admin(tenant), "GET", "/v1/exports?limit=0", "", 400, "limit"},
		{"list: limit 101", admin(tenant), "GET", "/v1/exports?limit=101", "", 400, "limit"},
		{"list: forged cursor", admin(tenant), "GET", "/v1/exports?cursor=abc.def", "", 400, "cursor"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body []byte
			if tc.body != "" {
				body = []byte(tc.body)
			}
			status, b := e.do(t, tc.who, tc.method, tc.path, body)
			if status != tc.status {
				t.Fatalf("%d %s, want %d", status, b, tc.status)
			}
			if tc.field != "" {
				if got := errorOf(t, b); got.Field != tc.field {
					t.Errorf("field %q, want %q (%s)", got.Field, tc.field, b)
				}
			}
		})
	}
}

// Another tenant's job, an unknown id and a malformed one are answered
// alike: nothing tells a caller that an id exists elsewhere.
func TestNotFound(t *testing.T) {
	e := newEnv(t, nil)
	a, b := localaws.UniqueName(t, "a"), localaws.UniqueName(t, "b")
	job := call[exports.Job](t, e, admin(a), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	call[exports.Job](t, e, admin(a), "GET", "/v1/exports/"+job.ID, nil, 200)

	var first string
	for name, id := range map[string]string{
		"another tenant's":  job.ID,
		"unknown":           domain.NewExportJobID(time.Now()),
		"lower case":        strings.ToLower(job.ID),
		"too short":         job.ID[:25],
		"too long":          job.ID + "0",
		"not base 32":       "01HZY3N4M5P6Q7R8S9T0VWXYZU",
		"escaped separator": url.PathEscape("01HZY3N4M5P6Q7R8S9T0VWXY#A"),
		"over 128 bits":     "8" + job.ID[1:],
		"very long":         strings.Repeat("A", 2000),
		"escaped space":     "%20" + job.ID[1:],
	} {
		t.Run(name, func(t *testing.T) {
			status, body := e.do(t, admin(b), "GET", "/v1/exports/"+id, nil)
			if status != 404 {
				t.Fatalf("%d %s", status, body)
			}
			got := errorOf(t, body)
			got.RequestID = ""
			if s := mustJSON(t, got); first == "" {
				first = s
			} else if s != first {
				t.Errorf("body %s differs from %s", s, first)
			}
		})
	}
	// And B's list does not show A's job.
	page := call[exports.JobPage](t, e, admin(b), "GET", "/v1/exports", nil, 200)
	if len(page.Items) != 0 || page.NextCursor != nil {
		t.Errorf("B lists %+v", page)
	}
}

// An admin sees every job of the tenant; a supervisor only their own,
// since another's file holds other queues. Another user's job is not
// found, exactly like one that does not exist.
func TestWhoSeesWhichJobs(t *testing.T) {
	e := newEnv(t, ticking(time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)))
	tenant := localaws.UniqueName(t, "t")
	sil, vera := supervisor(tenant), supervisor(tenant)
	vera.UserID, vera.Queues = "u-vera", []string{"Vendas"}
	byAdmin := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	bySil := call[exports.Job](t, e, sil, "POST", "/v1/exports", []byte(whatsappOctober), 202)
	byVera := call[exports.Job](t, e, vera, "POST", "/v1/exports", []byte(whatsappOctober), 202)

	// The job keeps who asked, and so the exporter's scope.
	stored, err := e.st.ExportJob(context.Background(), store.Tenant(tenant), bySil.ID)
	if err != nil || stored.Role != domain.RoleSupervisor || strings.Join(stored.Queues, ",") != "Suporte" || stored.CreatedBy != "u-sup" {
		t.Fatalf("stored %+v %v", stored, err)
	}

	for _, tc := range []struct {
		name    string
		who     domain.Identity
		sees    []exports.Job
		notSeen []exports.Job
	}{
		{"admin", admin(tenant), []exports.Job{byVera, bySil, byAdmin}, nil},
		{"supervisor Sil", sil, []exports.Job{bySil}, []exports.Job{byAdmin, byVera}},
		{"supervisor Vera", vera, []exports.Job{byVera}, []exports.Job{byAdmin, bySil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := call[exports.JobPage](t, e, tc.who, "GET", "/v1/exports", nil, 200)
			if ids(page.Items) != ids(tc.sees) {
				t.Errorf("lists %s, want %s", ids(page.Items), ids(tc.sees))
			}
			for _, j := range tc.sees {
				call[exports.Job](t, e, tc.who, "GET", "/v1/exports/"+j.ID, nil, 200)
			}
			_, missing := e.do(t, tc.who, "GET", "/v1/exports/"+domain.NewExportJobID(time.Now()), nil)
			want := errorOf(t, missing)
			want.RequestID = ""
			for _, j := range tc.notSeen {
				status, body := e.do(t, tc.who, "GET", "/v1/exports/"+j.ID, nil)
				got := errorOf(t, body)
				got.RequestID = ""
				if status != 404 || mustJSON(t, got) != mustJSON(t, want) {
					t.Errorf("%s's job: %d %s, want 404 %s", j.CreatedBy, status, body, mustJSON(t, want))
				}
			}
		})
	}
}

func TestListNewestFirstPaged(t *testing.T) {
	e := newEnv(t, ticking(time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)))
	tenant, other := localaws.UniqueName(t, "t"), localaws.UniqueName(t, "o")
	var want []string
	for range 5 {
		job := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
		want = append([]string{job.ID}, want...)
	}
	call[exports.Job](t, e, admin(other), "POST", "/v1/exports", []byte(whatsappOctober), 202) // newest, but not theirs

	all := call[exports.JobPage](t, e, admin(tenant), "GET", "/v1/exports", nil, 200)
	if ids(all.Items) != strings.Join(want, ",") || all.NextCursor != nil {
		t.Fatalf("default page %s, want %s", ids(all.Items), strings.Join(want, ","))
	}

	var got []string
	path, pages := "/v1/exports?limit=2", 0
	var lastCursor string
	for {
		page := call[exports.JobPage](t, e, admin(tenant), "GET", path, nil, 200)
		pages++
		for _, j := range page.Items {
			got = append(got, j.ID)
		}
		if page.NextCursor == nil {
			break
		}
		lastCursor = *page.NextCursor
		path = "/v1/exports?limit=2&cursor=" + url.QueryEscape(lastCursor)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") || pages != 3 {
		t.Errorf("paged %v in %d pages, want %v in 3", got, pages, want)
	}
	// A cursor is the tenant's own.
	status, body := e.do(t, admin(other), "GET", "/v1/exports?cursor="+url.QueryEscape(lastCursor), nil)
	if status != 400 || errorOf(t, body).Field != "cursor" {
		t.Errorf("another tenant's cursor: %d %s", status, body)
	}
}

func ids(jobs []exports.Job) string {
	var s []string
	for _, j := range jobs {
		s = append(s, j.ID)
	}
	return strings.Join(s, ",")
}

// finish runs the job as the exporter would: claimed at at, its file put
// where ObjectKey says, finished a second later.
func (e *env) finish(tb testing.TB, tenant, id string, content []byte, at time.Time) string {
	tb.Helper()
	ctx := context.Background()
	t := store.Tenant(tenant)
	if _, err := e.st.ClaimExportJob(ctx, t, id, "run-1", at, time.Minute, 3); err != nil {
		tb.Fatal(err)
	}
	name := exportfile.FileName("interactions", "whatsapp", "2026-10-01", "2026-10-31", "csv.gz")
	key := exportfile.ObjectKey(tenant, id, 1, name)
	if _, err := e.s3.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(e.bucket), Key: aws.String(key), Body: bytes.NewReader(content), ContentType: aws.String("application/gzip"),
	}); err != nil {
		tb.Fatal(err)
	}
	res := store.ExportResult{Succeeded: true, Rows: 42, Bytes: int64(len(content)), Key: key, FileName: name}
	if err := e.st.FinishExportJob(ctx, t, id, "run-1", res, at.Add(time.Second)); err != nil {
		tb.Fatal(err)
	}
	return name
}

func TestDownloadLink(t *testing.T) {
	e := newEnv(t, nil) // real time: versitygw checks the link's expiry against its clock
	tenant := localaws.UniqueName(t, "t")
	job := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	content := make([]byte, 5000)
	_, _ = rand.Read(content)
	before := time.Now()
	name := e.finish(t, tenant, job.ID, content, before)

	got := call[exports.Job](t, e, admin(tenant), "GET", "/v1/exports/"+job.ID, nil, 200)
	if got.Status != domain.ExportSucceeded || got.Rows != 42 || got.Bytes != 5000 || got.FileName != name || got.FileExpired ||
		got.Finished == nil || got.Started == nil || got.URL == "" || got.URLExpires == nil || got.FileExpires == nil {
		t.Fatalf("succeeded job %+v", got)
	}
	if got.URLExpires.Before(before.Add(exports.DefaultLinkTTL-2*time.Second)) || got.URLExpires.After(time.Now().Add(exports.DefaultLinkTTL)) {
		t.Errorf("link expires at %v, want about 15 minutes from now", got.URLExpires)
	}
	if d := got.FileExpires.Sub(before); d < exports.FileLifetime-time.Second || d > exports.FileLifetime+24*time.Hour {
		t.Errorf("file expires at %v", got.FileExpires)
	}
	resp, err := http.Get(got.URL)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(b, content) {
		t.Fatalf("GET link: %d, %d bytes (want %d)", resp.StatusCode, len(b), len(content))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="`+name+`"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	// The signature covers the key: the link can't be bent to another file.
	other := strings.Replace(got.URL, "/exports/"+job.ID+"/", "/exports/"+domain.NewExportJobID(time.Now())+"/", 1)
	if resp, err := http.Get(other); err != nil || resp.StatusCode != 403 {
		t.Errorf("GET with another key: %v %v", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}

	// The list links it too, and each read signs a fresh link.
	page := call[exports.JobPage](t, e, admin(tenant), "GET", "/v1/exports", nil, 200)
	if len(page.Items) != 1 || page.Items[0].URL == "" || page.Items[0].FileName != name {
		t.Errorf("list %+v", page.Items)
	}
}

func TestExpiredFileAndFailedJob(t *testing.T) {
	now := time.Now()
	e := newEnv(t, func() time.Time { return now })
	tenant := localaws.UniqueName(t, "t")
	ctx := context.Background()

	// A job that ran eight days ago: its file is gone.
	old := &domain.ExportJob{
		CreatedBy: "u-admin", Role: domain.RoleAdmin, Report: "interactions", Format: "csv",
		Params:        map[string][]string{"media": {"whatsapp"}, "from": {"2026-10-01"}, "to": {"2026-10-31"}},
		ExportOptions: domain.ExportOptions{Delimiter: ",", Language: "en"}, Created: now.Add(-8 * 24 * time.Hour),
	}
	if err := e.st.CreateExportJob(ctx, store.Tenant(tenant), old); err != nil {
		t.Fatal(err)
	}
	e.finish(t, tenant, old.ID, []byte("a,b\n"), old.Created)
	got := call[exports.Job](t, e, admin(tenant), "GET", "/v1/exports/"+old.ID, nil, 200)
	if !got.FileExpired || got.URL != "" || got.URLExpires != nil || got.FileExpires == nil || got.FileExpires.After(now) ||
		got.Status != domain.ExportSucceeded || got.FileName == "" {
		t.Fatalf("expired job %+v", got)
	}

	// A failed job says why, and has no file.
	failed := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	if _, err := e.st.ClaimExportJob(ctx, store.Tenant(tenant), failed.ID, "run-1", now, time.Minute, 3); err != nil {
		t.Fatal(err)
	}
	if err := e.st.FinishExportJob(ctx, store.Tenant(tenant), failed.ID, "run-1", store.ExportResult{Rows: 7, Reason: "the export could not be written; please request it again"}, now); err != nil {
		t.Fatal(err)
	}
	got = call[exports.Job](t, e, admin(tenant), "GET", "/v1/exports/"+failed.ID, nil, 200)
	if got.Status != domain.ExportFailed || got.Reason == "" || got.URL != "" || got.FileExpires != nil || got.FileExpired || got.Rows != 7 {
		t.Fatalf("failed job %+v", got)
	}

	// A running job shows its progress.
	running := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
	if _, err := e.st.ClaimExportJob(ctx, store.Tenant(tenant), running.ID, "run-1", now, time.Minute, 3); err != nil {
		t.Fatal(err)
	}
	if err := e.st.ExportHeartbeat(ctx, store.Tenant(tenant), running.ID, "run-1", 1500, now); err != nil {
		t.Fatal(err)
	}
	got = call[exports.Job](t, e, admin(tenant), "GET", "/v1/exports/"+running.ID, nil, 200)
	if got.Status != domain.ExportRunning || got.Rows != 1500 || got.Started == nil || got.Finished != nil || got.URL != "" {
		t.Fatalf("running job %+v", got)
	}
}

// TestNoLinkOutsideTheTenantsPrefix: a job whose stored file key points
// outside its tenant's and its own prefix (a bug, a hand edit) gets no
// link: the read fails as an internal error that names no key.
func TestNoLinkOutsideTheTenantsPrefix(t *testing.T) {
	e := newEnv(t, nil)
	tenant, other := localaws.UniqueName(t, "t"), localaws.UniqueName(t, "o")
	ctx := context.Background()
	name := exportfile.FileName("interactions", "whatsapp", "2026-10-01", "2026-10-31", "csv.gz")
	for _, keyOf := range []func(id string) string{
		func(id string) string { return exportfile.ObjectKey(other, id, 1, name) },                              // another tenant's prefix
		func(string) string { return exportfile.ObjectKey(tenant, domain.NewExportJobID(time.Now()), 1, name) }, // another job's
	} {
		job := call[exports.Job](t, e, admin(tenant), "POST", "/v1/exports", []byte(whatsappOctober), 202)
		now := time.Now()
		if _, err := e.st.ClaimExportJob(ctx, store.Tenant(tenant), job.ID, "run-1", now, time.Minute, 3); err != nil {
			t.Fatal(err)
		}
		key := keyOf(job.ID)
		res := store.ExportResult{Succeeded: true, Rows: 1, Bytes: 1, Key: key, FileName: name}
		if err := e.st.FinishExportJob(ctx, store.Tenant(tenant), job.ID, "run-1", res, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		body := call[map[string]any](t, e, admin(tenant), "GET", "/v1/exports/"+job.ID, nil, 500)
		if b, _ := json.Marshal(body); strings.Contains(string(b), key) || strings.Contains(string(b), other) {
			t.Errorf("the error names the key: %s", b)
		}
	}
}
