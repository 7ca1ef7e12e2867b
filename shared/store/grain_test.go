package store_test

import (
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/store"
)

// TestClockSlots holds the clock grains' slots to a month's first day at
// the quarter-hour's (hour's) time, in the month's partition, with 23:45
// (23:00) followed by the next month's 00:00 (a clock query never wraps a
// day).
func TestClockSlots(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		g                         store.Grain
		in, slot, next, partition string
	}{
		{store.Clock, "2026-10-17T09:37:12Z", "2026-10-01T09:30:00Z", "2026-10-01T09:45:00Z", "T#acme#R#agm#C#2026-10"},
		{store.Clock, "2026-10-31T23:59:59Z", "2026-10-01T23:45:00Z", "2026-11-01T00:00:00Z", "T#acme#R#agm#C#2026-10"},
		{store.Clock, "2026-12-05T23:50:00Z", "2026-12-01T23:45:00Z", "2027-01-01T00:00:00Z", "T#acme#R#agm#C#2026-12"},
		{store.Clock, "2026-02-28T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-01T00:15:00Z", "T#acme#R#agm#C#2026-02"},
		{store.Clock, "2026-03-08T12:14:00-03:00", "2026-03-01T15:00:00Z", "2026-03-01T15:15:00Z", "T#acme#R#agm#C#2026-03"},
		{store.ClockHour, "2026-10-17T09:37:12Z", "2026-10-01T09:00:00Z", "2026-10-01T10:00:00Z", "T#acme#R#agm#K#2026-10"},
		{store.ClockHour, "2026-10-31T23:59:59Z", "2026-10-01T23:00:00Z", "2026-11-01T00:00:00Z", "T#acme#R#agm#K#2026-10"},
		{store.ClockHour, "2026-12-05T23:00:00Z", "2026-12-01T23:00:00Z", "2027-01-01T00:00:00Z", "T#acme#R#agm#K#2026-12"},
		{store.ClockHour, "2026-03-08T12:14:00+05:30", "2026-03-01T06:00:00Z", "2026-03-01T07:00:00Z", "T#acme#R#agm#K#2026-03"},
	}
	for _, c := range cases {
		t.Run(string(c.g)+" "+c.in, func(t *testing.T) {
			slot := c.g.Slot(at(c.in))
			if !slot.Equal(at(c.slot)) {
				t.Errorf("slot %s, want %s", slot, c.slot)
			}
			if next := c.g.Next(slot); !next.Equal(at(c.next)) {
				t.Errorf("next %s, want %s", next, c.next)
			}
			if p := store.Tenant("acme").CellPartition("agm", c.g, slot); p != c.partition {
				t.Errorf("partition %s, want %s", p, c.partition)
			}
		})
	}
}
