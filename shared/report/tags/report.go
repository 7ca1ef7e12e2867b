package tags

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Response is the report: the envelope (View is the view), the tags
// counted, the columns in display order, a row per date, hour, channel or
// agent, and the totals. Every number counts tag applications: an
// interaction with two of the tags counts once under each, twice in a
// row's total.
type Response struct {
	report.Envelope
	Interval string               `json:"interval,omitempty"` // view=time: day or hour
	Tags     []string             `json:"tags"`               // the tag columns, most applied first
	Columns  []report.DrillColumn `json:"columns"`            // "label", a "tag:<tag>" per tag (reading counts[<tag>]), "total"
	Rows     []Row                `json:"rows"`
	Totals   Row                  `json:"totals"`
	// Series is the time view as a chart's series: one per tag, a value
	// per row.
	Series []Series `json:"series,omitempty"`
}

// Row is one date, hour, channel or agent.
type Row struct {
	Key    string           `json:"key"` // "2026-03-08", "07:00", the channel, the agent id; "" for none
	Label  string           `json:"label"`
	Counts map[string]int64 `json:"counts"` // by tag, every tag of Tags
	Total  int64            `json:"total"`  // Σ counts: applications, not interactions
	// Drill is the row's tracking filters (see report.Drill), null when
	// the tracking report can't list exactly its interactions.
	Drill *string        `json:"drill"`
	Media []domain.Media `json:"media"`
}

// Series is one tag's counts, in row order.
type Series struct {
	Tag  string  `json:"tag"`
	Data []int64 `json:"data"`
}

// Labels of the rows of interactions without the grouped attribute.
const (
	NoChannel = "(no channel)"
	NoAgent   = "(no agent)"
)

// TagColumn is the column key of a tag's counts.
func TagColumn(tag string) string { return "tag:" + tag }

var keyHeader = map[string]string{
	IntervalDay: "Date", IntervalHour: "Hour", ViewChannel: "Channel", ViewAgent: "Agent",
}

// Dimension indexes of the tags family.
var (
	dimMedia     = rollup.Tags.Dim(rollup.DimMedia)
	dimChannel   = rollup.Tags.Dim(rollup.DimChannel)
	dimAgent     = rollup.Tags.Dim(rollup.DimAgent)
	dimAgentName = rollup.Tags.Dim(rollup.DimAgentName)
	dimTags      = rollup.Tags.Dim(rollup.DimTags)
)

// Report answers GET /v1/reports/tags.
var Report report.Func = func(ctx context.Context, env report.Env, q url.Values) (any, error) {
	req, err := Parse(q, env.Identity, env.Settings, env.Now)
	if err != nil {
		return nil, err
	}
	var buckets *report.TimeBuckets
	if req.View == ViewTime {
		buckets = report.NewTimeBuckets(req.Range, req.Interval == IntervalHour)
	}
	cells, units, err := report.ReadCells(ctx, env, report.Read{
		Family: rollup.Tags, Range: req.Range, Buckets: buckets, Queues: req.Queues, Keep: req.keep,
		Needs: append([]string{rollup.DimMedia, rollup.DimTags}, report.NeedsIf(
			report.NeedIf{Dim: rollup.DimChannel, Set: len(req.Channels) > 0 || req.View == ViewChannel},
			report.NeedIf{Dim: rollup.DimAgent, Set: len(req.Agents) > 0 || req.View == ViewAgent},
			report.NeedIf{Dim: rollup.DimAgentName, Set: req.View == ViewAgent})...),
	})
	if err != nil {
		return nil, err
	}
	resp := Build(req, cells)
	resp.Envelope = report.NewEnvelope("tags", req.View, req.Range, env.Now)
	resp.ReadUnits = units
	resp.Drill = report.NewDrill(req.Range, resp.Totals.Media, req.drillConds().Base)
	for _, c := range resp.Columns {
		if c.Drill {
			tag := strings.TrimPrefix(c.Key, "tag:")
			resp.Drill.Metrics[c.Key] = report.DrillMetric{Query: report.DrillConds{report.DrillAny("tags", tag)}.Values().Encode()}
		}
	}
	return resp, nil
}

// keep applies the request's filters to a cell.
func (r *Request) keep(c rollup.Cell) bool {
	return (len(r.Media) == 0 || slices.Contains(r.Media, domain.Media(c.Dims[dimMedia]))) &&
		report.AnyOf(c, dimChannel, r.Channels) && report.AnyOf(c, dimAgent, r.Agents) && report.SetAnyOf(c, dimTags, r.Tags)
}

// group is one row being summed.
type group struct {
	key    string
	counts map[string]int64
	media  map[domain.Media]int64 // interactions (cells come signed)
	conds  []report.DrillCond
}

