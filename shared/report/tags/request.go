// Package tags is seed 001's tag report, GET /v1/reports/tags: how many
// times each tag was applied to interactions, by local date or hour of
// day (a chart), by channel (the page, account or line) or by final
// agent ("number of tags attached" per staff), read from the rollup.Tags
// cells. docs/metrics.md defines the count.
package tags

import (
	"cmp"
	"net/url"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
)

// Views and intervals, as the view and interval parameters name them.
const (
	ViewTime    = "time"
	ViewChannel = "channel"
	ViewAgent   = "agent"

	IntervalDay  = "day"
	IntervalHour = "hour"
)

// Request is a parsed tag report request, scoped to the caller.
type Request struct {
	View     string
	Interval string // view=time only
	Range    period.Range
	Media    []domain.Media
	Channels []string // conversation.channelName, any of
	Agents   []string // final agent ids, any of
	Tags     []string // the tags counted, any of
	Queues   []string // the caller's scope: nil reads every queue
	Queue    string   // the queue the request named
}

// Parse reads the query string for the caller: 400 naming every bad
// parameter, 403 for a supervisor naming a queue that isn't theirs.
func Parse(q url.Values, id domain.Identity, settings domain.Settings, now time.Time) (*Request, error) {
	p := report.NewParams(q)
	r := &Request{
		View:     cmp.Or(p.One("view", ViewTime, ViewChannel, ViewAgent), ViewTime),
		Interval: p.One("interval", IntervalHour, IntervalDay),
		Range:    p.Period(settings, now, report.MaxDays, false),
		Media:    p.Media("media", domain.AllMedia),
		Channels: p.List("channel"),
		Agents:   p.List("agents"),
		Tags:     p.List("tags"),
	}
	switch {
	case r.View != ViewTime && r.Interval != "":
		p.Fail("interval", "applies only to view=time")
	case r.View == ViewTime:
		r.Interval = cmp.Or(r.Interval, IntervalDay)
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
		report.DrillAny("channel", r.Channels...),
		report.DrillAny("finalAgents", r.Agents...),
		report.DrillAny("tags", r.Tags...),
		report.DrillOne("queue", r.Queue),
	)
}
