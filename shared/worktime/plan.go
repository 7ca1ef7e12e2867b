package worktime

import (
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// Plan is what a period's working time is read from: the totals of whole
// UTC months (or some of their hours of the day), and the spans of UTC
// days.
type Plan struct {
	Months []time.Time // first of the month, 00:00 UTC
	Days   []time.Time // 00:00 UTC
	months map[time.Time]bool
	// clock: the UTC hours of the day taken from a month's Hours rather
	// than its Totals (a daily time window).
	clock map[time.Time][]int
}

// NewPlan chooses the fewest reads that give the period (its UTC
// intervals, ascending) exactly. For each UTC month it touches it reads
// either the days the period touches; or the month's totals and the days
// the period doesn't cover whole (their outside part is taken away); or,
// for a daily time window, the month's hours of the day that most of its
// days hold whole and the days that differ from them. The month of a
// 31-day report in São Paulo is one month item and two days; a
// 09:00–12:00 window over it, one month item. statusAt (the period's
// end, or now if sooner) adds the day that tells each agent's status
// then.
func NewPlan(in []period.Span, statusAt time.Time) Plan {
	p := Plan{months: map[time.Time]bool{}, clock: map[time.Time][]int{}}
	if len(in) == 0 {
		return p
	}
	type month struct {
		touched, partial []time.Time
		hours            map[time.Time][24]coverage // by day
	}
	var order []time.Time
	byMonth := map[time.Time]*month{}
	first := dayOf(in[0].From)
	last := dayOf(in[len(in)-1].To.Add(-time.Millisecond))
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		if byMonth[m] == nil {
			byMonth[m] = &month{hours: map[time.Time][24]coverage{}}
			order = append(order, m)
		}
		x := byMonth[m]
		switch covered(in, d, d.AddDate(0, 0, 1)) {
		case full:
			x.touched = append(x.touched, d)
		case part:
			x.touched = append(x.touched, d)
			x.partial = append(x.partial, d)
			var hs [24]coverage
			for h := range hs {
				from := d.Add(time.Duration(h) * time.Hour)
				hs[h] = covered(in, from, from.Add(time.Hour))
			}
			x.hours[d] = hs
		}
	}
	for _, m := range order {
		x := byMonth[m]
		next := m.AddDate(0, 1, 0)
		days := int(next.Sub(m) / (24 * time.Hour))
		// Every day of the month the period doesn't cover whole, the
		// untouched ones included, is read to be taken away.
		notWhole := days - (len(x.touched) - len(x.partial))
		hours, differ := clockHours(x.hours, m, days)
		switch {
		case hours != nil && 1+len(differ) < min(len(x.touched), 1+notWhole):
			p.Months = append(p.Months, m)
			p.clock[m] = hours
			p.Days = append(p.Days, differ...)
		case 1+notWhole < len(x.touched):
			p.Months = append(p.Months, m)
			p.months[m] = true
			for d := m; d.Before(next); d = d.AddDate(0, 0, 1) {
				if covered(in, d, d.AddDate(0, 0, 1)) != full {
					p.Days = append(p.Days, d)
				}
			}
		default:
			p.Days = append(p.Days, x.touched...)
		}
	}
	if !statusAt.IsZero() {
		if d := dayOf(statusAt.Add(-time.Millisecond)); !p.reads(d) {
			p.Days = append(p.Days, d)
		}
	}
	return p
}

// clockHours are the UTC hours of the day that more than half of the
// month's days hold whole, when the period covers only parts of its days
// (a time window), and the days whose part is not exactly those hours:
// what the month's Hours give is right for every other day.
func clockHours(partial map[time.Time][24]coverage, m time.Time, days int) (hours []int, differ []time.Time) {
	if len(partial) <= days/2 {
		return nil, nil
	}
	var whole [24]int
	for _, hs := range partial {
		for h, c := range hs {
			if c == full {
				whole[h]++
			}
		}
	}
	for h, n := range whole {
		if n > days/2 {
			hours = append(hours, h)
		}
	}
	if hours == nil {
		return nil, nil
	}
	for d := m; d.Before(m.AddDate(0, 1, 0)); d = d.AddDate(0, 0, 1) {
		hs, ok := partial[d]
		if !ok {
			differ = append(differ, d) // untouched, or whole: not the hours
			continue
		}
		for h, c := range hs {
			if (c == full) != slices.Contains(hours, h) || c == part {
				differ = append(differ, d)
				break
			}
		}
	}
	return hours, differ
}

// UsesMonth reports whether the plan reads the month's totals or hours:
// then a day it reads counts for its part inside the period less what the
// month gave for it.
func (p Plan) UsesMonth(day time.Time) bool {
	m := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	return p.months[m] || p.clock[m] != nil
}

// UsesHours reports whether some month is read for its hours of the day:
// the month items' hours are read only then.
func (p Plan) UsesHours() bool { return len(p.clock) > 0 }

func (p Plan) reads(d time.Time) bool {
	for _, x := range p.Days {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// Sum is one agent's working time in the period from what the plan read:
// the months' items (by their first day), and the spans of the plan's
// days (a day the agent has no spans in is absent).
func (p Plan) Sum(in []period.Span, months map[time.Time]Month, days map[time.Time][]Span) Totals {
	var t Totals
	for m, mo := range months {
		if hours, ok := p.clock[m]; ok {
			for _, h := range hours {
				t.Add(mo.Hours[h], 1)
			}
			continue
		}
		if p.months[m] {
			t.Add(mo.Totals, 1)
		}
	}
	for d, spans := range days {
		t.Add(Within(d, spans, in), 1)
		m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		if hours, ok := p.clock[m]; ok {
			var given []period.Span
			for _, h := range hours {
				from := d.Add(time.Duration(h) * time.Hour)
				given = append(given, period.Span{From: from, To: from.Add(time.Hour)})
			}
			t.Add(Within(d, spans, given), -1)
		} else if p.months[m] {
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

// covered says how much of [d, end) the intervals cover.
func covered(in []period.Span, d, end time.Time) coverage {
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
