package conversations

import "testing"

// TestContactSet: a contact counts when its counters sum above zero,
// whether named by number, by a number past the pages, or by key (a cell
// stored before contact numbers).
func TestContactSet(t *testing.T) {
	for _, c := range []struct {
		name string
		adds map[string][]int64
		want int64
	}{
		{"empty", nil, 0},
		{"one contact twice", map[string][]int64{"c:1": {1, 2}}, 1},
		{"subtracted away", map[string][]int64{"c:1": {1, -1}, "c:2": {1}}, 1},
		{"across pages", map[string][]int64{"c:0": {1}, "c:zz": {1}, "c:zzzz": {3}}, 3},
		{"past the pages", map[string][]int64{"c:zzzzzzzzzzzz": {1}, "c:5": {1}}, 2},
		{"by key", map[string][]int64{"c:tel:+5511999990000": {1, 1}, "c:email:a@b.com": {1, -1}, "c:7": {1}}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s contactSet
			for name, xs := range c.adds {
				for _, x := range xs {
					s.add(name, x)
				}
			}
			if got := s.distinct(); got != c.want {
				t.Errorf("distinct = %d, want %d", got, c.want)
			}
		})
	}
	var none *contactSet
	if none.distinct() != 0 {
		t.Error("a tally without contacts counts some")
	}
}
