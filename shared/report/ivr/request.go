// Package ivr is seed 000's IVR report, GET /v1/reports/ivr: the voice
// calls received, answered and abandoned (in the IVR or in a queue), with
// their average wait and handle time, grouped by IVR menu path, service,
// final agent, local hour of day or local date, read from the rollup.IVR
// cells. docs/metrics.md defines each number.
package ivr

import (
	"cmp"
	"net/url"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
)

// Groupings, as the group parameter names them (seed 000's "Grouping").
const (
	GroupIVR     = "ivr"
	GroupService = "service"
	GroupAgent   = "agent"
	GroupHour    = "hour"
	GroupDay     = "day"
)

var groups = []string{GroupIVR, GroupService, GroupAgent, GroupHour, GroupDay}

// Request is a parsed IVR report request, scoped to the caller.
type Request struct {
	Group    string
	Range    period.Range
	Agents   []string // final agent ids, any of
	Services []string // any of the final service and the legs'
	IVRs     []string // menu paths, any of
	UserTags []string // the final agent's user tags, any of
	Queues   []string // the caller's scope: nil reads every queue
	Queue    string   // the queue the request named
}

// Parse reads the query string for the caller: 400 naming every bad
// parameter, 403 for a supervisor naming a queue that isn't theirs.
func Parse(q url.Values, id domain.Identity, settings domain.Settings, now time.Time) (*Request, error) {
	p := report.NewParams(q)
	r := &Request{
		Group:    cmp.Or(p.One("group", groups...), GroupIVR),
		Range:    p.Period(settings, now, report.MaxDays, false),
		Agents:   p.List("agents"),
		Services: p.List("services"),
		IVRs:     p.List("ivr"),
		UserTags: p.List("userTags"),
	}
	var err error
	if r.Queues, r.Queue, err = p.Scope(id); err != nil {
		return nil, err
	}
	return r, nil
}

// drillConds are the report's filters as tracking parameters.
func (r *Request) drillConds() report.DrillConds {
	return report.DrillFilters(
		report.DrillAny("finalAgents", r.Agents...),
		report.DrillAny("services", r.Services...),
		report.DrillAny("ivr", r.IVRs...),
		report.DrillAny("userTags", r.UserTags...),
		report.DrillOne("queue", r.Queue),
	)
}
