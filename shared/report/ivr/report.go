package ivr

import (
	"cmp"
	"context"
	"net/url"
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Response is the report: the envelope (View is the grouping), the
// columns in display order, a row per group and the totals.
type Response struct {
	report.Envelope
	Columns []report.DrillColumn `json:"columns"`
	Rows    []Row                `json:"rows"`
	// Totals counts every interaction once, also when grouping by service
	// puts one interaction in the row of each of its services.
	Totals Row `json:"totals"`
}

// Row is one group's numbers. Averages are in seconds.
type Row struct {
	Key            string  `json:"key"` // the group's value: menu path, service, agent id, "07:00", "2026-03-08"; "" for none
	Label          string  `json:"label"`
	Received       int64   `json:"received"`
	Answered       int64   `json:"answered"`
	AbandonedIVR   int64   `json:"abandonedIvr"`
	AbandonedQueue int64   `json:"abandonedQueue"`
	Abandoned      int64   `json:"abandoned"`
	AvgWait        float64 `json:"avgWait"`
	AvgHandle      float64 `json:"avgHandle"`
	// Drill is the row's tracking filters (see report.Drill), null when
	// the tracking report can't list exactly its interactions.
	Drill *string        `json:"drill"`
	Media []domain.Media `json:"media"`
}

var voice = []domain.Media{domain.MediaVoice}

// Labels of the rows of interactions without the grouped attribute.
const (
	NoIVR     = "(no IVR)"
	NoService = "(no service)"
	NoAgent   = "(no agent)"
)

var keyHeader = map[string]string{
	GroupIVR: "IVR", GroupService: "Service", GroupAgent: "Agent", GroupHour: "Hour", GroupDay: "Date",
}

// columns of the rows after the group's label.
var columns = []report.DrillColumn{
	{Column: report.Column{Key: "received", Header: "Received"}, Drill: true},
	{Column: report.Column{Key: "answered", Header: "Answered"}, Drill: true},
	{Column: report.Column{Key: "abandonedIvr", Header: "Abandoned in IVR"}, Drill: true},
	{Column: report.Column{Key: "abandonedQueue", Header: "Abandoned in queue"}, Drill: true},
	{Column: report.Column{Key: "abandoned", Header: "Abandoned"}, Drill: true},
	// An average drills down to the calls it is over: those whose wait
	// (handle time) was measured.
	{Column: report.Column{Key: "avgWait", Header: "Average wait (s)"}, Drill: true},
	{Column: report.Column{Key: "avgHandle", Header: "Average handle time (s)"}, Drill: true},
}

// drillMetrics narrow a row to a column's interactions.
var drillMetrics = map[string]report.DrillMetric{
	"answered":       {Query: "voiceStatus=answered"},
	"abandonedIvr":   {Query: "abandonedIn=ivr"},
	"abandonedQueue": {Query: "abandonedIn=queue"},
	"abandoned":      {Query: "voiceStatus=abandoned"},
	"avgWait":        {Query: "waited=yes"},
	"avgHandle":      {Query: "handled=yes"},
}

// Report answers GET /v1/reports/ivr.
var Report report.Func = func(ctx context.Context, env report.Env, q url.Values) (any, error) {
	req, err := Parse(q, env.Identity, env.Settings, env.Now)
	if err != nil {
		return nil, err
	}
	var buckets *report.TimeBuckets
	if req.Group == GroupHour || req.Group == GroupDay {
		buckets = report.NewTimeBuckets(req.Range, req.Group == GroupHour)
	}
	cells, units, err := report.ReadCells(ctx, env, report.Read{
		Family: rollup.IVR, Range: req.Range, Buckets: buckets, Queues: req.Queues, Keep: req.keep,
		Needs: req.needs(),
	})
	if err != nil {
		return nil, err
	}
	resp := Build(req, cells)
	resp.Envelope = report.NewEnvelope("ivr", req.Group, req.Range, env.Now)
	resp.ReadUnits = units
	resp.Drill = report.NewDrill(req.Range, voice, req.drillConds().Base)
	for k, m := range drillMetrics {
		resp.Drill.Metrics[k] = m
	}
	return resp, nil
}

// Dimension indexes of the IVR family.
var (
	dimIVR       = rollup.IVR.Dim(rollup.DimIVR)
	dimAgent     = rollup.IVR.Dim(rollup.DimAgent)
	dimAgentName = rollup.IVR.Dim(rollup.DimAgentName)
	dimUserTags  = rollup.IVR.Dim(rollup.DimUserTags)
	dimServices  = rollup.IVR.Dim(rollup.DimServices)
)

// keep applies the request's filters to a cell.
func (r *Request) keep(c rollup.Cell) bool {
	return report.AnyOf(c, dimAgent, r.Agents) && report.AnyOf(c, dimIVR, r.IVRs) &&
		report.SetAnyOf(c, dimServices, r.Services) && report.SetAnyOf(c, dimUserTags, r.UserTags)
}

// needs are the dimensions the request groups and filters on.
func (r *Request) needs() []string {
	return report.NeedsIf(
		report.NeedIf{Dim: rollup.DimIVR, Set: r.Group == GroupIVR || len(r.IVRs) > 0},
		report.NeedIf{Dim: rollup.DimAgent, Set: r.Group == GroupAgent || len(r.Agents) > 0},
		report.NeedIf{Dim: rollup.DimAgentName, Set: r.Group == GroupAgent},
		report.NeedIf{Dim: rollup.DimServices, Set: r.Group == GroupService || len(r.Services) > 0},
		report.NeedIf{Dim: rollup.DimUserTags, Set: len(r.UserTags) > 0})
}

// Build computes the rows and totals from the request's cells (already
// filtered and scoped, and signed: see report.Cells), without the
// envelope.
func Build(r *Request, cells []report.Placed) *Response {
	resp := &Response{Columns: append([]report.DrillColumn{{Column: report.Column{Key: "label", Header: keyHeader[r.Group]}}}, columns...)}
	total := rollup.Vals{}
	base := r.drillConds()
	if r.Group == GroupHour || r.Group == GroupDay {
		b := report.NewTimeBuckets(r.Range, r.Group == GroupHour)
		sums := make([]rollup.Vals, len(b.Keys))
		for _, c := range cells {
			sums[c.Bucket] = add(sums[c.Bucket], c.Vals)
			total = add(total, c.Vals)
		}
		for i, k := range b.Keys {
			resp.Rows = append(resp.Rows, newRow(k, k, sums[i], report.RowDrill(base, voice, b.Conds[i]...)))
		}
	} else {
		sums := map[string]rollup.Vals{}
		names := report.AgentNames{}
		for _, c := range cells {
			for _, k := range groupKeys(r.Group, c.Cell) {
				sums[k] = add(sums[k], c.Vals)
			}
			if r.Group == GroupAgent {
				names.Add(c.Dims[dimAgent], c.Dims[dimAgentName], c.Slot, c.Vals[rollup.N])
			}
			total = add(total, c.Vals)
		}
		for k, v := range sums {
			if v[rollup.N] == 0 { // only in what the tiling took away
				continue
			}
			var label string
			var cond report.DrillCond
			switch r.Group {
			case GroupIVR:
				label, cond = cmp.Or(k, NoIVR), report.DrillAny("ivr", k)
			case GroupService:
				label, cond = cmp.Or(k, NoService), report.DrillAny("services", k)
			default:
				label, cond = names.Label(k, NoAgent), report.DrillAny("finalAgents", k)
			}
			resp.Rows = append(resp.Rows, newRow(k, label, v, report.RowDrill(base, voice, cond)))
		}
		// The row of those without comes last.
		slices.SortFunc(resp.Rows, func(a, b Row) int {
			return cmp.Or(cmpBool(a.Key == "", b.Key == ""), cmp.Compare(a.Label, b.Label), cmp.Compare(a.Key, b.Key))
		})
	}
	if resp.Rows == nil {
		resp.Rows = []Row{}
	}
	resp.Totals = newRow("", "Total", total, report.RowDrill(base, voice))
	return resp
}

// groupKeys are the groups a cell counts in: a call that went through
// several services counts in each of theirs, as the tracking report's
// services filter lists it under each.
func groupKeys(group string, c rollup.Cell) []string {
	switch group {
	case GroupIVR:
		return []string{c.Dims[dimIVR]}
	case GroupAgent:
		return []string{c.Dims[dimAgent]}
	}
	if s := c.Dims.Set(dimServices); len(s) > 0 {
		return s
	}
	return []string{""}
}

func newRow(key, label string, v rollup.Vals, drill *string) Row {
	abIVR, abQ := v[rollup.AbandonIVR], v[rollup.AbandonQ]
	return Row{
		Key: key, Label: label,
		Received: v[rollup.N], Answered: v[rollup.Answered],
		AbandonedIVR: abIVR, AbandonedQueue: abQ, Abandoned: abIVR + abQ,
		AvgWait:   report.Avg(v[rollup.WaitSum], v[rollup.WaitN]),
		AvgHandle: report.Avg(v[rollup.HandleSum], v[rollup.HandleN]),
		Drill:     drill, Media: voice,
	}
}

func add(sum, v rollup.Vals) rollup.Vals {
	if sum == nil {
		sum = rollup.Vals{}
	}
	for k, x := range v {
		sum[k] += x
	}
	return sum
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
