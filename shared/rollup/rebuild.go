package rollup

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// RebuildStats says what a rebuild did.
type RebuildStats struct {
	Days         int `json:"days"`
	Interactions int `json:"interactions"`
	Written      int `json:"cellsWritten"`
	Deleted      int `json:"cellsDeleted"`
}

// Rebuild recomputes every family's and view's cells from the rows of the
// whole UTC months holding from through to: a day at a time for the
// quarter-hour and day cells (they depend only on that day's rows), a
// month at a time for the month cells, writing the cells that differ and
// deleting those no row supports. Run it after a bulk load (which writes
// rows without rollups) or to repair; it is not transactional, so run it
// while the months are not being ingested.
func Rebuild(ctx context.Context, st *store.Store, t store.Tenant, from, to time.Time, progress func(day time.Time, s RebuildStats)) (RebuildStats, error) {
	return RebuildOf(ctx, st, t, Families, from, to, progress)
}

// RebuildOf is Rebuild of some families only (with their views).
func RebuildOf(ctx context.Context, st *store.Store, t store.Tenant, fams []*Family, from, to time.Time, progress func(day time.Time, s RebuildStats)) (RebuildStats, error) {
	s := RebuildStats{}
	srcs := sources(fams)
	monthly := cellSet{}
	start := store.Month.Slot(from)
	for day := start; day.Before(store.Month.Next(store.Month.Slot(to))); day = day.AddDate(0, 0, 1) {
		next := day.AddDate(0, 0, 1)
		daily := cellSet{}
		err := st.EachRow(ctx, t, day, next, func(in *domain.Interaction) error {
			s.Interactions++
			for _, c := range Contributions(in) {
				if monthlyGrain(c.Grain) {
					monthly.add(c)
				} else {
					daily.add(c)
				}
			}
			return nil
		})
		if err != nil {
			return s, err
		}
		if err := s.replace(ctx, st, t, srcs, daily, day, next, false); err != nil {
			return s, err
		}
		if next.Equal(store.Month.Slot(next)) {
			if err := s.replace(ctx, st, t, srcs, monthly, store.Month.Slot(day), next, true); err != nil {
				return s, err
			}
			monthly = cellSet{}
		}
		s.Days++
		if progress != nil {
			progress(day, s)
		}
	}
	return s, nil
}

// monthlyGrain reports whether a grain's cells sum a whole UTC month's
// rows, so that a rebuild writes them once the month is read.
func monthlyGrain(g store.Grain) bool {
	return g == store.Month || g == store.Clock || g == store.ClockHour
}

// replace stores set as every family's and view's cells in [from, to):
// the monthly grains', or the finer ones'.
func (s *RebuildStats) replace(ctx context.Context, st *store.Store, t store.Tenant, srcs []source, set cellSet, from, to time.Time, month bool) error {
	for _, src := range srcs {
		grains := src.daily
		if month {
			grains = src.monthly
		}
		var want []store.Cell
		for _, c := range set[src.name] {
			want = append(want, *c)
		}
		w, d, err := st.ReplaceCells(ctx, t, src.name, grains, from, to, want)
		if err != nil {
			return err
		}
		s.Written += w
		s.Deleted += d
	}
	return nil
}

// cellSet sums cells by family or view name, then grain, slot and dims.
type cellSet map[string]map[string]*store.Cell

func (cs cellSet) add(c store.Cell) {
	key := string(c.Grain) + c.Slot.Format(time.RFC3339) + "|" + c.Dims
	byKey := cs[c.Family]
	if byKey == nil {
		byKey = map[string]*store.Cell{}
		cs[c.Family] = byKey
	}
	if have := byKey[key]; have != nil {
		for k, v := range c.Vals {
			have.Vals[k] += v
		}
		return
	}
	c.Vals = maps.Clone(c.Vals)
	byKey[key] = &c
}

// source is a family or a view as the store keys it, with the grains it
// is kept at: those a day's rows make, and those of the whole month.
type source struct {
	name           string
	daily, monthly []store.Grain
}

func sources(fams []*Family) []source {
	var out []source
	for _, f := range fams {
		out = append(out, source{f.Name, []store.Grain{store.Quarter, store.Day}, []store.Grain{store.Month}})
		for _, v := range f.Views {
			out = append(out, source{v.Name,
				slices.DeleteFunc(slices.Clone(v.Grains), monthlyGrain),
				slices.DeleteFunc(slices.Clone(v.Grains), func(g store.Grain) bool { return !monthlyGrain(g) })})
		}
	}
	return out
}
