package conversations

import (
	"context"
	"net/url"
	"slices"

	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Name is the report's name in its envelope.
const Name = "conversations"

// Report serves GET /v1/reports/conversations.
var Report report.Func = run

// Response is one view of the report.
type Response struct {
	report.Envelope
	Columns []report.Column `json:"columns"` // "label", then the metrics, in display order
	Rows    []Row           `json:"rows"`
	Totals  Row             `json:"totals"` // the metrics over every row, from the same cells
}

// Row maps column keys to values, and also holds "key" (the group's
// value: media, agent id, "07:00", "2026-03-08", channel; "" for none),
// "drill" (the row's tracking filters, see report.Drill; null when the
// tracking report can't list exactly its interactions) and "media" (the
// media the row has conversations of).
type Row map[string]any

func run(ctx context.Context, env report.Env, q url.Values) (any, error) {
	r, err := parse(q, env)
	if err != nil {
		return nil, err
	}
	v := views[r.view]
	g := newGrouping(r, v)
	total := newTally(v.contacts)
	units, err := report.Cells(ctx, env.Reader, env.Tenant,
		report.Read{Family: rollup.Conversations, Range: r.rng, Buckets: g.buckets, Queues: r.queues,
			Needs: append(v.needs(), r.needs()...), Keep: r.keep,
			// The rows' contacts by their group and the filters only:
			// the cube's breakdown is the other metrics'.
			Contacts: v.contacts, ContactNeeds: append([]string{fam.Dims[v.dim]}, r.needs()...)},
		func(c rollup.Cell, bucket int) {
			g.row(c, bucket).t.add(c)
			total.add(c)
		})
	if err != nil {
		return nil, err
	}

	resp := &Response{
		Envelope: report.NewEnvelope(Name, r.view, r.rng, env.Now),
		Columns:  []report.Column{{Key: "label", Header: v.header}},
		Rows:     []Row{},
	}
	resp.ReadUnits = units
	base := r.conds()
	present := total.mediaPresent()
	resp.Drill = report.NewDrill(r.rng, present, base.Base)
	for m, b := range resp.Drill.Base {
		q, _ := url.ParseQuery(b)
		for _, name := range v.owns {
			q.Del(name)
		}
		resp.Drill.Base[m] = q.Encode()
	}
	var cols []column
	for _, c := range v.columns(r) {
		query, ok := c.cond.query(r)
		if !ok {
			continue
		}
		cols = append(cols, c)
		resp.Columns = append(resp.Columns, report.Column{Key: c.key, Header: c.header})
		if !c.noDrill {
			resp.Drill.Metrics[c.key] = report.DrillMetric{Query: query}
		}
	}
	row := func(key, label string, t *tally, drill *string) Row {
		out := Row{"key": key, "label": label, "media": t.mediaPresent(), "drill": drill}
		for _, c := range cols {
			out[c.key] = c.value(t)
		}
		return out
	}
	for _, gr := range g.list() {
		resp.Rows = append(resp.Rows, row(gr.key, gr.label, gr.t, report.RowDrill(base, gr.t.mediaPresent(), gr.conds...)))
	}
	resp.Totals = row("", "Total", total, report.RowDrill(base, present, r.owned(v, base)...))
	return resp, nil
}

// conds are the request's filters as tracking conditions.
func (r *request) conds() report.DrillConds {
	return report.DrillFilters(
		report.DrillAny("category", r.categories...), report.DrillAny("tags", r.tags...),
		report.DrillAny("userTags", r.userTags...), report.DrillAny("finalAgents", r.users...),
		report.DrillAny("channel", r.channels...),
		report.DrillOne("queue", r.queue), report.DrillOne("done", r.done),
		report.DrillOne("supported", r.supported), report.DrillOne("supportType", r.supportType))
}

// owned are the conditions of the parameters a view's rows set, which
// the base leaves out: the totals row states the request's own.
func (r *request) owned(v *view, base report.DrillConds) []report.DrillCond {
	var out []report.DrillCond
	for _, name := range v.owns {
		switch name {
		case "from":
			out = append(out, report.DrillOne(name, r.rng.From.String()))
		case "to":
			out = append(out, report.DrillOne(name, r.rng.To.String()))
		default:
			if i := slices.IndexFunc(base, func(c report.DrillCond) bool { return c.Param == name }); i >= 0 {
				out = append(out, base[i])
			}
		}
	}
	return out
}
