package bench

import (
	"context"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// sizeFrom is a data set's size from the environment variable, a
// million when it is unset or not a positive number.
func sizeFrom(env string) int {
	if n, err := strconv.Atoi(os.Getenv(env)); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// open returns the loaded data set, or skips: loading it is make
// bench-data's job, not a benchmark's.
func open(b *testing.B) *benchdata.DB {
	b.Helper()
	n := sizeFrom("BENCH_N")
	// BENCH_DIR: a data set kept beside the default one (a small one for
	// profiling while the big one loads).
	dir := os.Getenv("BENCH_DIR")
	if dir == "" {
		var err error
		if dir, err = benchdata.DefaultDir(); err != nil {
			b.Fatal(err)
		}
	}
	spec := benchdata.DefaultSpec(n)
	fp, err := spec.Fingerprint()
	if err != nil {
		b.Fatal(err)
	}
	if benchdata.CompleteIn(dir) != fp {
		b.Skipf("the %d-interaction data set is not loaded in %s: run make bench-data", n, dir)
	}
	db, err := benchdata.Ensure(context.Background(), benchdata.Options{Dir: dir, Spec: spec})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	return db
}

// mix is one kind of request a supervisor makes.
type mix struct {
	name string
	id   domain.Identity
	q    url.Values
}

// BenchmarkTrackingFirstPage measures the first page (50 rows, newest
// first unless the mix says otherwise) of the report over the 31 days of
// the data set, per filter mix: p50 and p95 latency, the rows it returned
// and the items it read. Each iteration is one request through
// tracking.Service, as the function serves it (settings read, parse,
// queries, render, cursor).
func BenchmarkTrackingFirstPage(b *testing.B) {
	env := newBenchEnv(b)
	for _, m := range env.mixes {
		b.Run(m.name, func(b *testing.B) {
			var lat []time.Duration
			rows, items := 0, 0
			for b.Loop() {
				t0 := time.Now()
				resp, err := env.svc.Page(context.Background(), m.q, m.id, env.db.Tenant)
				if err != nil {
					b.Fatalf("%s: %v", m.q.Encode(), err)
				}
				lat = append(lat, time.Since(t0))
				rows, items = len(resp.Rows), resp.ItemsRead
			}
			report(b, lat)
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(items), "items-read")
		})
	}
}

// BenchmarkTrackingFullPage follows nextCursor until 50 rows have come
// (or the report ends): what a screen that keeps asking while a page is
// short waits for a full page of a selective filter, and in how many
// requests.
func BenchmarkTrackingFullPage(b *testing.B) {
	env := newBenchEnv(b)
	for _, m := range env.mixes {
		b.Run(m.name, func(b *testing.B) {
			var lat []time.Duration
			rows, items, pages := 0, 0, 0
			for b.Loop() {
				q := url.Values{}
				for k, v := range m.q {
					q[k] = v
				}
				rows, items, pages = 0, 0, 0
				t0 := time.Now()
				for rows < 50 {
					resp, err := env.svc.Page(context.Background(), q, m.id, env.db.Tenant)
					if err != nil {
						b.Fatalf("%s: %v", q.Encode(), err)
					}
					rows, items, pages = rows+len(resp.Rows), items+resp.ItemsRead, pages+1
					if resp.NextCursor == nil {
						break
					}
					q.Set("cursor", *resp.NextCursor)
				}
				lat = append(lat, time.Since(t0))
			}
			report(b, lat)
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(items), "items-read")
			b.ReportMetric(float64(pages), "requests")
		})
	}
}

func report(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[(len(lat)*95+99)/100-1]), "p95-ms")
}

type benchEnv struct {
	db    *benchdata.DB
	svc   *tracking.Service
	mixes []mix
}

func newBenchEnv(b *testing.B) *benchEnv {
	db := open(b)
	signer, _ := cursor.NewSigner([]byte("bench-cursor-key-0123456789abcdefghij"))
	svc := &tracking.Service{Store: db.Store, Cursors: signer}
	admin := domain.Identity{Tenant: string(db.Tenant), UserID: "bench", Role: domain.RoleAdmin}
	sample := samples(b, svc, db.Tenant)
	month := func(kv ...string) url.Values {
		q := url.Values{"from": {"2026-10-01"}, "to": {"2026-10-31"}}
		for i := 0; i < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	supervisor := domain.Identity{Tenant: admin.Tenant, UserID: "sup", Role: domain.RoleSupervisor, Queues: sample.queues}
	return &benchEnv{db: db, svc: svc, mixes: []mix{
		{"voice/all", admin, month("media", "voice")},
		{"voice/answered-oldest-first", admin, month("media", "voice", "voiceStatus", "answered", "sort", "asc")},
		{"whatsapp/completed-default", admin, month("media", "whatsapp")},
		{"chat/transferred+tag", admin, month("media", "chat", "serviceStatus", "transferred", "tags", sample.tag)},
		{"voice/supervisor-2-queues+09-12h", supervisor, month("media", "voice", "timeFrom", "09:00", "timeTo", "11:59")},
		{"voice/one-agent", admin, month("media", "voice", "agents", sample.agent)},
		{"whatsapp/contact-name", admin, month("media", "whatsapp", "contact", sample.contactWord)},
		{"email/one-address", admin, month("media", "email", "email", sample.email)},
		{"voice/protocol", admin, month("media", "voice", "protocol", sample.protocol)},
	}}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// sampled are filter values taken from the data set itself, so the
// selective mixes select something.
type sampled struct {
	agent, email, protocol, tag, contactWord string
	queues                                   []string
}

func samples(b *testing.B, svc *tracking.Service, t store.Tenant) sampled {
	b.Helper()
	day := time.Date(2026, 10, 15, 15, 0, 0, 0, time.UTC)
	rows := func(m domain.Media) []store.Row {
		q := store.RowQuery{Media: m, Spans: []store.Span{{From: day, To: day.Add(time.Hour)}}}
		p, err := svc.Store.QueryRows(context.Background(), t, q, store.RowPos{}, 100, store.PageBudget{})
		if err != nil || len(p.Rows) == 0 {
			b.Fatalf("sample %s rows: %v (%d rows)", m, err, len(p.Rows))
		}
		return p.Rows
	}
	var s sampled
	queues := map[string]bool{}
	for _, r := range rows(domain.MediaVoice) {
		if r.Agent != nil && s.agent == "" {
			s.agent = r.Agent.ID
		}
		if r.Protocol != "" && s.protocol == "" {
			s.protocol = r.Protocol
		}
		if r.Queue != "" && len(queues) < 2 && !queues[r.Queue] {
			queues[r.Queue] = true
			s.queues = append(s.queues, r.Queue)
		}
	}
	for _, r := range rows(domain.MediaEmail) {
		if r.Contact != nil && r.Contact.Email != "" {
			s.email = r.Contact.Email
			break
		}
	}
	for _, r := range rows(domain.MediaChat) {
		if len(r.Tags) > 0 {
			s.tag = r.Tags[0]
			break
		}
	}
	for _, r := range rows(domain.MediaWhatsApp) {
		if r.Contact != nil && r.Contact.Name != "" {
			// The surname: a name search a supervisor would type.
			f := strings.Fields(r.Contact.Name)
			s.contactWord = f[len(f)-1]
			break
		}
	}
	b.Logf("samples: %+v", s)
	return s
}
