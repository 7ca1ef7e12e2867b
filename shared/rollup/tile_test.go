package rollup_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
)

// TestReadTilesExactly holds what the reader gives, for random buckets of
// random spans across two month ends (signed tilings: a month less its
// first hours, plus the next month's), equal to summing the interactions'
// quarter-hour contributions in the spans, for every family read whole,
// through each of its views, and for distinct contacts.
func TestReadTilesExactly(t *testing.T) {
	st := MustStore(t)
	tenant := store.Tenant("acme")
	from := time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC)
	span := 50 * 24 * time.Hour
	h := rolluptest.Generate(21, 900, from, span)
	start := time.Now()
	rolluptest.Load(t, st, tenant, h.Final)
	t.Logf("loaded in %s", time.Since(start))
	defer func() { t.Logf("read in %s", time.Since(start)) }()
	rd := &rollup.Reader{Store: st}
	stored := storedNames(t, st, tenant)
	r := rand.New(rand.NewPCG(5, 6))
	var grains []store.Grain // every grain some read used
	subtracted, splitQueries := 0, 0
	for _, f := range rollup.Families {
		variants := map[string]rollup.Read{"family": {Needs: f.Dims}, "contacts": {Needs: f.Dims, Contacts: true}}
		for _, v := range f.Views {
			needs := v.Dims
			if v.Packs != "" {
				needs = append(slices.Clip(needs), v.Packs)
			}
			variants[v.Name] = rollup.Read{Needs: needs, Contacts: v.Contacts}
			if v.Splits != "" {
				variants[v.Name] = rollup.Read{Needs: needs, Holding: &rollup.Holding{Dim: v.Splits, Value: rolluptest.Services[0]}}
			}
		}
		for name, variant := range variants {
			for trial := range 6 {
				q := variant
				q.Family, q.Tenant = f, tenant
				q.Buckets = randomBuckets(r, from, span)
				// A read holding a value keeps the cells that hold it, as
				// the report's filter would, and groups by the rest.
				groups, holds := q.Needs, func(rollup.Tuple) bool { return true }
				if h := q.Holding; h != nil {
					groups = slices.DeleteFunc(slices.Clone(groups), func(d string) bool { return d == h.Dim })
					holds = func(t rollup.Tuple) bool { return slices.Contains(t.Set(f.Dim(h.Dim)), h.Value) }
					splitQueries += mustSplitRead(t, q)
				}
				got := map[string]rollup.Vals{}
				if _, err := rd.Read(context.Background(), q, func(c rollup.Cell, b int) {
					if !slices.Contains(grains, c.Grain) {
						grains = append(grains, c.Grain)
					}
					if c.Vals[rollup.N] < 0 {
						subtracted++
					}
					if holds(c.Dims) {
						add(got, key(f, groups, b, c.Dims), c.Vals, q.Contacts)
					}
				}); err != nil {
					t.Fatal(err)
				}
				want := map[string]rollup.Vals{}
				for i := range h.Final {
					in := h.Final[i]
					in.Normalize()
					for _, c := range rollup.Contributions(&in) {
						if c.Family != f.Name || c.Grain != store.Quarter {
							continue
						}
						for b, spans := range q.Buckets {
							dims := rollup.DecodeTuple(c.Dims)
							if holds(dims) && slices.ContainsFunc(spans, func(s period.Span) bool { return !c.Slot.Before(s.From) && c.Slot.Before(s.To) }) {
								add(want, key(f, groups, b, dims), stored(c.Vals), q.Contacts)
							}
						}
					}
				}
				drop(got)
				drop(want)
				if !maps.EqualFunc(got, want, maps.Equal) {
					for k := range want {
						if !maps.Equal(got[k], want[k]) {
							t.Errorf("%s %s #%d %v: %s = %v, want %v", f.Name, name, trial, q.Buckets, k, got[k], want[k])
							break
						}
					}
					t.Errorf("%s %s #%d: %d groups, want %d", f.Name, name, trial, len(got), len(want))
				}
			}
		}
	}
	if subtracted == 0 {
		t.Error("no tiling subtracted a cell")
	}
	if splitQueries == 0 {
		t.Error("no read holding a value read a split view")
	}
	for _, g := range []store.Grain{store.Month, store.Day, store.Hour, store.Quarter, store.Clock, store.ClockHour} {
		if !slices.Contains(grains, g) {
			t.Errorf("no read used %c cells", g)
		}
	}
}

