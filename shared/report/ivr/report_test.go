package ivr_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/ivr"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
)

// counts is a brute-force row: the numbers straight from the
// interactions' fields.
type counts struct {
	n, ans, abIVR, abQ, wait, waitN, hdl, hdlN int64
	names                                      []string
}

func (c *counts) add(in *domain.Interaction) {
	c.n++
	if in.VoiceStatus == domain.VoiceAnswered {
		c.ans++
	}
	if in.VoiceStatus == domain.VoiceAbandoned {
		if in.Queued == nil {
			c.abIVR++
		} else {
			c.abQ++
		}
	}
	if in.Wait > 0 {
		c.wait += in.Wait.Millis()
		c.waitN++
	}
	if in.Handle > 0 {
		c.hdl += in.Handle.Millis()
		c.hdlN++
	}
	if in.Agent != nil {
		c.names = append(c.names, in.Agent.Name)
	}
}

// request is a random IVR request and its filters.
type request struct {
	reporttest.Request
	group                            string
	agents, services, ivrs, userTags []string
}

func randomRequest(rng *rand.Rand, zone, group string) request {
	r := request{Request: reporttest.RandomRequest(rng, zone), group: group}
	r.Query.Set("group", group)
	r.agents = reporttest.Some(rng, rolluptest.AgentIDs)
	r.services = reporttest.Some(rng, rolluptest.Services)
	r.ivrs = reporttest.Some(rng, rolluptest.IVRs)
	r.userTags = reporttest.Some(rng, rolluptest.UserTags)
	reporttest.SetList(r.Query, "agents", r.agents)
	reporttest.SetList(r.Query, "services", r.services)
	reporttest.SetList(r.Query, "ivr", r.ivrs)
	reporttest.SetList(r.Query, "userTags", r.userTags)
	return r
}

// bruteForce places every voice interaction by its start in the zone and
// counts it in its groups, from the interactions alone.
func bruteForce(r request, final []domain.Interaction) (map[string]*counts, *counts) {
	rows, total := map[string]*counts{}, &counts{}
	if r.group == ivr.GroupHour {
		for h := range 24 {
			rows[fmt.Sprintf("%02d:00", h)] = &counts{}
		}
	}
	if r.group == ivr.GroupDay {
		for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
			rows[d.String()] = &counts{}
		}
	}
	for i := range final {
		in := &final[i]
		if in.Media != domain.MediaVoice || !r.Placed(in.Start, in.Queue) {
			continue
		}
		var agent, menu string
		var userTags []string
		if in.Agent != nil {
			agent, userTags = in.Agent.ID, in.Agent.Tags
		}
		if in.Session != nil {
			menu = in.Session.MenuPath
		}
		var services []string
		for _, s := range append([]string{in.Service}, legServices(in)...) {
			if s != "" && !slices.Contains(services, s) {
				services = append(services, s)
			}
		}
		if !reporttest.AnyOf(r.agents, agent) || !reporttest.AnyOf(r.ivrs, menu) || !reporttest.AnyOf(r.services, services...) || !reporttest.AnyOf(r.userTags, userTags...) {
			continue
		}
		local := in.Start.In(r.Loc)
		var keys []string
		switch r.group {
		case ivr.GroupIVR:
			keys = []string{menu}
		case ivr.GroupAgent:
			keys = []string{agent}
		case ivr.GroupService:
			keys = services
			if len(keys) == 0 {
				keys = []string{""}
			}
		case ivr.GroupHour:
			keys = []string{local.Format("15") + ":00"}
		case ivr.GroupDay:
			keys = []string{local.Format(time.DateOnly)}
		}
		for _, k := range keys {
			if rows[k] == nil {
				rows[k] = &counts{}
			}
			rows[k].add(in)
		}
		total.add(in)
	}
	return rows, total
}

func legServices(in *domain.Interaction) []string {
	var out []string
	for _, l := range in.Legs {
		out = append(out, l.Service)
	}
	return out
}

// numbers are a row's columns by key, as the report's columns name them.
func numbers(row ivr.Row) map[string]any {
	return map[string]any{
		"received": row.Received, "answered": row.Answered, "abandonedIvr": row.AbandonedIVR,
		"abandonedQueue": row.AbandonedQueue, "abandoned": row.Abandoned, "avgWait": row.AvgWait, "avgHandle": row.AvgHandle,
	}
}

func (c *counts) numbers() map[string]any {
	return map[string]any{
		"received": c.n, "answered": c.ans, "abandonedIvr": c.abIVR, "abandonedQueue": c.abQ, "abandoned": c.abIVR + c.abQ,
		"avgWait": report.Avg(c.wait, c.waitN), "avgHandle": report.Avg(c.hdl, c.hdlN),
	}
}

