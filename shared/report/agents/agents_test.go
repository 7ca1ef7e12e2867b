package agents_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/agents"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/worktime"
)

var (
	dataFrom = time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC) // New York springs forward on 2026-03-08
	dataSpan = 9 * 24 * time.Hour
	now      = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	zones    = []string{"America/Sao_Paulo", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"}
	reasons  = []string{"lunch", "training", "restroom"}
)

type fixture struct {
	st     *store.Store
	tenant store.Tenant
	final  []domain.Interaction
	events []domain.AgentEvent
}

func load(tb testing.TB) *fixture {
	tb.Helper()
	client := localaws.MustDynamo(tb).Client()
	name := localaws.UniqueName(tb, "ag")
	ctx := context.Background()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	f := &fixture{st: store.New(client, name, rollup.Contributor{}), tenant: "acme"}
	h := rolluptest.Generate(11, 1500, dataFrom, dataSpan)
	f.final = h.Final
	rolluptest.Load(tb, f.st, f.tenant, h.Final)
	f.events = randomEvents(rand.New(rand.NewPCG(3, 4)))
	if _, err := f.st.LoadNewAgentEvents(ctx, f.tenant, f.events); err != nil {
		tb.Fatal(err)
	}
	return f
}

// randomEvents are shifts of login, pauses and logout, on whole minutes
// (so the brute force can walk minute by minute), some left open across
// midnight and some starting before the data.
func randomEvents(r *rand.Rand) []domain.AgentEvent {
	var out []domain.AgentEvent
	for _, id := range rolluptest.AgentIDs {
		q := rolluptest.Queues[r.IntN(len(rolluptest.Queues))]
		at := dataFrom.Add(-time.Duration(r.IntN(30*60)) * time.Minute)
		for at.Before(dataFrom.Add(dataSpan)) {
			ev := func(typ, reason string) {
				out = append(out, domain.AgentEvent{AgentID: id, AgentName: rolluptest.AgentNames[id], Type: typ, Reason: reason,
					At: at, Queues: []string{q}, Tags: []string{rolluptest.UserTags[r.IntN(len(rolluptest.UserTags))]}})
			}
			ev("login", "")
			for range r.IntN(4) {
				at = at.Add(time.Duration(5+r.IntN(240)) * time.Minute)
				ev("pause", reasons[r.IntN(len(reasons))])
				at = at.Add(time.Duration(1+r.IntN(60)) * time.Minute)
				if r.IntN(5) > 0 {
					ev("ready", "")
				}
			}
			at = at.Add(time.Duration(5+r.IntN(300)) * time.Minute)
			if r.IntN(6) > 0 {
				ev("logout", "")
			}
			at = at.Add(time.Duration(30+r.IntN(20*60)) * time.Minute)
		}
	}
	return out
}

// request is a random request and the identity making it.
type request struct {
	q  url.Values
	id domain.Identity
}

func randomRequest(r *rand.Rand, zone string) request {
	q := url.Values{"zone": {zone}}
	first := period.DateOf(dataFrom.AddDate(0, 0, r.IntN(4)-1))
	q.Set("from", first.String())
	q.Set("to", first.AddDays(r.IntN(8)).String())
	if r.IntN(3) == 0 {
		from := r.IntN(80) * 15
		to := from + 15*(1+r.IntN(96-from/15))
		q.Set("timeFrom", fmt.Sprintf("%02d:%02d", from/60, from%60))
		q.Set("timeTo", fmt.Sprintf("%02d:%02d", (to-1)/60, (to-1)%60))
	}
	if r.IntN(5) == 0 {
		// The whole calendar month, often through a window of whole hours:
		// month cells, clock hours and the working time's month hours.
		q.Set("from", "2026-03-01")
		q.Set("to", "2026-03-31")
		if r.IntN(2) == 0 {
			from := r.IntN(20)
			q.Set("timeFrom", fmt.Sprintf("%02d:00", from))
			q.Set("timeTo", fmt.Sprintf("%02d:59", from+r.IntN(24-from)))
		}
	}
	pickSome := func(name string, pool []string) {
		if r.IntN(4) == 0 {
			// One value half the time: one service is read from its split
			// view's cells (agv), several from the family's.
			some := []string{pool[r.IntN(len(pool))]}
			if r.IntN(2) == 0 {
				some = append(some, pool[r.IntN(len(pool))])
			}
			q.Set(name, strings.Join(some, ","))
		}
	}
	pickSome("media", []string{"voice", "chat", "whatsapp", "email", "facebook"})
	pickSome("services", rolluptest.Services)
	pickSome("userTags", rolluptest.UserTags)
	pickSome("users", rolluptest.AgentIDs)
	pickSome("userStatus", []string{"available", "paused", "offline"})
	id := domain.Identity{Tenant: "acme", UserID: "u", Role: domain.RoleAdmin}
	if r.IntN(3) == 0 {
		id.Role, id.Queues = domain.RoleSupervisor, []string{rolluptest.Queues[r.IntN(3)], rolluptest.Queues[r.IntN(3)]}
	}
	return request{q, id}
}

