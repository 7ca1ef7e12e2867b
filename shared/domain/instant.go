package domain

import "time"

// InstantLayout is how every instant is written in keys and stored items:
// UTC, millisecond precision, fixed width so that strings sort as times.
const InstantLayout = "2006-01-02T15:04:05.000Z"

// FormatInstant writes t in InstantLayout.
func FormatInstant(t time.Time) string { return t.UTC().Format(InstantLayout) }

// Normalize truncates t to the millisecond in UTC, the only form stored.
func Normalize(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

func normalizePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	n := Normalize(*t)
	return &n
}

// UTCDay is the UTC calendar day of t as YYYY-MM-DD: the partition day.
func UTCDay(t time.Time) string { return t.UTC().Format("2006-01-02") }
