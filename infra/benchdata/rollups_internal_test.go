package benchdata

import (
	"slices"
	"testing"

	"github.com/rastro-cc/rastro/shared/rollup"
)

// A change to one family's cells rebuilds that family alone; a marker of
// the older single-fingerprint form, or none, rebuilds them all.
func TestStaleFamilies(t *testing.T) {
	want := "ag=1 iv=2 cv=3 tg=4"
	cases := []struct {
		name, have string
		stale      []string
	}{
		{"built", want, nil},
		{"one family changed", "ag=1 iv=2 cv=old tg=4", []string{"cv"}},
		{"two changed", "ag=0 iv=2 cv=old tg=4", []string{"ag", "cv"}},
		{"older marker", "8d1f0c2a9b3e4f56", []string{"ag", "iv", "cv", "tg"}},
		{"no marker", "", []string{"ag", "iv", "cv", "tg"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range staleFamilies(c.have, want) {
				got = append(got, f.Name)
			}
			if !slices.Equal(got, c.stale) {
				t.Fatalf("stale %v, want %v", got, c.stale)
			}
		})
	}
	if len(rollup.Families) != 4 {
		t.Fatalf("the cases name 4 families; there are %d", len(rollup.Families))
	}
}