// expected is the brute force: every figure counted straight from the
// final versions and the events, instant by instant, with
// period.Range.Contains (not the spans the report reads).
func (f *fixture) expected(tb testing.TB, req request) map[string]map[string]any {
	tb.Helper()
	p := report.NewParams(req.q)
	rng := p.Period(domain.DefaultSettings(), now, report.MaxDays, true)
	list := func(n string) []string {
		if req.q.Get(n) == "" {
			return nil
		}
		return strings.Split(req.q.Get(n), ",")
	}
	anyOf := func(have, want []string) bool { return reporttest.AnyOf(want, have...) }
	visible := func(queues []string) bool {
		return req.id.Role == domain.RoleAdmin || anyOf(queues, req.id.Queues)
	}
	sums := map[string]rollup.Vals{}
	names := map[string]string{}
	for _, in := range f.final {
		if in.Agent == nil || !rng.Contains(in.Start) || !visible([]string{in.Queue}) ||
			!anyOf([]string{string(in.Media)}, list("media")) || !anyOf(in.Services(), list("services")) ||
			!anyOf(in.Agent.Tags, list("userTags")) || !anyOf([]string{in.Agent.ID}, list("users")) {
			continue
		}
		v := sums[in.Agent.ID]
		if v == nil {
			v = rollup.Vals{}
			sums[in.Agent.ID] = v
		}
		v["n"]++
		if in.Status == domain.StatusServiceCompleted {
			v["done"]++
		}
		if in.Status == domain.StatusServiceTransferred {
			v["xfer"]++
		}
		for name, d := range map[string]domain.Duration{"hdl": in.Handle, "afrt": in.AFRT, "apt": in.APT, "aut": in.AUT} {
			if d > 0 {
				v[name] += d.Millis()
				v[name+"N"]++
			}
		}
		if in.ART > 0 {
			w := int64(max(in.ResponseCount, 1))
			v["art"] += in.ART.Millis() * w
			v["artN"] += w
		}
		if in.CSAT != nil {
			v["csat"] += int64(in.CSAT.Rating)
			v["csatN"]++
		}
		names[in.Agent.ID] = in.Agent.Name
	}
	// Working time, minute by minute.
	spans := rng.Spans()
	start, end := spans[0].From, spans[len(spans)-1].To
	byAgent := map[string][]domain.AgentEvent{}
	for _, e := range f.events {
		byAgent[e.AgentID] = append(byAgent[e.AgentID], e)
	}
	type work struct {
		logged, paused time.Duration
		pauses         int
		status         string
		reasons        map[string][2]int64
		queues, tags   []string
	}
	works := map[string]*work{}
	for id, evs := range byAgent {
		slices.SortFunc(evs, func(a, b domain.AgentEvent) int {
			if c := a.At.Compare(b.At); c != 0 {
				return c
			}
			return strings.Compare(a.Type, b.Type)
		})
		w := &work{reasons: map[string][2]int64{}}
		next := 0 // minutes ascend: the last event at or before t only moves forward
		state := func(t time.Time) (domain.AgentEvent, bool) {
			for next < len(evs) && !evs[next].At.After(t) {
				next++
			}
			// A status lasts until the next event, or a day.
			if next == 0 || t.Sub(evs[next-1].At) >= worktime.Cap {
				return domain.AgentEvent{}, false
			}
			return evs[next-1], true
		}
		for t := start.Truncate(time.Minute); t.Before(end); t = t.Add(time.Minute) {
			if !rng.Contains(t) {
				continue
			}
			e, ok := state(t)
			if !ok || e.Type == "logout" {
				continue
			}
			w.logged += time.Minute
			if e.Type == "pause" {
				w.paused += time.Minute
				r := w.reasons[e.Reason]
				r[1] += 60000
				w.reasons[e.Reason] = r
			}
		}
		for _, e := range evs {
			if e.Type == "pause" && rng.Contains(e.At) {
				w.pauses++
				r := w.reasons[e.Reason]
				r[0]++
				w.reasons[e.Reason] = r
			}
		}
		// The status at the end: the last event before it, if it was
		// less than a day before; name, queues and tags: the latest event's.
		w.status = "offline"
		for _, e := range evs {
			if e.At.Before(end) && end.Sub(e.At) <= worktime.Cap {
				w.status = map[string]string{"login": "available", "ready": "available", "pause": "paused", "logout": "offline"}[e.Type]
			}
		}
		last := evs[len(evs)-1]
		w.queues, w.tags = last.Queues, last.Tags
		works[id] = w
	}
	out := map[string]map[string]any{}
	row := func(id string) map[string]any {
		if out[id] == nil {
			out[id] = map[string]any{"status": "offline"}
		}
		return out[id]
	}
	for id, v := range sums {
		r := row(id)
		r["handled"], r["completed"], r["transferred"] = v["n"], v["done"], v["xfer"]
		r["avgHandle"], r["avgFirstResponse"] = report.Avg(v["hdl"], v["hdlN"]), report.Avg(v["afrt"], v["afrtN"])
		r["avgResponse"], r["avgProductive"] = report.Avg(v["art"], v["artN"]), report.Avg(v["apt"], v["aptN"])
		r["avgUnproductive"], r["csat"] = report.Avg(v["aut"], v["autN"]), report.Ratio(v["csat"], v["csatN"])
	}
	narrowed := req.q.Get("media") != "" || req.q.Get("services") != ""
	for id, w := range works {
		if !visible(w.queues) || !anyOf([]string{id}, list("users")) || !anyOf(w.tags, list("userTags")) {
			continue
		}
		if _, ok := sums[id]; !ok && (narrowed || (w.logged == 0 && w.pauses == 0)) {
			continue
		}
		r := row(id)
		r["status"], r["pauses"] = w.status, int64(w.pauses)
		r["pauseTime"], r["loggedTime"] = float64(w.paused.Milliseconds())/1000, float64(w.logged.Milliseconds())/1000
		reasons := map[string]any{}
		for k, c := range w.reasons {
			reasons[k] = map[string]any{"count": c[0], "time": float64(c[1]) / 1000}
		}
		r["pauseReasons"] = reasons
	}
	for id, r := range out {
		if s := list("userStatus"); len(s) > 0 && !slices.Contains(s, r["status"].(string)) {
			delete(out, id)
		}
	}
	return out
}

