package exporter

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

func TestMain(m *testing.M) { localaws.Main(m) }

var signingKey = []byte("exporter-tests-signing-key-0123456789")

// env is one test's table and bucket with a tenant in São Paulo, the
// exports API and the tracking report over them, and an exporter.
type env struct {
	st       *store.Store
	table    string
	tenant   store.Tenant
	s3       *s3.Client
	bucket   string
	api      *exports.Service
	tracking *tracking.Service
	exp      *Exporter
	byID     map[string]*domain.Interaction
	admin    domain.Identity
}

// newEnv makes the stores; stream says whether the table has a stream
// (only the test of the stream path needs one: it slows DynamoDB Local's
// writes).
func newEnv(tb testing.TB, stream bool, locale string) *env {
	tb.Helper()
	ctx := context.Background()
	client := localaws.MustDynamo(tb).Client()
	table := localaws.UniqueName(tb, "t")
	create := store.CreateTableWithoutStream
	if stream {
		create = store.CreateTable
	}
	if err := create(ctx, client, table); err != nil {
		tb.Fatal(err)
	}
	gw := localaws.MustS3(tb)
	bucket := localaws.UniqueName(tb, "b")
	if err := gw.EnsureBucket(ctx, bucket); err != nil {
		tb.Fatal(err)
	}
	st := store.New(client, table)
	tenant := store.Tenant("acme")
	s := domain.DefaultSettings()
	s.TimeZone, s.Locale = "America/Sao_Paulo", locale
	if err := st.PutSettings(ctx, tenant, s); err != nil {
		tb.Fatal(err)
	}
	signer, err := cursor.NewSigner(signingKey)
	if err != nil {
		tb.Fatal(err)
	}
	c := gw.Client()
	return &env{
		st: st, table: table, tenant: tenant, s3: c, bucket: bucket,
		api:      exports.NewService(exports.Config{Store: st, Cursors: signer, S3: c, Bucket: bucket}),
		tracking: &tracking.Service{Store: st, Cursors: signer},
		exp:      &Exporter{Store: st, S3: c, Bucket: bucket},
		byID:     map[string]*domain.Interaction{},
		admin:    domain.Identity{Tenant: "acme", UserID: "ana", Role: domain.RoleAdmin},
	}
}

// Injection payloads of OWASP's CSV-injection page, and text a
// Brazilian contact center writes every day.
var payloads = []string{
	"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", `=HYPERLINK("http://x","y")`,
	"João Ação São Paulo", "linha 1\nlinha 2", `aspas "duplas"; ponto e vírgula, vírgula`,
}

// load stores n demo interactions over the 10 days before end, a tenth
// of them carrying the payloads in every text field.
func (e *env) load(tb testing.TB, n int, end time.Time) {
	tb.Helper()
	g := demodata.New(demodata.Config{Seed: 7, Interactions: n, Days: 10, End: end, Zone: time.UTC})
	var batch []*store.PreparedInteraction
	i := 0
	for in := range g.Interactions() {
		if i%10 == 3 {
			poison(&in, i)
		}
		i++
		p, err := store.PrepareInteraction(e.tenant, in)
		if err != nil {
			tb.Fatalf("prepare %s: %v", in.ID, err)
		}
		batch = append(batch, p)
		e.byID[in.ID] = &in
	}
	if _, err := e.st.LoadNew(context.Background(), batch); err != nil {
		tb.Fatal(err)
	}
}

func poison(in *domain.Interaction, i int) {
	p := func(k int) string { return payloads[(i+k)%len(payloads)] }
	if in.Contact == nil {
		in.Contact = &domain.Contact{}
	}
	in.Contact.Name = p(0)
	in.Contact.ExternalID = p(1)
	in.InternalComments = p(2)
	in.ExternalProtocol = p(3)
	in.Origin = p(4)
	in.Tags = append(in.Tags, p(5))
	if in.Agent != nil {
		in.Agent.Name = p(6)
	}
	for j := range in.Legs {
		in.Legs[j].AgentName = p(7 + j)
	}
}

// export asks for a file through the API, runs the exporter, and
// downloads the file by its link.
func (e *env) export(tb testing.TB, who domain.Identity, body map[string]any) (*exports.Job, []byte) {
	tb.Helper()
	ctx := context.Background()
	raw, _ := json.Marshal(body)
	job, err := e.api.Create(ctx, who, e.tenant, raw)
	if err != nil {
		tb.Fatalf("create %s: %v", raw, err)
	}
	if err := e.exp.Run(ctx, e.tenant, job.ID); err != nil {
		tb.Fatalf("run: %v", err)
	}
	job, err = e.api.Get(ctx, e.tenant, who, job.ID)
	if err != nil {
		tb.Fatal(err)
	}
	if job.Status != domain.ExportSucceeded {
		tb.Fatalf("job %s: %s (%s)", job.ID, job.Status, job.Reason)
	}
	return job, download(tb, job.URL)
}

func download(tb testing.TB, link string) []byte {
	tb.Helper()
	resp, err := http.Get(link)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: %d %s", link, resp.StatusCode, b)
	}
	return b
}

// reportRows pages through the tracking report for params.
func (e *env) reportRows(tb testing.TB, who domain.Identity, params url.Values) []tracking.Row {
	tb.Helper()
	var rows []tracking.Row
	q := url.Values{}
	for k, v := range params {
		q[k] = append([]string(nil), v...)
	}
	for {
		resp, err := e.tracking.Page(context.Background(), q, who, e.tenant)
		if err != nil {
			tb.Fatalf("%s: %v", q.Encode(), err)
		}
		rows = append(rows, resp.Rows...)
		if resp.NextCursor == nil {
			return rows
		}
		q.Set("cursor", *resp.NextCursor)
	}
}

func gunzip(tb testing.TB, b []byte) []byte {
	tb.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
