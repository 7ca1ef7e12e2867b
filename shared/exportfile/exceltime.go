package exportfile

import (
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Excel keeps dates as days since its epoch and times as the fraction of a
// day, with no zone: a cell holds wall time. The value is computed here
// from the wall clock in the file's zone, so that what a cell holds is
// exactly the CSV's text read as a date.

// excelEpoch is day 0 of Excel's 1900 date system for every date after
// February 1900: its phantom 29 February 1900 moves the origin from 31
// December 1899 to the 30th. Rastro refuses instants before 2000.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

const secondsPerDay = 24 * 60 * 60

// excelInstant is the cell value of t, already in the file's zone, for a
// column of kind k: whole days for a date, the day's fraction for a time,
// both for a date and time. Seconds are truncated, as the CSV's text is;
// Excel rounds fractions of a second when it shows a time, and would show
// 10:20:46 where the CSV says 10:20:45.
func excelInstant(k tracking.Kind, t time.Time) float64 {
	y, m, d := t.Date()
	days := float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch) / (24 * time.Hour))
	h, min, s := t.Clock()
	clock := float64(h*3600+min*60+s) / secondsPerDay
	switch k {
	case tracking.KindDate:
		return days
	case tracking.KindTime:
		return clock
	}
	return days + clock
}

// excelDuration is a duration as Excel keeps time spans, a fraction of a
// day, in whole seconds to agree with the CSV's H:MM:SS.
func excelDuration(d domain.Duration) float64 {
	return float64(d.Millis()/1000) / secondsPerDay
}

// durationFormat shows a span's hours past 24 ([h]) instead of wrapping
// them into days.
const durationFormat = "[h]:mm:ss"

// excelFormats turns the seed's Go layouts into Excel number formats
// (2006-01-02 15:04:05 → yyyy-mm-dd hh:mm:ss; 02-01-2006 → dd-mm-yyyy).
// Excel reads mm after hh or before ss as minutes, elsewhere as months,
// which is what every layout of the report means.
var excelFormats = strings.NewReplacer("2006", "yyyy", "01", "mm", "02", "dd", "15", "hh", "04", "mm", "05", "ss")

func excelFormat(layout string) string { return excelFormats.Replace(layout) }
