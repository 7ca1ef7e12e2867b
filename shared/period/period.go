// Package period turns what a report's user asks for, local dates and a
// time-of-day window in the tenant's zone, into the exact UTC intervals of
// start instants it means. Days of 23 or 25 hours and zones offset by
// :30 or :45 come out right because the conversion follows the zone's
// offsets piece by piece instead of assuming 24-hour days.
package period

import (
	"fmt"
	"sort"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Date is a calendar date with no zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("must be a date YYYY-MM-DD (got %q)", domain.Clip(s))
	}
	return DateOf(t), nil
}

// DateOf is t's calendar date in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is the current date in loc.
func Today(now time.Time, loc *time.Location) Date { return DateOf(now.In(loc)) }

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// naive is the date's midnight read as if it were UTC: the origin local
// clock readings are measured from.
func (d Date) naive() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays is the date n days later.
func (d Date) AddDays(n int) Date { return DateOf(d.naive().AddDate(0, 0, n)) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.naive().Before(e.naive()) }

// DaysUntil counts the days from d to e (0 when equal).
func (d Date) DaysUntil(e Date) int { return int(e.naive().Sub(d.naive()) / (24 * time.Hour)) }

// Clock is a time of day as an offset from local midnight.
type Clock time.Duration

// ParseClock reads HH:MM or HH:MM:SS. It also returns the reading's
// precision (a minute or a second): an upper bound "12:00" includes every
// instant up to 12:00:59.999.
func ParseClock(s string) (Clock, time.Duration, error) {
	for _, f := range []struct {
		layout string
		prec   time.Duration
	}{{"15:04:05", time.Second}, {"15:04", time.Minute}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			break
		}
		return Clock(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second), f.prec, nil
	}
	return 0, 0, fmt.Errorf("must be a time of day HH:MM or HH:MM:SS (got %q)", domain.Clip(s))
}

func (c Clock) String() string {
	d := time.Duration(c)
	return fmt.Sprintf("%02d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

// Window is a time-of-day window applied on every day: From through To,
// both inclusive (To to the end of its precision). When From is later than
// To the window wraps past midnight: 22:00–06:00 is the night, taken as
// the two pieces of each day it covers.
type Window struct {
	From, To Clock
	ToPrec   time.Duration
}

// pieces are the window's half-open intervals within one day.
func (w *Window) pieces() [][2]time.Duration {
	const day = 24 * time.Hour
	if w == nil {
		return [][2]time.Duration{{0, day}}
	}
	from, to := time.Duration(w.From), time.Duration(w.To)+w.ToPrec
	if from < to {
		return [][2]time.Duration{{from, to}}
	}
	return [][2]time.Duration{{0, to}, {from, day}}
}

// Range is a report's period: the local dates From through To (both
// included) in Loc, optionally narrowed to a time-of-day window.
type Range struct {
	From, To Date
	Window   *Window
	Loc      *time.Location
}

// Span is a half-open interval of instants, [From, To).
type Span struct{ From, To time.Time }

// Spans lists the instants the range covers as ascending, disjoint UTC
// intervals. An instant is inside when its local date in Loc is between
// From and To and its local clock reading is inside the window.
func (r Range) Spans() []Span {
	var out []Span
	for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
		out = append(out, daySpans(d, r.Loc, r.Window.pieces())...)
	}
	return merge(out)
}

// daySpans are the instants of date d whose local clock is inside one of
// the pieces. The zone's offset is constant between its transitions; in
// each such stretch a clock reading maps to exactly one instant, so the
// pieces are mapped stretch by stretch: a skipped hour maps to nothing and
// a repeated hour to both of its instants.
func daySpans(d Date, loc *time.Location, pieces [][2]time.Duration) []Span {
	origin := d.naive()
	// No zone is more than 14 hours from UTC; this covers the day.
	lo, hi := origin.Add(-15*time.Hour), origin.Add(39*time.Hour)
	var out []Span
	for t := lo; t.Before(hi); {
		local := t.In(loc)
		_, offset := local.Zone()
		_, end := local.ZoneBounds()
		if end.IsZero() || end.After(hi) {
			end = hi
		}
		shift := time.Duration(offset) * time.Second
		for _, p := range pieces {
			a, b := origin.Add(p[0]-shift), origin.Add(p[1]-shift)
			a, b = maxTime(a, t), minTime(b, end)
			if a.Before(b) {
				out = append(out, Span{a, b})
			}
		}
		t = end
	}
	return out
}

// merge sorts spans and joins the ones that touch or overlap.
func merge(s []Span) []Span {
	sort.Slice(s, func(i, j int) bool { return s[i].From.Before(s[j].From) })
	var out []Span
	for _, x := range s {
		if n := len(out); n > 0 && !x.From.After(out[n-1].To) {
			out[n-1].To = maxTime(out[n-1].To, x.To)
			continue
		}
		out = append(out, x)
	}
	return out
}

// Contains reports whether instant t is inside the range, by the
// definition Spans implements; it reads t's local date and clock directly.
func (r Range) Contains(t time.Time) bool {
	local := t.In(r.Loc)
	d := DateOf(local)
	if d.Before(r.From) || r.To.Before(d) {
		return false
	}
	h, mi, sec := local.Clock()
	c := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second + time.Duration(local.Nanosecond())
	for _, p := range r.Window.pieces() {
		if c >= p[0] && c < p[1] {
			return true
		}
	}
	return false
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
