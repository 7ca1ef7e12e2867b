// Package reporttest is what the aggregate reports' tests share: one
// generated history loaded per test binary (rollup cells and rows), the
// report environment of an identity in a zone, random requests, and the
// drill-down check that lists a number's interactions with the tracking
// report and counts them.
package reporttest

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// The history: 9 days from 2026-03-04T00:00Z, across New York's DST start
// (2026-03-08).
var (
	From = time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	Span = 9 * 24 * time.Hour
	Now  = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
)

// Zones the reports are checked in: a plain offset, a DST change inside
// the data, +05:30 and +05:45.
var Zones = []string{"America/Sao_Paulo", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"}

// Fixture is the loaded history.
type Fixture struct {
	Store    *store.Store
	Tenant   store.Tenant
	Final    []domain.Interaction // what the reports must count
	Tracking *tracking.Service
}

var (
	once    sync.Once
	fixture *Fixture
)

// Load stores the history on first use and returns it: of n generated
// interactions, those the report reads (mine) and one in ten of the
// others, to check the report leaves them out; their rows, and the cells
// of the families named (the report's; none: every family).
func Load(tb testing.TB, n int, mine func(*domain.Interaction) bool, families ...*rollup.Family) *Fixture {
	tb.Helper()
	once.Do(func() {
		client := localaws.MustDynamo(tb).Client()
		name := localaws.UniqueName(tb, "rep")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		if err := store.CreateTableWithoutStream(ctx, client, name); err != nil {
			tb.Fatal(err)
		}
		st := store.New(client, name, rollup.Contributor{})
		var final []domain.Interaction
		for i, in := range rolluptest.Generate(11, n, From, Span).Final {
			if mine(&in) || i%10 == 0 {
				final = append(final, in)
			}
		}
		start := time.Now()
		tenant := store.Tenant("acme")
		loadRows(tb, st, tenant, final)
		if len(families) == 0 {
			families = rollup.Families
		}
		// The rollups as a rebuild computes them from the rows (the rollup
		// package's tests hold that equal to what ingestion keeps), of the
		// families the report reads only.
		if _, err := rollup.RebuildOf(ctx, st, tenant, families, From, From.Add(Span), nil); err != nil {
			tb.Fatal(err)
		}
		tb.Logf("stored %d of %d interactions in %s", len(final), n, time.Since(start).Round(time.Millisecond))
		signer, err := cursor.NewSigner([]byte("report-tests-signing-key-0123456789"))
		if err != nil {
			tb.Fatal(err)
		}
		fixture = &Fixture{Store: st, Tenant: tenant, Final: final,
			Tracking: &tracking.Service{Store: st, Cursors: signer, Now: func() time.Time { return Now }}}
	})
	if fixture == nil {
		tb.Fatal("the history failed to load (see the first test)")
	}
	return fixture
}

func loadRows(tb testing.TB, st *store.Store, t store.Tenant, ins []domain.Interaction) {
	tb.Helper()
	batch := make([]*store.PreparedInteraction, 0, len(ins))
	for _, in := range ins {
		p, err := store.PrepareInteraction(t, in)
		if err != nil {
			tb.Fatalf("prepare %s: %v", in.ID, err)
		}
		batch = append(batch, p)
	}
	if _, err := st.WithoutContributors().LoadNew(context.Background(), batch); err != nil {
		tb.Fatal(err)
	}
}

// Env is the report environment of id in a tenant whose zone is zone.
func (f *Fixture) Env(id domain.Identity, zone string) report.Env {
	s := domain.DefaultSettings()
	s.TimeZone = zone
	return report.Env{Store: f.Store, Reader: &rollup.Reader{Store: f.Store}, Tenant: f.Tenant, Identity: id, Settings: s, Now: Now}
}

// Request is a random request's common part: its query (period, zone,
// queue) and the identity making it.
type Request struct {
	Query url.Values
	ID    domain.Identity
	Loc   *time.Location
	From  period.Date
	To    period.Date
	Scope []string // the queues the caller reads; nil: all
}

// RandomRequest draws a period starting and ending around and inside the
// data (the zone given or, one time in four, the tenant's default), and an
// admin or a supervisor of some queues, naming one queue or not.
func RandomRequest(rng *rand.Rand, zone string) Request {
	r := Request{Query: url.Values{}, Loc: mustZone(zone)}
	if rng.IntN(4) > 0 {
		r.Query.Set("zone", zone)
	}
	first := period.DateOf(From).AddDays(rng.IntN(11) - 2)
	r.From, r.To = first, first.AddDays(rng.IntN(6))
	if rng.IntN(5) == 0 {
		r.From, r.To = period.DateOf(From).AddDays(-1), period.DateOf(From).AddDays(10)
	}
	r.Query.Set("from", r.From.String())
	r.Query.Set("to", r.To.String())
	r.ID = domain.Identity{Tenant: "acme", UserID: "u1", Role: domain.RoleAdmin}
	if rng.IntN(2) == 0 {
		r.ID.Role = domain.RoleSupervisor
		k := 1 + rng.IntN(len(rolluptest.Queues))
		if rng.IntN(10) == 0 {
			k = 0 // a supervisor of no queue sees nothing
		}
		for _, i := range rng.Perm(len(rolluptest.Queues))[:k] {
			r.ID.Queues = append(r.ID.Queues, rolluptest.Queues[i])
		}
		r.Scope = slices.Clone(r.ID.Queues)
		if r.Scope == nil {
			r.Scope = []string{}
		}
	}
	if rng.IntN(3) == 0 {
		pool := rolluptest.Queues
		if r.ID.Role != domain.RoleAdmin {
			pool = r.ID.Queues
		}
		if len(pool) > 0 {
			q := pool[rng.IntN(len(pool))]
			r.Query.Set("queue", q)
			r.Scope = []string{q}
		}
	}
	return r
}

// Placed reports whether an interaction starting at start falls in the
// request's dates and its queue in the caller's scope.
func (r Request) Placed(start time.Time, queue string) bool {
	d := start.In(r.Loc).Format(time.DateOnly)
	return d >= r.From.String() && d <= r.To.String() && (r.Scope == nil || slices.Contains(r.Scope, queue))
}

// Some is a random subset of pool, nil half of the time.
func Some(rng *rand.Rand, pool []string) []string {
	if rng.IntN(2) == 0 {
		return nil
	}
	var out []string
	for _, v := range pool {
		if rng.IntN(2) == 0 {
			out = append(out, v)
		}
	}
	return out
}

// SetList sets an "any of" parameter when values isn't empty.
func SetList(q url.Values, name string, values []string) {
	if len(values) > 0 {
		q[name] = values
	}
}

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Compose is the tracking query of a number as the drill composes it
// (report.Drill.Query), for Count.
func Compose(tb testing.TB, d *report.Drill, m domain.Media, row, metric string) url.Values {
	tb.Helper()
	u, err := url.Parse(d.Query(m, row, metric))
	if err != nil || u.Path != report.TrackingPath {
		tb.Fatalf("drill-down %s: %v", d.Query(m, row, metric), err)
	}
	return u.Query()
}

// AnyOf is an "any of" filter over an interaction's values: no values
// wanted matches everything.
func AnyOf(want []string, have ...string) bool {
	if len(want) == 0 {
		return true
	}
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

// ParseOK is a request a report's parser accepts, and what to check of
// the parsed request.
type ParseOK[R any] struct {
	Name  string
	Query string
	ID    domain.Identity
	Check func(t *testing.T, r R)
}

// ParseBad is a request a report's parser refuses with code, blaming
// field, saying text.
type ParseBad struct {
	Name, Query string
	ID          domain.Identity
	Code        domain.Code
	Field, Text string
}

// OK is a ParseOK.
func OK[R any](name, query string, id domain.Identity, check func(t *testing.T, r R)) ParseOK[R] {
	return ParseOK[R]{name, query, id, check}
}

// Bad is a ParseBad.
func Bad(name, query string, id domain.Identity, code domain.Code, field, text string) ParseBad {
	return ParseBad{name, query, id, code, field, text}
}

// RunParse runs a parser's cases.
func RunParse[R any](t *testing.T, parse func(url.Values, domain.Identity) (R, error), ok []ParseOK[R], bad []ParseBad) {
	t.Helper()
	for _, c := range ok {
		t.Run(c.Name, func(t *testing.T) {
			q, err := url.ParseQuery(c.Query)
			if err != nil {
				t.Fatal(err)
			}
			r, err := parse(q, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			c.Check(t, r)
		})
	}
	for _, c := range bad {
		t.Run(c.Name, func(t *testing.T) {
			q, err := url.ParseQuery(c.Query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = parse(q, c.ID)
			wantError(t, err, c.Code, c.Field, c.Text)
		})
	}
}

// Count lists a tracking query to its last page for id and counts the
// interactions.
func (f *Fixture) Count(tb testing.TB, q url.Values, id domain.Identity) int {
	tb.Helper()
	q.Set("limit", "1000")
	n := 0
	for pages := 0; ; pages++ {
		if pages > 1000 {
			tb.Fatal("paging does not end")
		}
		resp, err := f.Tracking.Page(context.Background(), q, id, f.Tenant)
		if err != nil {
			tb.Fatalf("tracking %s: %v", q.Encode(), err)
		}
		n += len(resp.Rows)
		if resp.NextCursor == nil {
			return n
		}
		q.Set("cursor", *resp.NextCursor)
	}
}

// Counted tallies the values a brute-force comparison checked and the
// drill-downs it followed, to prove it meaningful.
type Counted struct{ Values, NonZero, Drills, NonZeroDrills int }

// Check compares one number, counting it.
func (c *Counted) Check(tb testing.TB, what string, got, want any) {
	tb.Helper()
	c.Values++
	if got != want {
		tb.Errorf("%s = %v, want %v", what, got, want)
	}
	if want != any(int64(0)) && want != any(0.0) {
		c.NonZero++
	}
}

// Number is a report's number that links to the tracking report: its
// row's media and drill, its metric (column) and its value.
type Number struct {
	Media  []domain.Media
	Row    string
	Metric string
	Want   int64
}

// DrillDown follows up to n of the non-zero numbers and z of the zero
// ones, picked at random: it lists each number's interactions with the
// tracking report, in each media of its row, and holds their count equal
// to the number.
func (c *Counted) DrillDown(tb testing.TB, rng *rand.Rand, f *Fixture, id domain.Identity, d *report.Drill, numbers []Number, n, z int) {
	tb.Helper()
	var nonZero, zero []Number
	for _, x := range numbers {
		if x.Want > 0 {
			nonZero = append(nonZero, x)
		} else {
			zero = append(zero, x)
		}
	}
	rng.Shuffle(len(nonZero), func(i, j int) { nonZero[i], nonZero[j] = nonZero[j], nonZero[i] })
	rng.Shuffle(len(zero), func(i, j int) { zero[i], zero[j] = zero[j], zero[i] })
	for _, x := range append(nonZero[:min(n, len(nonZero))], zero[:min(z, len(zero))]...) {
		listed := 0
		for _, m := range x.Media {
			listed += f.Count(tb, Compose(tb, d, m, x.Row, x.Metric), id)
		}
		if int64(listed) != x.Want {
			tb.Errorf("drill %s of row %q (%v): the tracking report lists %d, the report says %d", x.Metric, x.Row, x.Media, listed, x.Want)
		}
		c.Drills++
		if x.Want > 0 {
			c.NonZeroDrills++
		}
	}
}

// Enough logs the tallies and fails unless at least values non-zero
// values and drills non-zero drill-downs were checked.
func (c *Counted) Enough(tb testing.TB, values, drills int) {
	tb.Helper()
	tb.Logf("%d values compared, %d non-zero; %d drill-downs, %d non-zero", c.Values, c.NonZero, c.Drills, c.NonZeroDrills)
	if c.NonZero < values || c.NonZeroDrills < drills {
		tb.Errorf("too few non-zero values checked: %+v", *c)
	}
}

// wantError checks err is a domain error of code blaming field, whose
// message contains text.
func wantError(tb testing.TB, err error, code domain.Code, field, text string) {
	tb.Helper()
	var e *domain.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v, want %s on %s", err, code, field)
	}
	if e.Code != code || e.Field != field || !strings.Contains(e.Message, text) {
		tb.Fatalf("error %s %q on %q, want %s on %q containing %q", e.Code, e.Message, e.Field, code, field, text)
	}
}
