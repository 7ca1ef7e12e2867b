package rollup

import (
	"context"
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

// Rebuild recomputes every family's cells of the UTC days [from, to] from
// the rows, a day at a time (a day's cells, at both grains, depend only on
// the rows that started that day), writing the cells that differ and
// deleting those no row supports. Run it after a bulk load (which writes
// rows without rollups) or to repair; it is not transactional, so run it
// while the days are not being ingested.
func Rebuild(ctx context.Context, st *store.Store, t store.Tenant, from, to time.Time, progress func(day time.Time, s RebuildStats)) (RebuildStats, error) {
	var s RebuildStats
	for day := store.Day.Slot(from); !day.After(to); day = day.AddDate(0, 0, 1) {
		next := day.AddDate(0, 0, 1)
		cells := map[string]map[string]*store.Cell{}
		err := st.EachRow(ctx, t, day, next, func(in *domain.Interaction) error {
			s.Interactions++
			for _, c := range Contributions(in) {
				key := string(c.Grain) + c.Slot.Format(time.RFC3339) + "|" + c.Dims
				fam := cells[c.Family]
				if fam == nil {
					fam = map[string]*store.Cell{}
					cells[c.Family] = fam
				}
				if have := fam[key]; have != nil {
					for k, v := range c.Vals {
						have.Vals[k] += v
					}
					continue
				}
				cp := c
				cp.Vals = make(Vals, len(c.Vals))
				for k, v := range c.Vals {
					cp.Vals[k] = v
				}
				fam[key] = &cp
			}
			return nil
		})
		if err != nil {
			return s, err
		}
		for _, f := range Families {
			want := make([]store.Cell, 0, len(cells[f.Name]))
			for _, c := range cells[f.Name] {
				want = append(want, *c)
			}
			w, d, err := st.ReplaceCells(ctx, t, f.Name, day, next, want)
			if err != nil {
				return s, err
			}
			s.Written += w
			s.Deleted += d
		}
		s.Days++
		if progress != nil {
			progress(day, s)
		}
	}
	return s, nil
}
