package worktime

import (
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// Plan is what a period's working time is read from: the totals of whole
// UTC months, and the spans of UTC days.
type Plan struct {
	Months []time.Time // first of the month, 00:00 UTC
	Days   []time.Time // 00:00 UTC
	months map[time.Time]bool
}

// NewPlan chooses the fewest reads that give the period (its UTC
// intervals, ascending) exactly. For each UTC month it touches it reads
// either the days the period touches, or the month's totals and the days
// the period doesn't cover whole (their outside part is taken away): the
// month of a 31-day report in São Paulo is one month item and two days,
// a daily time window is every day. statusAt (the period's end, or now if
// sooner) adds the day that tells each agent's status then.
func NewPlan(in []period.Span, statusAt time.Time) Plan {
	p := Plan{months: map[time.Time]bool{}}
	if len(in) == 0 {
		return p
	}
	type month struct{ touched, partial []time.Time }
	var order []time.Time
	byMonth := map[time.Time]*month{}
	first := dayOf(in[0].From)
	last := dayOf(in[len(in)-1].To.Add(-time.Millisecond))
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		if byMonth[m] == nil {
			byMonth[m] = &month{}
			order = append(order, m)
		}
		switch covered(in, d) {
		case full:
			byMonth[m].touched = append(byMonth[m].touched, d)
		case part:
			byMonth[m].touched = append(byMonth[m].touched, d)
			byMonth[m].partial = append(byMonth[m].partial, d)
		}
	}
	for _, m := range order {
		x := byMonth[m]
		// Every day of the month the period doesn't cover whole, the
		// untouched ones included, is read to be taken away.
		days := m.AddDate(0, 1, 0).Sub(m) / (24 * time.Hour)
		notWhole := int(days) - (len(x.touched) - len(x.partial))
		if 1+notWhole < len(x.touched) {
			p.Months = append(p.Months, m)
			p.months[m] = true
			for d := m; d.Before(m.AddDate(0, 1, 0)); d = d.AddDate(0, 0, 1) {
				if covered(in, d) != full {
					p.Days = append(p.Days, d)
				}
			}
			continue
		}
		p.Days = append(p.Days, x.touched...)
	}
	if !statusAt.IsZero() {
		if d := dayOf(statusAt.Add(-time.Millisecond)); !p.reads(d) {
			p.Days = append(p.Days, d)
		}
	}
	return p
}

// UsesMonth reports whether the plan reads the month's totals: then a day
// it reads counts for its part inside the period less its whole.
func (p Plan) UsesMonth(day time.Time) bool {
	return p.months[time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)]
}

func (p Plan) reads(d time.Time) bool {
	for _, x := range p.Days {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// Sum is one agent's working time in the period from what the plan read:
// the months' totals, and the spans of the plan's days (a day the agent
// has no spans in is absent).
func (p Plan) Sum(in []period.Span, months []Totals, days map[time.Time][]Span) Totals {
	var t Totals
	for _, m := range months {
		t.Add(m, 1)
	}
	for d, spans := range days {
		t.Add(Within(d, spans, in), 1)
		if p.UsesMonth(d) {
			t.Add(Whole(spans), -1)
		}
	}
	return t
}

type coverage int

const (
	none coverage = iota
	part
	full
)

// covered says how much of UTC day d the intervals cover.
func covered(in []period.Span, d time.Time) coverage {
	end := d.AddDate(0, 0, 1)
	var got time.Duration
	for _, s := range in {
		a, b := s.From, s.To
		if a.Before(d) {
			a = d
		}
		if b.After(end) {
			b = end
		}
		if b.After(a) {
			got += b.Sub(a)
		}
	}
	switch {
	case got == 0:
		return none
	case got == end.Sub(d):
		return full
	}
	return part
}

func dayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
