package rollup

import (
	"cmp"
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// Cell is a decoded cell as a report reads it.
type Cell struct {
	Grain store.Grain
	Slot  time.Time // UTC start of the quarter-hour or day
	Dims  Tuple
	Vals  Vals
}

// Read is what a report asks of the cells.
type Read struct {
	Family *Family
	Tenant store.Tenant
	Spans  []period.Span // UTC, each bound on a quarter-hour
	// Fine asks for quarter-hour cells only: a report that groups by local
	// hour or date needs to place every cell in the zone. Otherwise whole
	// UTC days inside a span are read as day cells.
	Fine bool
}

// Reader reads cells for reports.
type Reader struct {
	Store    *store.Store
	Parallel int // queries in flight; 8 when 0
}

// Read calls fn (never concurrently) with every cell that covers the
// spans, and returns the read capacity the queries consumed.
func (r *Reader) Read(ctx context.Context, q Read, fn func(Cell)) (float64, error) {
	queries, err := Tile(q.Family.Name, q.Spans, q.Fine)
	if err != nil {
		return 0, err
	}
	var mu sync.Mutex
	var consumed float64
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cmp.Or(r.Parallel, 8))
	for _, cq := range queries {
		g.Go(func() error {
			var cells []Cell
			cc, err := r.Store.QueryCells(gctx, q.Tenant, cq, func(c store.Cell) {
				cells = append(cells, Cell{Grain: c.Grain, Slot: c.Slot, Dims: decodeTuple(c.Dims), Vals: c.Vals})
			})
			mu.Lock()
			defer mu.Unlock()
			consumed += cc
			for _, c := range cells {
				fn(c)
			}
			return err
		})
	}
	return consumed, g.Wait()
}

// Tile covers UTC spans with cell queries: quarter-hours at the ragged
// ends of each span, whole UTC days inside it (unless fine), one query per
// partition. Spans must begin and end on quarter-hours, which every zone
// offset in use and every report window allowed are.
func Tile(family string, spans []period.Span, fine bool) ([]store.CellQuery, error) {
	var out []store.CellQuery
	quarters := func(from, to time.Time) {
		if from.Before(to) {
			out = append(out, store.CellPartitions(family, store.Quarter, from, to)...)
		}
	}
	for _, s := range spans {
		if !onQuarter(s.From) || !onQuarter(s.To) {
			return nil, fmt.Errorf("rollup: span %s..%s is not on quarter-hours", s.From, s.To)
		}
		dayFrom := store.Day.Slot(s.From)
		if dayFrom.Before(s.From) {
			dayFrom = dayFrom.AddDate(0, 0, 1)
		}
		dayTo := store.Day.Slot(s.To)
		if fine || !dayFrom.Before(dayTo) {
			quarters(s.From, s.To)
			continue
		}
		quarters(s.From, dayFrom)
		out = append(out, store.CellPartitions(family, store.Day, dayFrom, dayTo)...)
		quarters(dayTo, s.To)
	}
	return out, nil
}

func onQuarter(t time.Time) bool { return t.Equal(t.Truncate(15 * time.Minute)) }
