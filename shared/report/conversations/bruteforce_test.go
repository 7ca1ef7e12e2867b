package conversations_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
)

// TestConversationsEqualBruteForce loads one random history (corrections
// that move interactions included) over nine days around New York's
// spring-forward day, then for four zones, two of them offset by :30 and
// :45, holds every view's rows and totals, under random filters, periods
// and callers, equal to a count over the final versions written here from
// the interactions themselves; and follows some numbers' drill-down to the
// tracking report, which must list exactly that many interactions.
func TestConversationsEqualBruteForce(t *testing.T) {
	f := reporttest.Load(t, 1500, func(in *domain.Interaction) bool { return in.Media.IsText() })
	rng := rand.New(rand.NewPCG(3, 4))
	var nonZero, drilled int
	took := map[string]time.Duration{}
	for zi, zone := range reporttest.Zones {
		t.Run(zone, func(t *testing.T) {
			sla := domain.DefaultSettings().SLAMinutes
			if zi%2 == 1 {
				sla = []int{2, 15, 60, 1440}
			}
			for i := range 15 {
				s := randomSpec(rng, reporttest.RandomRequest(rng, zone), views[i%len(views)], sla)
				env := f.Env(s.ID, zone)
				env.Settings.SLAMinutes = sla
				began := time.Now()
				got, err := run(t, env, s.Query)
				if err != nil {
					t.Fatalf("%s: %v", s.Query.Encode(), err)
				}
				took[s.view] += time.Since(began)
				nonZero += compare(t, s, got, s.expect(f.Final))
				if i%3 == 0 {
					drilled += drillDown(t, rng, f, s, got)
				}
			}
		})
	}
	t.Logf("%d non-zero numbers compared, %d drilled down; report time by view %v", nonZero, drilled, took)
	if nonZero < 3000 || drilled < 15 {
		t.Errorf("only %d non-zero numbers compared and %d drilled down: the test is not exercising the report", nonZero, drilled)
	}
}

var views = []string{"overview", "agent", "hour", "date", "channel"}

// spec is a random request and what it means, for the brute force.
type spec struct {
	reporttest.Request
	view string
	sla  []int

	media, channels, categories, users, tags, userTags []string
	done, supported, supportType                       string
}

