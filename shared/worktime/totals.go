package worktime

import (
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// Totals is an agent's working time over some stretch of time, in
// milliseconds.
type Totals struct {
	Logged  int64             `dynamo:"logged"` // available or paused
	Paused  int64             `dynamo:"paused"`
	Pauses  int64             `dynamo:"pauses"` // pause events
	Reasons map[string]Reason `dynamo:"reasons,omitempty"`
}

// Reason is one pause reason's count and time.
type Reason struct {
	Count int64 `dynamo:"n"`
	Time  int64 `dynamo:"t"`
}

// Add adds sign × o (sign is 1 or -1), dropping reasons that come to
// nothing so that equal totals compare equal.
func (t *Totals) Add(o Totals, sign int64) {
	t.Logged += sign * o.Logged
	t.Paused += sign * o.Paused
	t.Pauses += sign * o.Pauses
	for k, r := range o.Reasons {
		if t.Reasons == nil {
			t.Reasons = map[string]Reason{}
		}
		x := t.Reasons[k]
		x.Count += sign * r.Count
		x.Time += sign * r.Time
		if x == (Reason{}) {
			delete(t.Reasons, k)
		} else {
			t.Reasons[k] = x
		}
	}
	if len(t.Reasons) == 0 {
		t.Reasons = nil
	}
}

// Zero reports whether the totals hold nothing.
func (t Totals) Zero() bool {
	return t.Logged == 0 && t.Paused == 0 && t.Pauses == 0 && len(t.Reasons) == 0
}

// Whole is the totals of a whole day's spans.
func Whole(spans []Span) Totals {
	var t Totals
	for _, s := range spans {
		t.add(s, s.From, s.To, s.Event)
	}
	return t
}

// Within is the part of a day's spans inside the period's UTC intervals:
// the time inside them, and the pauses whose event is inside them.
func Within(day time.Time, spans []Span, in []period.Span) Totals {
	var t Totals
	base := day.UnixMilli()
	for _, p := range in {
		lo, hi := p.From.UnixMilli()-base, p.To.UnixMilli()-base
		if hi <= 0 || lo >= dayMs {
			continue
		}
		for _, s := range spans {
			a, b := max(s.From, lo), min(s.To, hi)
			counts := s.Event && lo <= s.From && s.From < hi
			if b < a {
				b = a
			}
			if b > a || counts {
				t.add(s, a, b, counts)
			}
		}
	}
	return t
}

func (t *Totals) add(s Span, from, to int64, counts bool) {
	d := to - from
	t.Logged += d
	if s.Status != Paused {
		return
	}
	t.Paused += d
	n := int64(0)
	if counts {
		n = 1
		t.Pauses++
	}
	if d == 0 && n == 0 {
		return
	}
	if t.Reasons == nil {
		t.Reasons = map[string]Reason{}
	}
	r := t.Reasons[s.Reason]
	r.Count += n
	r.Time += d
	t.Reasons[s.Reason] = r
}
