package exportfile

import (
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Every date and time column of every media gets an Excel format that
// spells the seed's layout.
func TestEveryInstantColumnHasAnExcelFormat(t *testing.T) {
	known := map[string]string{
		"2006-01-02":          "yyyy-mm-dd",
		"15:04:05":            "hh:mm:ss",
		"2006-01-02 15:04:05": "yyyy-mm-dd hh:mm:ss",
		"02-01-2006 15:04:05": "dd-mm-yyyy hh:mm:ss",
	}
	for _, m := range domain.AllMedia {
		for _, c := range tracking.Columns(m) {
			if !c.Kind.IsInstant() {
				continue
			}
			if want, ok := known[c.Layout]; !ok || excelFormat(c.Layout) != want {
				t.Errorf("%s %s: layout %q becomes %q", m, c.Key, c.Layout, excelFormat(c.Layout))
			}
		}
	}
}

// Cells hold wall time in the file's zone, :45 offsets and the day it
// falls on included.
func TestExcelInstant(t *testing.T) {
	kathmandu, err := time.LoadLocation("Asia/Kathmandu")
	if err != nil {
		t.Fatal(err)
	}
	utc := time.Date(2025, 3, 17, 18, 20, 45, 999e6, time.UTC) // 2025-03-18 00:05:45 in Kathmandu (+05:45)
	cases := []struct {
		kind tracking.Kind
		loc  *time.Location
		want float64
	}{
		{tracking.KindDate, time.UTC, 45733},
		{tracking.KindDate, kathmandu, 45734},
		{tracking.KindTime, kathmandu, 345.0 / 86400},
		{tracking.KindDateTime, kathmandu, 45734 + 345.0/86400},
		{tracking.KindDateTime, time.UTC, 45733 + 66045.0/86400},
	}
	for _, c := range cases {
		if got := excelInstant(c.kind, utc.In(c.loc)); got != c.want {
			t.Errorf("kind %d in %s = %v, want %v", c.kind, c.loc, got, c.want)
		}
	}
}
