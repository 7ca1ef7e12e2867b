package benchrun

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Figure is one measured number: its value in each run, and the target
// it is held to.
type Figure struct {
	Section, Case string
	Metric        string // "p95 latency", "rows/s"…
	Unit          string // "ms", "MB", "" for counts and ratios
	Runs          []float64
	Target        Target
}

// Target is a bound a figure should meet ("≤ 500") and the issue that set
// it; a zero Target marks a figure recorded for what it says (a count, a
// throughput the issues set no bound for).
type Target struct {
	Op     string // "≤" or "≥"
	Value  float64
	Source string // "issue 4"
}

// Value is the median of the runs: timings are medians of several runs.
func (f Figure) Value() float64 {
	if len(f.Runs) == 0 {
		return math.NaN()
	}
	r := slices.Clone(f.Runs)
	slices.Sort(r)
	if n := len(r); n%2 == 1 {
		return r[n/2]
	} else {
		return (r[n/2-1] + r[n/2]) / 2
	}
}

// Met says whether the median meets the target; ok is false when the
// figure has no target or no runs.
func (f Figure) Met() (met, ok bool) {
	v := f.Value()
	if f.Target.Op == "" || math.IsNaN(v) {
		return false, false
	}
	if f.Target.Op == "≤" {
		return v <= f.Target.Value, true
	}
	return v >= f.Target.Value, true
}

func (t Target) String() string {
	if t.Op == "" {
		return "—"
	}
	return fmt.Sprintf("%s %s", t.Op, num(t.Value))
}

// num writes a figure as people read them: thousands grouped, at most
// three significant decimals below 10.
func num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "n/a"
	case math.Abs(v) >= 1000:
		s := fmt.Sprintf("%.0f", v)
		neg := s[0] == '-'
		if neg {
			s = s[1:]
		}
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		if neg {
			s = "-" + s
		}
		return s
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 10:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
	}
	return fmt.Sprintf("%.3g", v)
}
