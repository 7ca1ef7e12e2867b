package report

import (
	"fmt"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// TimeBuckets are a report's rows by local date (every date of the range,
// a day without interactions being a row of zeros) or by local hour of
// day (the 24 hours, each summed over the range's days). Cells must be
// read with Fine: a quarter-hour lies in one local hour and date of every
// zone, since every offset in use is a multiple of 15 minutes.
type TimeBuckets struct {
	Keys  []string      // "2026-03-08", or "07:00" for the hour 07:00–07:59
	Conds [][]DrillCond // each bucket's tracking filters (the date, or the hour as a time window)
	r     period.Range
	daily bool
}

// NewTimeBuckets lists the buckets of r, by date or by hour.
func NewTimeBuckets(r period.Range, byHour bool) TimeBuckets {
	b := TimeBuckets{r: r, daily: !byHour}
	if byHour {
		for h := range 24 {
			b.Keys = append(b.Keys, fmt.Sprintf("%02d:00", h))
			// timeTo is inclusive at its precision: 07:59 ends at 07:59:59.999.
			b.Conds = append(b.Conds, []DrillCond{DrillOne("timeFrom", fmt.Sprintf("%02d:00", h)), DrillOne("timeTo", fmt.Sprintf("%02d:59", h))})
		}
		return b
	}
	for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
		b.Keys = append(b.Keys, d.String())
		b.Conds = append(b.Conds, []DrillCond{DrillOne("from", d.String()), DrillOne("to", d.String())})
	}
	return b
}

// Index is the bucket of a quarter-hour cell starting at slot; -1 when it
// lies outside the range's dates.
func (b TimeBuckets) Index(slot time.Time) int {
	local := slot.In(b.r.Loc)
	if !b.daily {
		return local.Hour()
	}
	i := b.r.From.DaysUntil(period.DateOf(local))
	if i < 0 || i >= len(b.Keys) {
		return -1
	}
	return i
}
