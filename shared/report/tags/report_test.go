package tags_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
	"github.com/rastro-cc/rastro/shared/report/tags"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// request is a random tag report request and its filters.
type request struct {
	reporttest.Request
	view, interval                  string
	media                           []string
	channels, agents, tagsCountable []string
}

func randomRequest(rng *rand.Rand, zone, view string) request {
	r := request{Request: reporttest.RandomRequest(rng, zone), view: view}
	if view != tags.ViewTime || rng.IntN(4) > 0 {
		r.Query.Set("view", view)
	}
	if view == tags.ViewTime {
		r.interval = []string{tags.IntervalDay, tags.IntervalHour}[rng.IntN(2)]
		if r.interval == tags.IntervalHour || rng.IntN(2) == 0 {
			r.Query.Set("interval", r.interval)
		}
	}
	var media []string
	for _, m := range rolluptest.Media {
		media = append(media, string(m))
	}
	r.media = reporttest.Some(rng, media)
	r.channels = reporttest.Some(rng, rolluptest.Channels)
	r.agents = reporttest.Some(rng, rolluptest.AgentIDs)
	r.tagsCountable = reporttest.Some(rng, rolluptest.Tags)
	reporttest.SetList(r.Query, "media", r.media)
	reporttest.SetList(r.Query, "channel", r.channels)
	reporttest.SetList(r.Query, "agents", r.agents)
	// A tag with a comma ("follow,up") is named quoted, as a tracking list.
	if len(r.tagsCountable) > 0 {
		r.Query.Set("tags", tracking.FormatList(r.tagsCountable))
	}
	return r
}

// bruteForce places every interaction by its start in the zone and counts
// each distinct tag of it in its row, from the interactions alone.
func bruteForce(r request, final []domain.Interaction) (rows map[string]map[string]int64, total map[string]int64, names map[string][]string) {
	rows, total, names = map[string]map[string]int64{}, map[string]int64{}, map[string][]string{}
	switch {
	case r.interval == tags.IntervalHour:
		for h := range 24 {
			rows[fmt.Sprintf("%02d:00", h)] = map[string]int64{}
		}
	case r.interval == tags.IntervalDay:
		for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
			rows[d.String()] = map[string]int64{}
		}
	}
	for i := range final {
		x := &final[i]
		var channel, agent string
		if x.Conversation != nil {
			channel = x.Conversation.ChannelName
		}
		if x.Agent != nil {
			agent = x.Agent.ID
		}
		if !r.Placed(x.Start, x.Queue) || !reporttest.AnyOf(r.media, string(x.Media)) || !reporttest.AnyOf(r.channels, channel) || !reporttest.AnyOf(r.agents, agent) {
			continue
		}
		local := x.Start.In(r.Loc)
		var key string
		switch {
		case r.interval != "":
			key = map[string]string{tags.IntervalHour: local.Format("15") + ":00", tags.IntervalDay: local.Format(time.DateOnly)}[r.interval]
		case r.view == tags.ViewChannel:
			key = channel
		default:
			key = agent
		}
		seen := map[string]bool{}
		for _, t := range x.Tags {
			if seen[t] || !reporttest.AnyOf(r.tagsCountable, t) {
				continue
			}
			seen[t] = true
			if rows[key] == nil {
				rows[key] = map[string]int64{}
			}
			rows[key][t]++
			total[t]++
			if x.Agent != nil {
				names[agent] = append(names[agent], x.Agent.Name)
			}
		}
	}
	return rows, total, names
}

// TestAgainstBruteForce holds every count of random requests equal to
// counts over the interactions themselves, in zones with DST, +05:30 and
// +05:45 offsets, and checks that the tracking report lists, for a sample
// of counts, exactly that many interactions.
func TestAgainstBruteForce(t *testing.T) {
	f := reporttest.Load(t, 1500, func(in *domain.Interaction) bool { return len(in.Tags) > 0 }, rollup.Tags)
	rng := rand.New(rand.NewPCG(5, 6))
	views := []string{tags.ViewTime, tags.ViewChannel, tags.ViewAgent}
	var checked reporttest.Counted
	for _, zone := range reporttest.Zones {
		for i := range 15 {
			r := randomRequest(rng, zone, views[i%len(views)])
			t.Run(fmt.Sprintf("%s/%s", zone, r.Query.Encode()), func(t *testing.T) {
				out, err := tags.Report(context.Background(), f.Env(r.ID, zone), r.Query)
				if err != nil {
					t.Fatal(err)
				}
				resp := out.(*tags.Response)
				rows, total, names := bruteForce(r, f.Final)

				wantTags := slices.Collect(maps.Keys(total))
				for _, t := range r.tagsCountable {
					if !slices.Contains(wantTags, t) {
						wantTags = append(wantTags, t)
					}
				}
				if got := slices.Sorted(slices.Values(resp.Tags)); !slices.Equal(got, slices.Sorted(slices.Values(wantTags))) {
					t.Errorf("tags %v, want %v", resp.Tags, wantTags)
				}
				if len(resp.Rows) != len(rows) {
					t.Errorf("%d rows, want %d", len(resp.Rows), len(rows))
				}
				for i, row := range append(resp.Rows, resp.Totals) {
					want := total
					if i < len(resp.Rows) {
						if want = rows[row.Key]; want == nil {
							t.Errorf("row %q: no such %s", row.Key, r.view)
							continue
						}
					}
					var sum int64
					for _, tag := range resp.Tags {
						checked.Check(t, fmt.Sprintf("row %q tag %q", row.Key, tag), row.Counts[tag], want[tag])
						sum += want[tag]
					}
					checked.Check(t, fmt.Sprintf("row %q total", row.Key), row.Total, sum)
					if r.view == tags.ViewAgent && row.Key != "" && i < len(resp.Rows) && !slices.Contains(names[row.Key], row.Label) {
						t.Errorf("agent %s labelled %q, not a name of theirs", row.Key, row.Label)
					}
				}
				if r.view == tags.ViewTime {
					if len(resp.Series) != len(resp.Tags) {
						t.Fatalf("%d series for %d tags", len(resp.Series), len(resp.Tags))
					}
					for _, s := range resp.Series {
						for i, row := range resp.Rows {
							if s.Data[i] != row.Counts[s.Tag] {
								t.Errorf("series %s[%d] = %d, row %s says %d", s.Tag, i, s.Data[i], row.Key, row.Counts[s.Tag])
							}
						}
					}
				}
				// Drill into a non-zero count, and a zero one every third
				// request: each lists the interactions of every media of
				// the row.
				all, gaps := drillable(resp, r.channels)
				checked.DrillDown(t, rng, f, r.ID, resp.Drill, all, 1, i%3/2)
				// And one the tracking report couldn't list before it took
				// "" (no channel, no agent), quoted values (a tag with a
				// comma) and several channels.
				checked.DrillDown(t, rng, f, r.ID, resp.Drill, gaps, 1, 0)
			})
		}
	}
	checked.Enough(t, 1000, 40)
}

