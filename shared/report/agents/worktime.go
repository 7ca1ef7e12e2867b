package agents

import (
	"context"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/worktime"
)

// Agent statuses, as the userStatus filter names them.
const (
	StatusAvailable = "available" // logged in, not paused
	StatusPaused    = "paused"
	StatusOffline   = "offline" // logged out, or no event for worktime.Cap
)

// Work is one agent's working time inside the period (seed 001 "Working
// time"; seed 000 Agents report "user status").
type Work struct {
	Name     string
	Tags     []string
	Queues   []string
	Logged   time.Duration // available or paused
	Pauses   int           // pause events inside the period
	Paused   time.Duration
	ByReason map[string]*Pause
	Status   string // at the end of the period, or now if sooner
}

// Pause is a pause reason's count and time.
type Pause struct {
	Count int           `json:"count"`
	Time  time.Duration `json:"-"`
}

// workTime is every agent's working time in the period (its UTC spans)
// up to now, from the stored working-time items (worktime.Plan): the
// months' totals and the few days that complete them. The agents' name,
// queues and tags are those of their latest event.
func workTime(ctx context.Context, env report.Env, spans []period.Span) (map[string]*Work, float64, error) {
	end := env.Now
	if len(spans) > 0 && spans[len(spans)-1].To.Before(end) {
		end = spans[len(spans)-1].To
	}
	spans = until(spans, end)
	if len(spans) == 0 {
		return nil, 0, nil
	}
	plan := worktime.NewPlan(spans, end)
	got, err := env.Store.ReadWork(ctx, env.Tenant, plan)
	if err != nil {
		return nil, 0, err
	}
	out := map[string]*Work{}
	for id, a := range got.Agents {
		days := got.Days[id]
		t := plan.Sum(spans, got.Months[id], days)
		w := &Work{Name: a.Name, Tags: a.Tags, Queues: a.Queues, ByReason: map[string]*Pause{},
			Logged: ms(t.Logged), Paused: ms(t.Paused), Pauses: int(t.Pauses),
			Status: statusName(worktime.StatusOn(days, end.Add(-time.Millisecond)))}
		for reason, r := range t.Reasons {
			w.ByReason[reason] = &Pause{Count: int(r.Count), Time: ms(r.Time)}
		}
		out[id] = w
	}
	return out, got.Units, nil
}

// until is the spans cut at end: working time in the future is a status
// that has not lasted yet.
func until(spans []period.Span, end time.Time) []period.Span {
	var out []period.Span
	for _, s := range spans {
		if !s.From.Before(end) {
			break
		}
		if s.To.After(end) {
			s.To = end
		}
		out = append(out, s)
	}
	return out
}

func statusName(s worktime.Status) string {
	switch s {
	case worktime.Available:
		return StatusAvailable
	case worktime.Paused:
		return StatusPaused
	}
	return StatusOffline
}

func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }
