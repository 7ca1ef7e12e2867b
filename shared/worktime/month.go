package worktime

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
)

// Month is an agent's working time over a UTC month, as its month item
// keeps it: the totals, and the same totals by UTC hour of the day (each
// hour summed over the month's days). The hours serve a daily time window
// (09:00–12:00 every day of a month) from the month item alone, where the
// totals would need every day's spans; Hours sum to Totals.
type Month struct {
	Totals
	Hours [24]Totals
}

// DayMonth is what one UTC day's spans add to their month.
func DayMonth(day time.Time, spans []Span) Month {
	m := Month{Totals: Whole(spans)}
	if len(spans) == 0 {
		return m
	}
	for h := range m.Hours {
		from := day.Add(time.Duration(h) * time.Hour)
		m.Hours[h] = Within(day, spans, []period.Span{{From: from, To: from.Add(time.Hour)}})
	}
	return m
}

// Add adds sign × o.
func (m *Month) Add(o Month, sign int64) {
	m.Totals.Add(o.Totals, sign)
	for h := range m.Hours {
		m.Hours[h].Add(o.Hours[h], sign)
	}
}

// Zero reports whether the month holds nothing.
func (m Month) Zero() bool {
	if !m.Totals.Zero() {
		return false
	}
	for _, h := range m.Hours {
		if !h.Zero() {
			return false
		}
	}
	return true
}

// EncodeHours writes the hours as one short string, the month item's
// "hours": "HH=logged,paused,pauses[,reason,count,time]…" for each hour
// holding anything, hours apart by ';', reasons in order and escaped as
// in a day's spans. The same hours are the same bytes.
func EncodeHours(hours [24]Totals) string {
	var b strings.Builder
	for h, t := range hours {
		if t.Zero() {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "%02d=%d,%d,%d", h, t.Logged, t.Paused, t.Pauses)
		for _, reason := range slices.Sorted(maps.Keys(t.Reasons)) {
			r := t.Reasons[reason]
			fmt.Fprintf(&b, ",%s,%d,%d", reasonEscaper.Replace(reason), r.Count, r.Time)
		}
	}
	return b.String()
}

// DecodeHours reads what EncodeHours wrote.
func DecodeHours(s string) ([24]Totals, error) {
	var out [24]Totals
	if s == "" {
		return out, nil
	}
	for part := range strings.SplitSeq(s, ";") {
		hs, rest, ok := strings.Cut(part, "=")
		h, err := strconv.Atoi(hs)
		if !ok || err != nil || h < 0 || h > 23 {
			return out, fmt.Errorf("worktime: hour %q has no hour of the day", part)
		}
		f := strings.Split(rest, ",")
		if len(f) < 3 || (len(f)-3)%3 != 0 {
			return out, fmt.Errorf("worktime: hour %q has %d fields", part, len(f))
		}
		n, err := ints(f[:3])
		if err != nil {
			return out, fmt.Errorf("worktime: hour %q: %w", part, err)
		}
		t := Totals{Logged: n[0], Paused: n[1], Pauses: n[2]}
		for i := 3; i < len(f); i += 3 {
			r, err := ints(f[i+1 : i+3])
			if err != nil {
				return out, fmt.Errorf("worktime: hour %q: %w", part, err)
			}
			if t.Reasons == nil {
				t.Reasons = map[string]Reason{}
			}
			t.Reasons[reasonUnescaper.Replace(f[i])] = Reason{Count: r[0], Time: r[1]}
		}
		out[h] = t
	}
	return out, nil
}

func ints(fs []string) ([]int64, error) {
	out := make([]int64, len(fs))
	for i, f := range fs {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}