// TestAgainstBruteForce holds every row and the totals of random requests
// equal to counts over the interactions themselves, in zones with DST,
// +05:30 and +05:45 offsets, and checks that the tracking report lists,
// for a sample of numbers, exactly that many interactions.
func TestAgainstBruteForce(t *testing.T) {
	f := reporttest.Load(t, 1500, func(in *domain.Interaction) bool { return in.Media == domain.MediaVoice }, rollup.IVR)
	rng := rand.New(rand.NewPCG(3, 4))
	groups := []string{ivr.GroupIVR, ivr.GroupService, ivr.GroupAgent, ivr.GroupHour, ivr.GroupDay}
	var checked reporttest.Counted
	for _, zone := range reporttest.Zones {
		for i := range 15 {
			r := randomRequest(rng, zone, groups[i%len(groups)])
			t.Run(fmt.Sprintf("%s/%s", zone, r.Query.Encode()), func(t *testing.T) {
				out, err := ivr.Report(context.Background(), f.Env(r.ID, zone), r.Query)
				if err != nil {
					t.Fatal(err)
				}
				resp := out.(*ivr.Response)
				rows, total := bruteForce(r, f.Final)
				if len(resp.Rows) != len(rows) {
					t.Errorf("%d rows, want %d", len(resp.Rows), len(rows))
				}
				for i, row := range append(resp.Rows, resp.Totals) {
					want := total
					if i < len(resp.Rows) {
						if want = rows[row.Key]; want == nil {
							t.Errorf("row %q: no such group", row.Key)
							continue
						}
					}
					got := numbers(row)
					for k, w := range want.numbers() {
						checked.Check(t, fmt.Sprintf("row %q %s", row.Key, k), got[k], w)
					}
					if r.group == ivr.GroupAgent && row.Key != "" && !slices.Contains(want.names, row.Label) {
						t.Errorf("agent %s labelled %q, not a name of theirs (%v)", row.Key, row.Label, want.names)
					}
				}
				if r.group == ivr.GroupHour || r.group == ivr.GroupDay {
					for i, row := range resp.Rows[1:] {
						if row.Key <= resp.Rows[i].Key {
							t.Errorf("rows out of order: %s after %s", row.Key, resp.Rows[i].Key)
						}
					}
				}
				// Drill into a few numbers, non-zero ones first.
				all, gaps := drillable(resp, rows, total)
				checked.DrillDown(t, rng, f, r.ID, resp.Drill, all, 2, 1)
				// And one the tracking report couldn't list before it took
				// "" (no IVR, agent or service) and the waited and
				// handled filters.
				checked.DrillDown(t, rng, f, r.ID, resp.Drill, gaps, 1, 0)
			})
		}
	}
	checked.Enough(t, 1200, 60)
}

// drillable are the numbers of the response that link to the tracking
// report. An average links to the calls it is over, as many as the brute
// force measured (rows, total). gaps are those of the rows of calls
// without the grouped value and of the averages.
func drillable(resp *ivr.Response, rows map[string]*counts, total *counts) (out, gaps []reporttest.Number) {
	for i, row := range append(resp.Rows, resp.Totals) {
		want := total
		if i < len(resp.Rows) {
			want = rows[row.Key]
		}
		for _, c := range resp.Columns {
			if row.Drill == nil || !c.Drill || want == nil {
				continue
			}
			n, ok := numbers(row)[c.Key].(int64)
			switch c.Key {
			case "avgWait":
				n, ok = want.waitN, true
			case "avgHandle":
				n, ok = want.hdlN, true
			}
			if !ok {
				panic("column " + c.Key + " drills down but counts nothing")
			}
			x := reporttest.Number{Media: row.Media, Row: *row.Drill, Metric: c.Key, Want: n}
			out = append(out, x)
			if n > 0 && (i < len(resp.Rows) && row.Key == "" || c.Key == "avgWait" || c.Key == "avgHandle") {
				gaps = append(gaps, x)
			}
		}
	}
	return out, gaps
}

// TestEveryNumberDrills: after the label, every column of the IVR report
// links to the tracking report, the averages included.
func TestEveryNumberDrills(t *testing.T) {
	resp := ivr.Build(&ivr.Request{Group: ivr.GroupIVR}, nil)
	for _, c := range resp.Columns[1:] {
		if !c.Drill {
			t.Errorf("column %s has no drill-down", c.Key)
		}
	}
}

// TestDrillableRows: every row drills down, the rows of calls without an
// IVR, a service or an agent as "" (none) and a value with a comma
// quoted, except a row the report's own filter can't narrow to (a
// service the services filter doesn't name: the row would need both).
func TestDrillableRows(t *testing.T) {
	cell := func(menu, agent, services string) report.Placed {
		return report.Placed{Cell: rollup.Cell{Dims: rollup.Tuple{"q1", menu, agent, "Name " + agent, "", services}, Vals: rollup.Vals{rollup.N: 1}}}
	}
	cells := []report.Placed{cell("Main", "a1", "Billing,Support"), cell("", "", ""), cell("Main", "a,b", "Sales")}
	cases := []struct {
		group    string
		services []string
		want     map[string]string // row key → drill ("-": none)
	}{
		{ivr.GroupIVR, nil, map[string]string{"Main": "ivr=Main", "": "ivr=%22%22"}},
		{ivr.GroupAgent, nil, map[string]string{"a1": "finalAgents=a1", "": "finalAgents=%22%22", "a,b": "finalAgents=%22a%2Cb%22"}},
		{ivr.GroupService, nil, map[string]string{"Billing": "services=Billing", "Support": "services=Support", "Sales": "services=Sales", "": "services=%22%22"}},
		{ivr.GroupService, []string{"Billing", "Sales"}, map[string]string{"Billing": "services=Billing", "Support": "-", "Sales": "services=Sales", "": "-"}},
	}
	for _, c := range cases {
		r := &ivr.Request{Group: c.group, Services: c.services}
		resp := ivr.Build(r, cells)
		got := map[string]string{}
		for _, row := range resp.Rows {
			got[row.Key] = "-"
			if row.Drill != nil {
				got[row.Key] = *row.Drill
			}
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%s %v: drills %v, want %v", c.group, c.services, got, c.want)
		}
		if resp.Totals.Received != 3 || resp.Totals.Drill == nil || *resp.Totals.Drill != "" {
			t.Errorf("%s: totals %+v", c.group, resp.Totals)
		}
	}
}
