package exportfile

import "testing"

// SetSheetLimits lowers the XLSX writer's per-sheet limits for one test, so
// that a rollover needs rows in the tens, not the millions.
func SetSheetLimits(tb testing.TB, rows int, bytes int64) {
	tb.Helper()
	oldRows, oldBytes := maxSheetRows, maxSheetBytes
	maxSheetRows, maxSheetBytes = rows, bytes
	tb.Cleanup(func() { maxSheetRows, maxSheetBytes = oldRows, oldBytes })
}
