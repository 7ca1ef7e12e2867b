package conversations

import (
	"cmp"
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Labels of the rows of conversations without the grouped attribute.
const (
	NoAgent   = "(no agent)"
	NoChannel = "(no channel)"
)

// view is one grouping of the report.
type view struct {
	header  string // the label column's
	columns func(r *request) []column
	// time views (hour, date) place quarter-hour cells in local hours or
	// dates; the others group by a dimension of the cells and read whole
	// UTC days where they can.
	time     bool
	dim      int
	contacts bool // counts distinct contacts (a set per row: the overview only)
	// cond is the tracking filter of a dimension row; label names it.
	cond  func(key string) []report.DrillCond
	label func(key string, names report.AgentNames) string
	rank  func(key string) int // order before the label (overview: the media order)
	// owns are the drill-down parameters the rows set: they leave the
	// drill's base (the tracking report takes a parameter once), and the
	// totals row carries the request's own.
	owns []string
}

var views = map[string]*view{
	ViewOverview: {
		header: "Media", columns: overviewColumns, dim: dMedia, contacts: true,
		cond:  func(string) []report.DrillCond { return nil },
		label: func(k string, _ report.AgentNames) string { return k },
		rank:  func(k string) int { return slices.Index(domain.AllMedia, domain.Media(k)) },
	},
	ViewAgent: {
		header: "User", columns: agentColumns, dim: dAgent,
		cond:  func(k string) []report.DrillCond { return []report.DrillCond{report.DrillAny("finalAgents", k)} },
		label: func(k string, names report.AgentNames) string { return names.Label(k, NoAgent) },
		owns:  []string{"finalAgents"},
	},
	ViewHour: {header: "Hour", columns: flowColumns, time: true},
	ViewDate: {header: "Date", columns: flowColumns, time: true, owns: []string{"from", "to"}},
	ViewChannel: {
		header: "Channel (page)", columns: flowColumns, dim: dChannel,
		cond:  func(k string) []report.DrillCond { return []report.DrillCond{report.DrillAny("channel", k)} },
		label: func(k string, _ report.AgentNames) string { return cmp.Or(k, NoChannel) },
		owns:  []string{"channel"},
	},
}

// group is one row in the making.
type group struct {
	key, label string
	conds      []report.DrillCond
	t          *tally
}

// grouping sorts cells into a view's rows.
type grouping struct {
	v       *view
	buckets *report.TimeBuckets // time views
	rows    []*group            // time views: every bucket, in order
	byKey   map[string]*group   // dimension views
	names   report.AgentNames
}

func newGrouping(r *request, v *view) *grouping {
	g := &grouping{v: v, byKey: map[string]*group{}, names: report.AgentNames{}}
	if v.time {
		g.buckets = report.NewTimeBuckets(r.rng, r.view == ViewHour)
		for i, k := range g.buckets.Keys {
			g.rows = append(g.rows, &group{key: k, label: k, conds: g.buckets.Conds[i], t: newTally(v.contacts)})
		}
	}
	return g
}

// row is the group a cell of the bucket counts in.
func (g *grouping) row(c rollup.Cell, bucket int) *group {
	if g.v.time {
		return g.rows[bucket]
	}
	k := c.Dims[g.v.dim]
	g.names.Add(c.Dims[dAgent], c.Dims[dAgentName], c.Slot, c.Vals[rollup.N])
	r := g.byKey[k]
	if r == nil {
		r = &group{key: k, conds: g.v.cond(k), t: newTally(g.v.contacts)}
		g.byKey[k] = r
	}
	return r
}

// needs are the dimensions the view groups and counts by.
func (v *view) needs() []string {
	out := []string{rollup.DimMedia, rollup.DimSupportType, rollup.DimAssigned, rollup.DimDone, rollup.DimSupported}
	if !v.time {
		out = append(out, fam.Dims[v.dim])
	}
	if v.dim == dAgent {
		out = append(out, rollup.DimAgentName)
	}
	return out
}

// list is the rows in order: time buckets in time order; groups by their
// rank and label, the one without a value last.
func (g *grouping) list() []*group {
	if g.v.time {
		return g.rows
	}
	out := make([]*group, 0, len(g.byKey))
	for _, r := range g.byKey {
		if r.t.count(both, both, both, both) == 0 { // only in what the tiling took away
			continue
		}
		r.label = g.v.label(r.key, g.names)
		out = append(out, r)
	}
	rank := func(string) int { return 0 }
	if g.v.rank != nil {
		rank = g.v.rank
	}
	slices.SortFunc(out, func(a, b *group) int {
		return cmp.Or(lastIfEmpty(a.key, b.key), cmp.Compare(rank(a.key), rank(b.key)), cmp.Compare(a.label, b.label), cmp.Compare(a.key, b.key))
	})
	return out
}

// lastIfEmpty orders the row without a value (no agent, no channel) last.
func lastIfEmpty(a, b string) int {
	switch {
	case a == "" && b != "":
		return 1
	case a != "" && b == "":
		return -1
	}
	return 0
}
