// Package agents is the Agents report (seed 000): per agent, the
// interactions they handled last, their times and CSAT, and seed 001's
// working time (pauses, pause time by reason, logged time).
package agents

import (
	"context"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Row is one agent's line, or the totals.
type Row struct {
	AgentID      string                   `json:"agentId,omitempty"`
	AgentName    string                   `json:"agentName,omitempty"`
	Status       string                   `json:"status,omitempty"`
	Handled      int64                    `json:"handled"`
	Completed    int64                    `json:"completed"`
	Transferred  int64                    `json:"transferred"`
	AvgHandle    float64                  `json:"avgHandle"`
	AvgAFRT      float64                  `json:"avgFirstResponse"`
	AvgART       float64                  `json:"avgResponse"`
	AvgAPT       float64                  `json:"avgProductive"`
	AvgAUT       float64                  `json:"avgUnproductive"`
	CSAT         float64                  `json:"csat"`
	CSATCount    int64                    `json:"csatCount"`
	Pauses       int                      `json:"pauses"`
	PauseTime    float64                  `json:"pauseTime"`
	PauseReasons map[string]ReasonSummary `json:"pauseReasons"`
	LoggedTime   float64                  `json:"loggedTime"`
	Media        []domain.Media           `json:"media,omitempty"`
	Drill        string                   `json:"drill,omitempty"`

	sums rollup.Vals
	work Work
}

// ReasonSummary is a pause reason's count and time in seconds.
type ReasonSummary struct {
	Count int     `json:"count"`
	Time  float64 `json:"time"`
}

// Response is the report.
type Response struct {
	report.Envelope
	Columns []report.Column `json:"columns"`
	Rows    []*Row          `json:"rows"`
	Totals  *Row            `json:"totals"`
}

// columns in the seed's order, with English headers.
var columns = []report.Column{
	{Key: "agentName", Header: "Agent"}, {Key: "status", Header: "Status"},
	{Key: "handled", Header: "Interactions"}, {Key: "completed", Header: "Completed"}, {Key: "transferred", Header: "Transferred"},
	{Key: "avgHandle", Header: "Average handle time (s)"}, {Key: "avgFirstResponse", Header: "AFRT (s)"},
	{Key: "avgResponse", Header: "ART (s)"}, {Key: "avgProductive", Header: "APT (s)"}, {Key: "avgUnproductive", Header: "AUT (s)"},
	{Key: "csat", Header: "CSAT"}, {Key: "pauses", Header: "Pauses"}, {Key: "pauseTime", Header: "Pause time (s)"},
	{Key: "loggedTime", Header: "Logged time (s)"},
}

// filters is a parsed request.
type filters struct {
	media    []domain.Media
	services []string
	userTags []string
	users    []string
	statuses []string
	queue    string
}

// Report answers GET /v1/reports/agents.
var Report report.Func = func(ctx context.Context, env report.Env, q url.Values) (any, error) {
	p := report.NewParams(q)
	rng := p.Period(env.Settings, env.Now, report.MaxDays, true)
	var f filters
	f.media = p.Media("media", domain.AllMedia)
	f.services = p.List("services")
	f.userTags = p.List("userTags")
	f.users = p.List("users")
	for _, s := range p.List("userStatus") {
		if !slices.Contains([]string{StatusAvailable, StatusPaused, StatusOffline}, s) {
			p.Fail("userStatus", "values must be available, paused or offline (got \""+domain.Clip(s)+"\")")
		}
		f.statuses = append(f.statuses, s)
	}
	queues, queue, scopeErr := p.Queues(env.Identity)
	f.queue = queue
	if err := p.Err(); err != nil {
		return nil, err
	}
	if scopeErr != nil {
		return nil, scopeErr
	}

	fam := rollup.Agents
	im, ia, in, iu, is := fam.Dim(rollup.DimMedia), fam.Dim(rollup.DimAgent),
		fam.Dim(rollup.DimAgentName), fam.Dim(rollup.DimUserTags), fam.Dim(rollup.DimServices)
	if err := report.OnQuarters(rng); err != nil {
		return nil, err // before any read starts
	}
	// Working time comes from other items than the cells: read both at once.
	var (
		work      map[string]*Work
		workUnits float64
		workErr   = make(chan error, 1)
	)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel() // on an early return, stop the other read
	go func() {
		var err error
		work, workUnits, err = workTime(wctx, env, rng.Spans())
		workErr <- err
	}()
	rows := map[string]*Row{}
	names := report.AgentNames{}
	byMedia := map[string]map[domain.Media]int64{} // interactions by agent and media
	units, err := report.Cells(ctx, env.Reader, env.Tenant, report.Read{
		Family: fam, Range: rng, Queues: queues,
		Needs: append([]string{rollup.DimMedia, rollup.DimAgent, rollup.DimAgentName}, report.NeedsIf(
			report.NeedIf{Dim: rollup.DimServices, Set: len(f.services) > 0},
			report.NeedIf{Dim: rollup.DimUserTags, Set: len(f.userTags) > 0})...),
		Keep: func(c rollup.Cell) bool {
			return report.AnyOf(c, im, mediaStrings(f.media)) && report.SetAnyOf(c, is, f.services) &&
				report.SetAnyOf(c, iu, f.userTags) && report.AnyOf(c, ia, f.users)
		},
		Holding: report.HoldingOne(rollup.DimServices, f.services),
	}, func(c rollup.Cell, _ int) {
		id := c.Dims[ia]
		r := rows[id]
		if r == nil {
			r = &Row{AgentID: id, sums: rollup.Vals{}}
			rows[id] = r
			byMedia[id] = map[domain.Media]int64{}
		}
		names.Add(id, c.Dims[in], c.Slot, c.Vals[rollup.N])
		addVals(r.sums, c.Vals)
		byMedia[id][domain.Media(c.Dims[im])] += c.Vals[rollup.N]
	})
	if err != nil {
		return nil, err
	}
	for id, r := range rows {
		if r.sums[rollup.N] == 0 { // only in what the tiling took away
			delete(rows, id)
			continue
		}
		r.AgentName = names.Name(id)
		for _, m := range domain.AllMedia {
			if byMedia[id][m] > 0 {
				r.Media = append(r.Media, m)
			}
		}
	}

	if err := <-workErr; err != nil {
		return nil, err
	}
	units += workUnits
	interactionFilters := len(f.media) > 0 || len(f.services) > 0
	for id, w := range work {
		if !visible(w, queues) || (len(f.users) > 0 && !slices.Contains(f.users, id)) ||
			(len(f.userTags) > 0 && !anyIn(w.Tags, f.userTags)) {
			continue
		}
		r := rows[id]
		if r == nil {
			// Agents with working time but no interaction are listed,
			// unless the request narrows the interactions.
			if interactionFilters || (w.Logged == 0 && w.Pauses == 0) {
				continue
			}
			r = &Row{AgentID: id, AgentName: w.Name, sums: rollup.Vals{}}
			rows[id] = r
		}
		r.work = *w
	}

	out := &Response{Envelope: report.NewEnvelope("agents", "", rng, env.Now), Columns: columns, Rows: []*Row{}}
	out.ReadUnits = units
	totals := &Row{sums: rollup.Vals{}, work: Work{ByReason: map[string]*Pause{}}}
	var media []domain.Media
	for _, r := range rows {
		if r.work.Status == "" {
			r.work.Status = StatusOffline
		}
		if len(f.statuses) > 0 && !slices.Contains(f.statuses, r.work.Status) {
			continue
		}
		r.finish()
		r.Drill = report.DrillConds{report.DrillAny("finalAgents", r.AgentID)}.Values().Encode()
		out.Rows = append(out.Rows, r)
		addVals(totals.sums, r.sums)
		totals.work.add(&r.work)
		for _, m := range r.Media {
			if !slices.Contains(media, m) {
				media = append(media, m)
			}
		}
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if x, y := strings.ToLower(a.AgentName), strings.ToLower(b.AgentName); x != y {
			return x < y
		}
		return a.AgentID < b.AgentID
	})
	totals.work.Status = ""
	totals.finish()
	out.Totals = totals
	slices.Sort(media)
	out.Drill = report.NewDrill(rng, media, report.DrillFilters(
		report.DrillAny("services", f.services...), report.DrillAny("userTags", f.userTags...),
		report.DrillOne("queue", f.queue)).Base)
	var textish []domain.Media
	for _, m := range media {
		if report.Applies("serviceStatus", m) {
			textish = append(textish, m)
		}
	}
	out.Drill.Metrics = map[string]report.DrillMetric{
		"completed":   {Query: "serviceStatus=completed", Media: textish},
		"transferred": {Query: "serviceStatus=transferred", Media: textish},
		"csat":        {Query: "rated=yes"},
		"avgHandle":   {Query: "handled=yes"}, // the interactions the average is over
	}
	return out, nil
}