func randomSpec(r *rand.Rand, req reporttest.Request, view string, sla []int) *spec {
	s := &spec{Request: req, view: view, sla: sla}
	s.Query.Set("view", view)
	some := func(name string, one int, pool []string, most int) []string {
		if r.IntN(one) != 0 {
			return nil
		}
		var out []string
		for range 1 + r.IntN(most) {
			if v := pool[r.IntN(len(pool))]; !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		s.Query.Set(name, strings.Join(out, ","))
		return out
	}
	s.media = some("media", 5, []string{"chat", "whatsapp", "email", "facebook", "sms"}, 2)
	s.channels = some("channel", 5, rolluptest.Channels, 2)
	s.categories = some("category", 5, rolluptest.Categories, 2)
	s.users = some("users", 5, rolluptest.AgentIDs, 3)
	s.tags = some("tags", 5, []string{"sale", "complaint", "vip"}, 2) // "follow,up" can't be a filter value
	s.userTags = some("userTags", 6, rolluptest.UserTags, 1)
	one := func(name string, values ...string) string {
		if r.IntN(6) != 0 {
			return ""
		}
		v := values[r.IntN(len(values))]
		s.Query.Set(name, v)
		return v
	}
	s.done, s.supported, s.supportType = one("done", "yes", "no"), one("supported", "yes", "no"), one("supportType", "message", "comment")
	return s
}

// conv is a selected interaction with what the brute force reads of it.
type conv struct {
	in    domain.Interaction
	c     domain.Conversation
	agent string
	local time.Time
}

// selected are the interactions the request counts: text media, started
// on one of the period's local dates, in the caller's queues, matching
// every filter.
func (s *spec) selected(all []domain.Interaction) []conv {
	anyOf := func(want []string, have ...string) bool {
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
	flag := func(want string, b bool) bool { return want == "" || (want == "yes") == b }
	var out []conv
	for _, in := range all {
		if in.Media == domain.MediaVoice {
			continue
		}
		x := conv{in: in, local: in.Start.In(s.Loc)}
		if in.Conversation != nil {
			x.c = *in.Conversation
		}
		var userTags []string
		if in.Agent != nil {
			x.agent, userTags = in.Agent.ID, in.Agent.Tags
		}
		if !s.Placed(in.Start, in.Queue) ||
			!anyOf(s.media, string(in.Media)) || !anyOf(s.channels, x.c.ChannelName) || !anyOf(s.categories, x.c.Category) ||
			!anyOf(s.users, x.agent) || !anyOf(s.tags, in.Tags...) || !anyOf(s.userTags, userTags...) ||
			!flag(s.done, x.c.Completed) || !flag(s.supported, x.c.Supported) || (s.supportType != "" && x.c.SupportType != s.supportType) {
			continue
		}
		out = append(out, x)
	}
	return out
}

// expected is a response as the brute force computes it.
type expected struct {
	keys   []string // row keys in order
	rows   map[string]map[string]float64
	media  map[string][]string
	totals map[string]float64
}

func (s *spec) expect(all []domain.Interaction) expected {
	sel := s.selected(all)
	groups := map[string][]conv{}
	for _, x := range sel {
		var k string
		switch s.view {
		case "overview":
			k = string(x.in.Media)
		case "agent":
			k = x.agent
		case "hour":
			k = fmt.Sprintf("%02d:00", x.local.Hour())
		case "date":
			k = x.local.Format(time.DateOnly)
		case "channel":
			k = x.c.ChannelName
		}
		groups[k] = append(groups[k], x)
	}
	e := expected{rows: map[string]map[string]float64{}, media: map[string][]string{}, totals: s.metrics(sel)}
	switch s.view {
	case "overview":
		for _, m := range domain.AllMedia {
			if groups[string(m)] != nil {
				e.keys = append(e.keys, string(m))
			}
		}
	case "hour":
		for h := range 24 {
			e.keys = append(e.keys, fmt.Sprintf("%02d:00", h))
		}
	case "date":
		for d := s.From; !s.To.Before(d); d = d.AddDays(1) {
			e.keys = append(e.keys, d.String())
		}
	default:
		for k := range groups {
			e.keys = append(e.keys, k)
		}
		slices.SortFunc(e.keys, func(a, b string) int {
			if (a == "") != (b == "") {
				return cmp.Compare(b, a) // the empty one last
			}
			return cmp.Or(cmp.Compare(rolluptest.AgentNames[a], rolluptest.AgentNames[b]), cmp.Compare(a, b))
		})
	}
	for _, k := range e.keys {
		e.rows[k] = s.metrics(groups[k])
		e.media[k] = mediaOf(groups[k])
	}
	e.media[""+"\x00totals"] = mediaOf(sel)
	return e
}

func mediaOf(cs []conv) []string {
	out := []string{}
	for _, m := range domain.AllMedia {
		if slices.ContainsFunc(cs, func(x conv) bool { return x.in.Media == m }) {
			out = append(out, string(m))
		}
	}
	return out
}

// metrics computes every column the view can have over cs.
func (s *spec) metrics(cs []conv) map[string]float64 {
	count := func(pred func(x conv) bool) int64 {
		var n int64
		for _, x := range cs {
			if pred(x) {
				n++
			}
		}
		return n
	}
	pct := func(x, n int64) float64 {
		if n == 0 {
			return 0
		}
		return float64((x*1000+n/2)/n) / 10
	}
	var sup, wait, support int64
	contacts := map[string]bool{}
	for _, x := range cs {
		if x.c.Supported {
			sup++
			wait += x.in.Wait.Millis()
			support += x.c.Support.Millis()
		}
		if x.in.Contact != nil && x.in.Contact.Phone != "" {
			contacts[x.in.Contact.Phone] = true
		}
	}
	avg := func(sum int64) float64 {
		if sup == 0 {
			return 0
		}
		return float64((sum+sup/2)/sup) / 1000
	}
	m := map[string]float64{
		"conversations": float64(len(cs)),
		"avgWait":       avg(wait),
		"avgSupport":    avg(support),
	}
	switch s.view {
	case "overview":
		m["contacts"] = float64(len(contacts))
		m["assigned"] = float64(count(func(x conv) bool { return x.c.Assigned }))
		m["notAssigned"] = float64(count(func(x conv) bool { return !x.c.Assigned }))
		m["done"] = float64(count(func(x conv) bool { return x.c.Completed }))
		m["pending"] = float64(count(func(x conv) bool { return !x.c.Completed }))
		m["supported"] = float64(sup)
		return m
	}
	m["waitTotal"], m["supportTotal"] = float64(wait)/1000, float64(support)/1000
	names := map[bool]string{true: "Done", false: "Pending"}
	supNames := map[bool]string{true: "Supported", false: "Unsupported"}
	if s.view == "agent" {
		for _, a := range []bool{true, false} {
			for _, d := range []bool{true, false} {
				for _, su := range []bool{true, false} {
					key := map[bool]string{true: "assigned", false: "unassigned"}[a] + names[d] + supNames[su]
					m[key] = float64(count(func(x conv) bool { return x.c.Assigned == a && x.c.Completed == d && x.c.Supported == su }))
				}
			}
		}
		for _, within := range s.sla {
			m["within"+strconv.Itoa(within)] = float64(count(func(x conv) bool {
				return x.c.Supported && x.in.Wait.Millis() <= int64(within)*60000
			}))
		}
		return m
	}
	for prefix, typ := range map[string]string{"chat": "message", "comment": "comment"} {
		for _, d := range []bool{true, false} {
			for _, su := range []bool{true, false} {
				m[prefix+names[d]+supNames[su]] = float64(count(func(x conv) bool {
					return x.c.SupportType == typ && x.c.Completed == d && x.c.Supported == su
				}))
			}
		}
		n := count(func(x conv) bool { return x.c.SupportType == typ })
		m[prefix+"Total"] = float64(n)
		m[prefix+"PctDone"] = pct(count(func(x conv) bool { return x.c.SupportType == typ && x.c.Completed }), n)
		m[prefix+"PctSupported"] = pct(count(func(x conv) bool { return x.c.SupportType == typ && x.c.Supported }), n)
	}
	m["pctDone"] = pct(count(func(x conv) bool { return x.c.Completed }), int64(len(cs)))
	m["pctSupported"] = pct(sup, int64(len(cs)))
	return m
}

// compare holds the response equal to the brute force and returns how
// many non-zero numbers it compared. A column the response leaves out
// must be one the request's filters make 0 everywhere.
func compare(t *testing.T, s *spec, got *result, want expected) int {
	t.Helper()
	what := s.Query.Encode() + " as " + string(s.ID.Role)
	if len(got.Rows) != len(want.keys) {
		t.Fatalf("%s: %d rows, want %d (%v)", what, len(got.Rows), len(want.keys), want.keys)
	}
	cols := map[string]bool{}
	for _, c := range got.Columns {
		cols[c.Key] = true
	}
	for key := range want.totals {
		if !cols[key] {
			if s.done == "" && s.supported == "" && s.supportType == "" {
				t.Errorf("%s: column %s left out with no flag filter", what, key)
			}
			for _, k := range want.keys {
				if want.rows[k][key] != 0 {
					t.Errorf("%s: column %s left out, but row %s has %v", what, key, k, want.rows[k][key])
				}
			}
		}
	}
	nonZero := 0
	check := func(label string, row map[string]any, w map[string]float64, media []string) {
		for _, c := range got.Columns {
			if c.Key == "label" {
				continue
			}
			v, ok := w[c.Key]
			if !ok {
				t.Errorf("%s: unexpected column %s", what, c.Key)
				continue
			}
			if g, _ := row[c.Key].(float64); g != v {
				t.Errorf("%s: %s %s = %v, want %v", what, label, c.Key, row[c.Key], v)
			}
			if v != 0 {
				nonZero++
			}
		}
		if g := fmt.Sprint(row["media"]); g != fmt.Sprint(media) {
			t.Errorf("%s: %s media %s, want %v", what, label, g, media)
		}
	}
	for i, row := range got.Rows {
		k := row["key"].(string)
		if k != want.keys[i] {
			t.Fatalf("%s: row %d is %s, want %s (%v)", what, i, k, want.keys[i], want.keys)
		}
		label := k
		switch {
		case s.view == "agent" && k == "":
			label = "(no agent)"
		case s.view == "agent":
			label = rolluptest.AgentNames[k]
		case s.view == "channel" && k == "":
			label = "(no channel)"
		}
		if row["label"] != label {
			t.Errorf("%s: row %s labelled %v, want %s", what, k, row["label"], label)
		}
		check("row "+k, row, want.rows[k], want.media[k])
	}
	check("totals", got.Totals, want.totals, want.media["\x00totals"])
	return nonZero
}

// drillDown follows a few of the response's numbers to the tracking
// report and counts what it lists; it returns how many it followed.
func drillDown(t *testing.T, r *rand.Rand, f *reporttest.Fixture, s *spec, got *result) int {
	t.Helper()
	// Every row with interactions drills down: those without an agent or
	// a channel too (tracking's "" value), and under a filter of several
	// channels.
	for _, row := range append(got.Rows, got.Totals) {
		key, _ := row["key"].(string)
		if len(row["media"].([]any)) == 0 {
			continue
		}
		if row["drill"] == nil {
			t.Errorf("%s: row %s has no drill-down", s.Query.Encode(), key)
		}
	}
	type number struct {
		row    map[string]any
		metric string
	}
	var candidates, noneRows []number
	for _, row := range append(got.Rows, got.Totals) {
		if row["drill"] == nil {
			continue
		}
		for _, c := range got.Columns {
			if _, isMetric := got.Drill.Metrics[c.Key]; !isMetric || !countsInteractions(c.Key) {
				continue
			}
			if v := row[c.Key].(float64); v > 0 && v < 400 {
				candidates = append(candidates, number{row, c.Key})
				if k, _ := row["key"].(string); k == "" && row["label"] != "Total" {
					noneRows = append(noneRows, number{row, c.Key})
				}
			}
		}
	}
	// Two numbers at random, and one of a row of those without an agent
	// or a channel when there is one: its drill-down is the "" value.
	picks := make([]number, 0, 3)
	for range min(2, len(candidates)) {
		picks = append(picks, candidates[r.IntN(len(candidates))])
	}
	if len(noneRows) > 0 {
		picks = append(picks, noneRows[r.IntN(len(noneRows))])
	}
	n := 0
	for _, c := range picks {
		want := int(c.row[c.metric].(float64))
		listed := 0
		var queries []string
		for _, m := range c.row["media"].([]any) {
			q := got.query(m.(string), c.row["drill"].(string), c.metric)
			queries = append(queries, q)
			u, err := url.Parse(q)
			if err != nil || u.Path != report.TrackingPath {
				t.Fatalf("drill-down %q: %v", q, err)
			}
			listed += f.Count(t, u.Query(), s.ID)
		}
		if listed != want {
			t.Errorf("%s: %s = %d, the tracking report lists %d:\n%s", s.Query.Encode(), c.metric, want, listed, strings.Join(queries, "\n"))
		}
		n++
	}
	return n
}

// countsInteractions tells the metrics that count interactions (not
// contacts, means, percentages or durations).
func countsInteractions(key string) bool {
	return key != "contacts" && !strings.HasPrefix(key, "avg") && !strings.Contains(strings.ToLower(key), "pct") && !strings.HasSuffix(key, "Total") ||
		key == "chatTotal" || key == "commentTotal"
}