// TestAgentsEqualBruteForce holds every agent's figures equal to counting
// by hand, in four zones, over random periods, windows, filters and
// scopes.
func TestAgentsEqualBruteForce(t *testing.T) {
	f := load(t)
	r := rand.New(rand.NewPCG(5, 6))
	rd := &rollup.Reader{Store: f.st}
	compared, nonzero := 0, 0
	for _, zone := range zones {
		for i := range 12 {
			req := randomRequest(r, zone)
			env := report.Env{Store: f.st, Reader: rd, Tenant: f.tenant, Identity: req.id, Settings: domain.DefaultSettings(), Now: now}
			resp, err := agents.Report(context.Background(), env, req.q)
			if err != nil {
				t.Fatalf("%s #%d %s: %v", zone, i, req.q.Encode(), err)
			}
			got := decodeRows(t, resp)
			want := f.expected(t, req)
			for id, w := range want {
				g, ok := got[id]
				if !ok {
					t.Errorf("%s %s as %s: agent %s missing", zone, req.q.Encode(), req.id.Role, id)
					continue
				}
				for k, wv := range w {
					compared++
					gv := fmt.Sprint(normalize(g[k]))
					if gv != fmt.Sprint(normalize(wv)) {
						t.Errorf("%s %s as %s %v: agent %s %s = %s, want %v", zone, req.q.Encode(), req.id.Role, req.id.Queues, id, k, gv, normalize(wv))
					}
					if gv != "0" && gv != "map[]" && gv != "offline" {
						nonzero++
					}
				}
			}
			for id := range got {
				if _, ok := want[id]; !ok {
					t.Errorf("%s %s: unexpected agent %s", zone, req.q.Encode(), id)
				}
			}
		}
	}
	t.Logf("compared %d figures, %d non-zero", compared, nonzero)
	if nonzero < 500 {
		t.Errorf("only %d non-zero figures compared: the test is not exercising the report", nonzero)
	}
}