// finish turns the sums and working time into the row's figures.
func (r *Row) finish() {
	v := r.sums
	r.Handled, r.Completed, r.Transferred = v[rollup.N], v[rollup.Completed], v[rollup.Transfer]
	r.AvgHandle = report.Avg(v[rollup.HandleSum], v[rollup.HandleN])
	r.AvgAFRT = report.Avg(v[rollup.AFRTSum], v[rollup.AFRTN])
	r.AvgART = report.Avg(v[rollup.ARTSum], v[rollup.ARTN])
	r.AvgAPT = report.Avg(v[rollup.APTSum], v[rollup.APTN])
	r.AvgAUT = report.Avg(v[rollup.AUTSum], v[rollup.AUTN])
	r.CSAT, r.CSATCount = report.Ratio(v[rollup.CSATSum], v[rollup.CSATN]), v[rollup.CSATN]
	r.Status = r.work.Status
	r.Pauses, r.PauseTime, r.LoggedTime = r.work.Pauses, seconds(r.work.Paused), seconds(r.work.Logged)
	r.PauseReasons = map[string]ReasonSummary{}
	for reason, p := range r.work.ByReason {
		if p.Count > 0 || p.Time > 0 {
			r.PauseReasons[reason] = ReasonSummary{Count: p.Count, Time: seconds(p.Time)}
		}
	}
}

func (w *Work) add(o *Work) {
	w.Logged += o.Logged
	w.Pauses += o.Pauses
	w.Paused += o.Paused
	for reason, p := range o.ByReason {
		q := w.ByReason[reason]
		if q == nil {
			q = &Pause{}
			w.ByReason[reason] = q
		}
		q.Count += p.Count
		q.Time += p.Time
	}
}

func seconds(d time.Duration) float64 { return float64(d.Milliseconds()) / 1000 }

func addVals(dst, src rollup.Vals) {
	for k, v := range src {
		dst[k] += v
	}
}

// visible reports whether a supervisor's scope covers an agent: the agent
// serves one of the queues (queues nil: an admin, everyone).
func visible(w *Work, queues []string) bool {
	return queues == nil || anyIn(w.Queues, queues)
}

func anyIn(have, want []string) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

func mediaStrings(m []domain.Media) []string {
	out := make([]string, len(m))
	for i, x := range m {
		out[i] = string(x)
	}
	return out
}
