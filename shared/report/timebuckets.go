package report

import (
	"fmt"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// TimeBuckets are a report's rows by local date (every date of the range,
// a day without interactions being a row of zeros) or by local hour of
// day (the 24 hours, each summed over the range's days). Each bucket is
// the UTC spans of its instants inside the range (a DST day's skipped
// hour has none, its repeated hour two), which the rollup reader tiles.
type TimeBuckets struct {
	Keys  []string      // "2026-03-08", or "07:00" for the hour 07:00–07:59
	Conds [][]DrillCond // each bucket's tracking filters (the date, or the hour as a time window)
	spans [][]period.Span
}

// NewTimeBuckets lists the buckets of r, by date or by hour.
func NewTimeBuckets(r period.Range, byHour bool) *TimeBuckets {
	b := &TimeBuckets{}
	if byHour {
		all := r.Spans()
		for h := range 24 {
			b.Keys = append(b.Keys, fmt.Sprintf("%02d:00", h))
			// timeTo is inclusive at its precision: 07:59 ends at 07:59:59.999.
			b.Conds = append(b.Conds, []DrillCond{DrillOne("timeFrom", fmt.Sprintf("%02d:00", h)), DrillOne("timeTo", fmt.Sprintf("%02d:59", h))})
			hour := r
			hour.Window = &period.Window{From: period.Clock(time.Duration(h) * time.Hour), To: period.Clock(time.Duration(h)*time.Hour + 59*time.Minute), ToPrec: time.Minute}
			b.spans = append(b.spans, intersect(hour.Spans(), all))
		}
		return b
	}
	for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
		b.Keys = append(b.Keys, d.String())
		b.Conds = append(b.Conds, []DrillCond{DrillOne("from", d.String()), DrillOne("to", d.String())})
		day := r
		day.From, day.To = d, d
		b.spans = append(b.spans, day.Spans())
	}
	return b
}

// intersect is the instants in both a and b, each ascending and disjoint.
func intersect(a, b []period.Span) []period.Span {
	var out []period.Span
	for i, j := 0, 0; i < len(a) && j < len(b); {
		from, to := a[i].From, a[i].To
		if b[j].From.After(from) {
			from = b[j].From
		}
		if b[j].To.Before(to) {
			to = b[j].To
		}
		if from.Before(to) {
			out = append(out, period.Span{From: from, To: to})
		}
		if a[i].To.Before(b[j].To) {
			i++
		} else {
			j++
		}
	}
	return out
}
