// Package worktime is agents' working time (seed 001): the statuses an
// agent's events put them in, cut into UTC days, and summed exactly over
// any period: its dates in any zone, with or without a daily time window.
//
// The store keeps, per agent, one item per UTC day with the day's spans
// (Day) and one per UTC month with the month's totals (Totals), both
// derived from the events alone. A report reads a month's totals where the
// period covers most of the month and takes away what the few days it
// doesn't cover add (Plan), so a month of working time for hundreds of
// agents costs a few hundred small items, not the month's events.
package worktime

import (
	"cmp"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Cap is the longest a status lasts without another event: platforms end
// sessions left open for a day. Capping makes a status independent of the
// period it is looked at from, so the working time of two adjacent periods
// adds up to that of both.
const Cap = 24 * time.Hour

// Status is what an event puts an agent in while it lasts.
type Status byte

const (
	Offline   Status = 0
	Available Status = 'a' // logged in, ready
	Paused    Status = 'p' // logged in, paused
)

// StatusOf is the status an event type puts an agent in.
func StatusOf(eventType string) Status {
	switch eventType {
	case "login", "ready":
		return Available
	case "pause":
		return Paused
	}
	return Offline
}

// Span is a stretch of one UTC day that an agent spent in one status, in
// milliseconds from the day's 00:00 UTC.
type Span struct {
	From, To int64 // From ≤ To; a pause may last no time at all and still counts
	Status   Status
	Reason   string // the pause's reason
	// Event: the event that began the status is at From in this day, so a
	// pause counts here (and not in the days it runs on into).
	Event bool
}

const dayMs = int64(24 * time.Hour / time.Millisecond)

// Days cuts one agent's events (any order; the same agent) into the spans
// of each UTC day they touch, keyed by the day's 00:00 UTC. Events at the
// same instant are taken in type order, as the store keeps them, and a
// status lasts until the next event or Cap after its own.
func Days(events []domain.AgentEvent) map[time.Time][]Span {
	evs := Sorted(events)
	out := map[time.Time][]Span{}
	for i, e := range evs {
		st := StatusOf(e.Type)
		if st == Offline {
			continue
		}
		from := e.At.UnixMilli()
		to := from + Cap.Milliseconds()
		if i+1 < len(evs) {
			to = min(to, evs[i+1].At.UnixMilli())
		}
		if to == from && st != Paused {
			continue // nothing to count
		}
		reason := ""
		if st == Paused {
			reason = e.Reason
		}
		first := true
		for at := from; first || at < to; first = false {
			day := at - mod(at, dayMs)
			end := min(to, day+dayMs)
			k := time.UnixMilli(day).UTC()
			out[k] = append(out[k], Span{From: at - day, To: end - day, Status: st, Reason: reason, Event: first})
			at = end
		}
	}
	return out
}

// Sorted is the events in the store's order (instant, then type), with a
// second report of the same fact (agent, instant, type) dropped: the
// store keeps the first.
func Sorted(events []domain.AgentEvent) []domain.AgentEvent {
	evs := slices.Clone(events)
	for i := range evs {
		evs[i].At = domain.Normalize(evs[i].At)
	}
	slices.SortStableFunc(evs, func(a, b domain.AgentEvent) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.Type, b.Type)
	})
	return slices.CompactFunc(evs, func(a, b domain.AgentEvent) bool { return a.At.Equal(b.At) && a.Type == b.Type })
}

func mod(a, b int64) int64 { return ((a % b) + b) % b }

// StatusOn is the status the spans of t's UTC day (days as Days keys
// them) give the instant t.
func StatusOn(days map[time.Time][]Span, t time.Time) Status {
	d := dayOf(t)
	return StatusAt(days[d], t.Sub(d).Milliseconds())
}

// StatusAt is the status a day's spans give the instant ms (from the
// day's start): Offline when no span covers it.
func StatusAt(spans []Span, ms int64) Status {
	for _, s := range spans {
		if s.From <= ms && ms < s.To {
			return s.Status
		}
	}
	return Offline
}