// add counts a cell once for each tag of its set (each tag the request
// counts, when it names some).
func (g *group) add(c rollup.Cell, only []string) {
	if g.counts == nil {
		g.counts, g.media = map[string]int64{}, map[domain.Media]int64{}
	}
	for _, tag := range c.Dims.Set(dimTags) {
		if len(only) == 0 || slices.Contains(only, tag) {
			g.counts[tag] += c.Vals[rollup.N]
		}
	}
	g.media[domain.Media(c.Dims[dimMedia])] += c.Vals[rollup.N]
}

// Build computes the rows and totals from the request's cells (already
// filtered and scoped, and signed: see report.Cells), without the
// envelope.
func Build(r *Request, cells []report.Placed) *Response {
	var groups []*group
	var total group
	names := report.AgentNames{}
	if r.View == ViewTime {
		b := report.NewTimeBuckets(r.Range, r.Interval == IntervalHour)
		for i, k := range b.Keys {
			groups = append(groups, &group{key: k, conds: b.Conds[i]})
		}
		for _, c := range cells {
			groups[c.Bucket].add(c.Cell, r.Tags)
			total.add(c.Cell, r.Tags)
		}
	} else {
		byKey := map[string]*group{}
		for _, c := range cells {
			dim, param := dimChannel, report.DrillAny("channel", c.Dims[dimChannel])
			if r.View == ViewAgent {
				dim, param = dimAgent, report.DrillAny("finalAgents", c.Dims[dimAgent])
				names.Add(c.Dims[dimAgent], c.Dims[dimAgentName], c.Slot, c.Vals[rollup.N])
			}
			g := byKey[c.Dims[dim]]
			if g == nil {
				g = &group{key: c.Dims[dim], conds: []report.DrillCond{param}}
				byKey[g.key] = g
				groups = append(groups, g)
			}
			g.add(c.Cell, r.Tags)
			total.add(c.Cell, r.Tags)
		}
		// A group only in what the tiling took away has nothing.
		groups = slices.DeleteFunc(groups, (*group).empty)
	}

	resp := &Response{Interval: r.Interval, Tags: tagOrder(r.Tags, total.counts)}
	header := keyHeader[cmp.Or(r.Interval, r.View)]
	resp.Columns = append(resp.Columns, report.DrillColumn{Column: report.Column{Key: "label", Header: header}})
	for _, t := range resp.Tags {
		resp.Columns = append(resp.Columns, report.DrillColumn{Column: report.Column{Key: TagColumn(t), Header: t}, Drill: true})
	}
	// A row's total counts applications, which no list of interactions
	// shows one for one.
	resp.Columns = append(resp.Columns, report.DrillColumn{Column: report.Column{Key: "total", Header: "Tags applied"}})

	base := r.drillConds()
	for _, g := range groups {
		label := g.key
		switch {
		case r.View == ViewChannel && g.key == "":
			label = NoChannel
		case r.View == ViewAgent:
			label = names.Label(g.key, NoAgent)
		}
		resp.Rows = append(resp.Rows, g.row(label, resp.Tags, base))
	}
	if r.View != ViewTime {
		slices.SortFunc(resp.Rows, func(a, b Row) int {
			return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Label, b.Label), cmp.Compare(a.Key, b.Key))
		})
	} else {
		for _, t := range resp.Tags {
			s := Series{Tag: t}
			for _, row := range resp.Rows {
				s.Data = append(s.Data, row.Counts[t])
			}
			resp.Series = append(resp.Series, s)
		}
	}
	if resp.Rows == nil {
		resp.Rows = []Row{}
	}
	resp.Totals = total.row("Total", resp.Tags, base)
	return resp
}

// empty reports whether the group's interactions sum to none.
func (g *group) empty() bool {
	for _, n := range g.media {
		if n != 0 {
			return false
		}
	}
	return true
}

func (g *group) row(label string, tags []string, base report.DrillConds) Row {
	row := Row{Key: g.key, Label: label, Counts: map[string]int64{}, Media: []domain.Media{}}
	for _, t := range tags {
		row.Counts[t] = g.counts[t]
		row.Total += g.counts[t]
	}
	for _, m := range domain.AllMedia {
		if g.media[m] > 0 {
			row.Media = append(row.Media, m)
		}
	}
	row.Drill = report.RowDrill(base, row.Media, g.conds...)
	return row
}

// tagOrder is the tag columns: every tag counted, most applied first, and
// the tags the request named even when none was applied.
func tagOrder(named []string, counts map[string]int64) []string {
	tags := slices.Clone(named)
	for t, n := range counts {
		if n != 0 && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	slices.SortFunc(tags, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	if tags == nil {
		tags = []string{}
	}
	return tags
}
