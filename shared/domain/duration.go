package domain

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Duration is a non-negative span kept in whole milliseconds, so sums in
// rollups are exact. On the wire it is a number of seconds (seed 003 gives
// handle and hold times in seconds), with at most millisecond precision.
type Duration int64

// Between is the span from a to b, zero when either is missing or b < a.
func Between(a, b *time.Time) Duration {
	if a == nil || b == nil || b.Before(*a) {
		return 0
	}
	return Duration(b.Sub(*a).Milliseconds())
}

func (d Duration) Millis() int64 { return int64(d) }

// MarshalJSON writes seconds, e.g. 245 or 12.5.
func (d Duration) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(d)/1000, 'f', -1, 64)), nil
}

// UnmarshalJSON reads seconds and rounds to the millisecond.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("must be a number of seconds")
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > maxDurationSeconds {
		return fmt.Errorf("must be between 0 and %d seconds", int64(maxDurationSeconds))
	}
	*d = Duration(math.Round(f * 1000))
	return nil
}

// maxDurationSeconds bounds any one span at 31 days: longer is a clock bug.
const maxDurationSeconds = 31 * 24 * 3600
