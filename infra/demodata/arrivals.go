package demodata

import (
	"sort"
	"time"
)

// weekdayLoad is the contact volume of each hour of a working day in the
// tenant's zone (at the middle of the hour), relative to the 10h peak:
// quiet nights, a morning peak at 10h, a lunch dip, a second peak at 15h,
// a long evening tail.
var weekdayLoad = [25]float64{
	0.04, 0.03, 0.02, 0.02, 0.02, 0.04, 0.10, 0.30, 0.65, 0.90, // 0h–9h
	1.00, 0.92, 0.70, 0.75, 0.90, 0.97, 0.88, 0.70, 0.50, 0.38, // 10h–19h
	0.28, 0.18, 0.10, 0.06, 0.04, // 20h–23h, and midnight again for interpolation
}

// dayLoad scales a whole day: Mondays are busiest, weekends light.
var dayLoad = [7]float64{
	time.Sunday: 0.20, time.Monday: 1.08, time.Tuesday: 1.00, time.Wednesday: 0.98,
	time.Thursday: 0.97, time.Friday: 0.92, time.Saturday: 0.42,
}

const slotMs = 15 * minute // every offset in use is a multiple of 15 minutes

// arrivals maps a number in [0, 1) to an instant of the window so that
// instants are dense where the load is high. Stratified draws ((i+u)/n)
// therefore give roughly chronological, business-hours-shaped start times.
type arrivals struct {
	start, end int64     // window [start, end), Unix ms
	cum        []float64 // cumulative load at the end of each 15-minute slot
}

func newArrivals(start, end int64, zone *time.Location, seed int64) arrivals {
	a := arrivals{start: start, end: end}
	r := newRNG()
	total := 0.0
	lastDate, noise := "", 1.0
	for s := start; s < end; s += slotMs {
		length := min(slotMs, end-s)
		local := time.UnixMilli(s + length/2).In(zone)
		if d := local.Format("20060102"); d != lastDate {
			// Each day is a little busier or quieter than its weekday's average.
			lastDate = d
			y, m, dd := local.Date()
			r.reset(seed, kindCalendar, uint64(y*10000+int(m)*100+dd), 0)
			noise = 0.9 + 0.2*r.Float64()
		}
		h := float64(local.Hour()) + float64(local.Minute())/60
		w := load(h, local.Weekday()) * noise * float64(length) / float64(slotMs)
		total += w
		a.cum = append(a.cum, total)
	}
	return a
}

func load(h float64, wd time.Weekday) float64 {
	x := h - 0.5 // the table holds mid-hour values
	if x < 0 {
		x += 24
	}
	i := int(x)
	f := x - float64(i)
	v := weekdayLoad[i]*(1-f) + weekdayLoad[i+1]*f
	if wd == time.Saturday && h >= 14 {
		v *= 0.5 // Saturday afternoons wind down early
	}
	return v * dayLoad[wd]
}

// at returns the instant at quantile u of the load.
func (a *arrivals) at(u float64) int64 {
	n := len(a.cum)
	if n == 0 {
		return a.start
	}
	target := u * a.cum[n-1]
	i := sort.SearchFloat64s(a.cum, target)
	if i >= n {
		i = n - 1
	}
	prev := 0.0
	if i > 0 {
		prev = a.cum[i-1]
	}
	slotStart := a.start + int64(i)*slotMs
	length := min(slotMs, a.end-slotStart)
	frac := 0.0
	if w := a.cum[i] - prev; w > 0 {
		frac = (target - prev) / w
	}
	t := slotStart + int64(frac*float64(length))
	return min(max(t, a.start), a.end-1)
}