// decodeRows turns the response into agent id → JSON fields.
func decodeRows(tb testing.TB, resp any) map[string]map[string]any {
	b, err := json.Marshal(resp)
	if err != nil {
		tb.Fatal(err)
	}
	var out struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		tb.Fatal(err)
	}
	m := map[string]map[string]any{}
	for _, r := range out.Rows {
		m[r["agentId"].(string)] = r
	}
	return m
}

// normalize makes JSON numbers and Go numbers print alike.
func normalize(v any) any {
	switch x := v.(type) {
	case float64:
		return fmt.Sprintf("%g", x)
	case int64:
		return fmt.Sprintf("%g", float64(x))
	case int:
		return fmt.Sprintf("%g", float64(x))
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	}
	return v
}

func TestBadRequests(t *testing.T) {
	env := report.Env{Identity: domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"q1"}}, Settings: domain.DefaultSettings(), Now: now}
	for _, tc := range []struct{ query, field string }{
		{"from=2026-01-01&to=2027-02-01", "to"},
		{"from=2026-03-05&to=2026-03-01", "to"},
		{"from=yesterday", "from"},
		{"zone=Mars/Olympus", "zone"},
		{"timeFrom=08:10", "timeFrom"},
		{"timeTo=12:00", "timeTo"},
		{"media=fax", "media"},
		{"userStatus=sleeping", "userStatus"},
		{"users=" + manyIDs(101), "users"},
		{"color=red", "color"},
		{"queue=q2", "queue"},
	} {
		q, _ := url.ParseQuery(tc.query)
		env.Reader = &rollup.Reader{} // never reached: a bad request fails before reading
		_, err := agents.Report(context.Background(), env, q)
		var de *domain.Error
		if !errors.As(err, &de) || de.Field != tc.field {
			t.Errorf("%s: %v, want an error naming %s", tc.query, err, tc.field)
		}
	}
}

func manyIDs(n int) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("a%d", i)
	}
	return strings.Join(ids, ",")
}

// TestLocalMeanTime: a period reaching back to a zone's local mean time
// (not a whole quarter-hour from UTC) is a 400 naming from, not a 500.
func TestLocalMeanTime(t *testing.T) {
	env := report.Env{Identity: domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}, Settings: domain.DefaultSettings(), Now: now, Reader: &rollup.Reader{}}
	q, _ := url.ParseQuery("from=1900-01-01&to=1900-01-02&zone=America/Sao_Paulo")
	_, err := agents.Report(context.Background(), env, q)
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.CodeBadRequest || de.Field != "from" {
		t.Fatalf("got %v, want a 400 naming from", err)
	}
}