// drillable are the counts of the response that link to the tracking
// report; gaps are those of a row without a channel or agent, of a tag
// with a comma, or under a filter of several channels.
func drillable(resp *tags.Response, channels []string) (out, gaps []reporttest.Number) {
	for i, row := range append(resp.Rows, resp.Totals) {
		for _, c := range resp.Columns {
			if row.Drill != nil && c.Drill {
				tag := strings.TrimPrefix(c.Key, "tag:")
				x := reporttest.Number{Media: row.Media, Row: *row.Drill, Metric: c.Key, Want: row.Counts[tag]}
				out = append(out, x)
				if x.Want > 0 && (i < len(resp.Rows) && row.Key == "" && resp.View != tags.ViewTime || strings.Contains(tag, ",") || len(channels) > 1) {
					gaps = append(gaps, x)
				}
			}
		}
	}
	return out, gaps
}

// TestDrillableRows: every row drills down, a row of no channel or no
// agent as "" (none) and a value with a comma quoted, voice included
// (its channel is its line), except a row the report's channel filter
// can't narrow to (the channel isn't among the filter's).
func TestDrillableRows(t *testing.T) {
	cell := func(media, channel, agent, tag string) report.Placed {
		return report.Placed{Cell: rollup.Cell{Dims: rollup.Tuple{media, "q1", channel, agent, "Name " + agent, rollup.SetOf([]string{tag})}, Vals: rollup.Vals{rollup.N: 1}}}
	}
	cells := []report.Placed{
		cell("chat", "Acme Page", "a1", "vip"), cell("chat", "", "", "vip"),
		cell("voice", "", "a2", "sale"), cell("email", "Acme, Inc", "a1", "follow,up"),
	}
	const noAgent, acmeInc = "finalAgents=%22%22", "channel=%22Acme%2C+Inc%22"
	cases := []struct {
		view     string
		channels []string
		want     map[string]string // row key → drill ("-": none)
		total    string
	}{
		{tags.ViewChannel, nil, map[string]string{"Acme Page": "channel=Acme+Page", "Acme, Inc": acmeInc, "": "channel=%22%22"}, ""},
		{tags.ViewAgent, nil, map[string]string{"a1": "finalAgents=a1", "a2": "finalAgents=a2", "": noAgent}, ""},
		{tags.ViewChannel, []string{"Acme Page", "Acme, Inc"}, map[string]string{"Acme Page": "channel=Acme+Page", "Acme, Inc": acmeInc, "": "-"}, ""},
		{tags.ViewAgent, []string{"Acme Page", "Acme, Inc"}, map[string]string{"a1": "finalAgents=a1", "a2": "finalAgents=a2", "": noAgent}, ""},
	}
	for _, c := range cases {
		r := &tags.Request{View: c.view, Channels: c.channels}
		resp := tags.Build(r, cells)
		got := map[string]string{}
		for _, row := range append(resp.Rows, resp.Totals) {
			d := "-"
			if row.Drill != nil {
				d = *row.Drill
			}
			if row.Label == "Total" {
				if d != c.total {
					t.Errorf("%s %v: totals drill %q, want %q", c.view, c.channels, d, c.total)
				}
				continue
			}
			got[row.Key] = d
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%s %v: drills %v, want %v", c.view, c.channels, got, c.want)
		}
		if resp.Totals.Total != 4 || !slices.Equal(resp.Tags, []string{"vip", "follow,up", "sale"}) {
			t.Errorf("totals %+v, tags %v", resp.Totals, resp.Tags)
		}
	}
}
