package agents

import (
	"sort"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
)

// Agent statuses, as the userStatus filter names them.
const (
	StatusAvailable = "available" // logged in, not paused
	StatusPaused    = "paused"
	StatusOffline   = "offline" // logged out, or no event in the look-back
)

// Lookback is how far before the period an agent's status is looked for:
// an agent with no event in the 24 hours before the period starts it
// logged out (platforms end sessions left open for a day).
const Lookback = 24 * time.Hour

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

// WorkTime replays each agent's events in time order: an event puts the
// agent in its status until the next one (or until end). The time of each
// status is measured inside spans, pauses are counted where their event
// falls inside spans, and the status at end is the agent's last.
func WorkTime(events []domain.AgentEvent, spans []period.Span, end time.Time) map[string]*Work {
	byAgent := map[string][]domain.AgentEvent{}
	for _, e := range events {
		byAgent[e.AgentID] = append(byAgent[e.AgentID], e)
	}
	out := map[string]*Work{}
	for id, evs := range byAgent {
		// The store's order: instant, then type; the same here whatever
		// order the days were read in.
		sort.Slice(evs, func(i, j int) bool {
			if !evs[i].At.Equal(evs[j].At) {
				return evs[i].At.Before(evs[j].At)
			}
			return evs[i].Type < evs[j].Type
		})
		w := &Work{ByReason: map[string]*Pause{}, Status: StatusOffline}
		for i, e := range evs {
			if e.At.After(end) || e.At.Equal(end) {
				break
			}
			w.Status = statusOf(e.Type)
			if e.AgentName != "" {
				w.Name = e.AgentName
			}
			w.Tags, w.Queues = e.Tags, e.Queues
			until := end
			if i+1 < len(evs) && evs[i+1].At.Before(end) {
				until = evs[i+1].At
			}
			inside := overlap(spans, e.At, until)
			switch w.Status {
			case StatusAvailable:
				w.Logged += inside
			case StatusPaused:
				w.Logged += inside
				w.Paused += inside
				p := w.ByReason[e.Reason]
				if p == nil {
					p = &Pause{}
					w.ByReason[e.Reason] = p
				}
				p.Time += inside
				if within(spans, e.At) {
					w.Pauses++
					p.Count++
				}
			}
		}
		out[id] = w
	}
	return out
}

func statusOf(eventType string) string {
	switch eventType {
	case "login", "ready":
		return StatusAvailable
	case "pause":
		return StatusPaused
	}
	return StatusOffline
}

// overlap is how much of [from, to) lies inside the spans.
func overlap(spans []period.Span, from, to time.Time) time.Duration {
	var d time.Duration
	for _, s := range spans {
		a, b := s.From, s.To
		if from.After(a) {
			a = from
		}
		if to.Before(b) {
			b = to
		}
		if b.After(a) {
			d += b.Sub(a)
		}
	}
	return d
}

func within(spans []period.Span, t time.Time) bool {
	for _, s := range spans {
		if !t.Before(s.From) && t.Before(s.To) {
			return true
		}
	}
	return false
}
