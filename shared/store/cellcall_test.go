package store

import "testing"

func TestNextCellCall(t *testing.T) {
	cases := []struct {
		name       string
		items      int
		units      float64
		consistent bool
		want       int32
	}{
		{"an empty page says nothing of the size", 0, 0, false, firstCellCall},
		{"contact cells of about 2 KB: a megabyte's worth", 250, 60, false, 586},
		{"the same cells read consistently cost twice the units", 250, 120, true, 586},
		{"small cells: capped", 1000, 10, false, maxCellCall},
		{"huge cells: at least the floor", 10, 64, false, minCellCall},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := nextCellCall(c.items, c.units, c.consistent); got != c.want {
				t.Errorf("nextCellCall(%d, %v, %v) = %d, want %d", c.items, c.units, c.consistent, got, c.want)
			}
		})
	}
}