// mustSplitRead holds a read holding one value to the split view's cells
// of the value and its overflow cells, where it reads the view, and
// returns how many such queries it plans.
func mustSplitRead(t *testing.T, q rollup.Read) int {
	t.Helper()
	queries, err := rollup.PlannedQueries(q)
	if err != nil {
		t.Fatal(err)
	}
	var split []string
	for _, pq := range queries {
		if strings.HasSuffix(pq, " ") { // no prefix: not the split view
			continue
		}
		split = append(split, pq)
	}
	if len(split)%2 != 0 {
		t.Errorf("a read holding %s runs %d queries of its value's prefix and the overflow's: %v", q.Holding.Value, len(split), queries)
	}
	for _, pq := range split {
		if !strings.HasSuffix(pq, " "+q.Holding.Value+"|") && !strings.HasSuffix(pq, " ,") {
			t.Errorf("split query %q", pq)
		}
	}
	return len(split)
}

// randomBuckets draws 1 to 3 buckets of 1 to 3 disjoint spans on
// quarter-hours, from a quarter-hour to 40 days long, around the history;
// or, one time in three, of a daily window (an hour of the day, a
// working morning) repeated over 20 to 45 days, the window moving by an
// hour partway through as a DST change moves it.
func randomBuckets(r *rand.Rand, from time.Time, span time.Duration) [][]period.Span {
	out := make([][]period.Span, 1+r.IntN(3))
	if r.IntN(3) == 0 {
		first := from.Add(-72 * time.Hour).Add(time.Duration(r.IntN(20*96)) * 15 * time.Minute)
		days, shift := 20+r.IntN(26), r.IntN(30)
		for b := range out {
			at, length := first.Add(time.Duration(b)*90*time.Minute), time.Duration(1+r.IntN(16))*15*time.Minute
			for d := range days {
				if d == shift {
					at = at.Add(-time.Hour)
				}
				out[b] = append(out[b], period.Span{From: at.Add(time.Duration(d) * 24 * time.Hour), To: at.Add(time.Duration(d)*24*time.Hour + length)})
			}
		}
		return out
	}
	for b := range out {
		at := from.Add(-48*time.Hour + time.Duration(r.Int64N(int64(span/2)))).Truncate(15 * time.Minute)
		for range 1 + r.IntN(3) {
			length := time.Duration(1+r.IntN(4)) * 15 * time.Minute
			switch r.IntN(3) {
			case 1:
				length = time.Duration(1+r.IntN(72)) * time.Hour
			case 2:
				length = time.Duration(1+r.IntN(40*96)) * 15 * time.Minute
			}
			out[b] = append(out[b], period.Span{From: at, To: at.Add(length)})
			at = at.Add(length + time.Duration(r.IntN(96))*15*time.Minute)
		}
	}
	return out
}

// key names a bucket's group of the needed dimensions.
func key(f *rollup.Family, needs []string, bucket int, dims rollup.Tuple) string {
	parts := []string{fmt.Sprint(bucket)}
	for _, n := range needs {
		parts = append(parts, dims[f.Dim(n)])
	}
	return strings.Join(parts, "|")
}

func add(sums map[string]rollup.Vals, k string, v rollup.Vals, contacts bool) {
	if sums[k] == nil {
		sums[k] = rollup.Vals{}
	}
	for name, x := range v {
		if contacts || !strings.HasPrefix(name, rollup.ContactPfx) {
			sums[k][name] += x
		}
	}
}

// drop removes zero counters and groups left empty.
func drop(sums map[string]rollup.Vals) {
	for k, v := range sums {
		maps.DeleteFunc(v, func(_ string, x int64) bool { return x == 0 })
		if len(v) == 0 {
			delete(sums, k)
		}
	}
}
