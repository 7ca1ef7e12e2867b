package benchdata

import (
	"context"
	"fmt"
	"io"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// BatchSize is the interactions of one LoadNew call: the ingest API's
// batch, so the load exercises the store the way a first import would.
const BatchSize = 500

// DefaultWorkers is how many LoadNew batches are in flight (each keeps up
// to four BatchWriteItem requests going). Measured on the 2-core build
// machine, docs/benchmarks.md.
const DefaultWorkers = 4

// loader writes interactions [from, N) of a generator's data set.
type loader struct {
	st      *store.Store
	tenant  store.Tenant
	gen     *demodata.Generator
	end     time.Time // validation's "now": nothing in the data set is later
	workers int
	log     io.Writer
	every   time.Duration
	// checkpoint saves the watermark; it runs with every progress line
	// and once more at the end, even when the load failed.
	checkpoint func(ctx context.Context, mark int) error
}

func (l *loader) run(ctx context.Context, from, n int) (store.Counts, *progress, error) {
	prog := newProgress(from, n)
	g, gctx := errgroup.WithContext(ctx)
	jobs := make(chan int)
	g.Go(func() error {
		defer close(jobs)
		for i := from; i < n; i += BatchSize {
			select {
			case jobs <- i:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	counts := make(chan store.Counts, l.workers)
	for range l.workers {
		g.Go(func() error {
			var mine store.Counts
			defer func() { counts <- mine }()
			for i := range jobs {
				c, items, err := l.batch(gctx, i, min(i+BatchSize, n))
				addCounts(&mine, c)
				if err != nil {
					return err
				}
				prog.done(i, min(i+BatchSize, n), items)
			}
			return nil
		})
	}

	stop := make(chan struct{})
	ticked := make(chan error, 1)
	go func() { ticked <- l.tick(ctx, prog, stop) }()

	err := g.Wait()
	close(stop)
	tickErr := <-ticked
	close(counts)
	var total store.Counts
	for c := range counts {
		addCounts(&total, c)
	}
	prog.report(l.log)
	// Save the watermark even when cancelled: that is what lets the next
	// run resume instead of starting over.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if cerr := l.checkpoint(cctx, prog.watermark()); err == nil {
		err = cerr
	}
	if err == nil {
		err = tickErr
	}
	return total, prog, err
}

// tick logs progress and saves the watermark every l.every until stop.
func (l *loader) tick(ctx context.Context, prog *progress, stop <-chan struct{}) error {
	t := time.NewTicker(l.every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return nil
		case <-t.C:
			prog.report(l.log)
			if err := l.checkpoint(ctx, prog.watermark()); err != nil && ctx.Err() == nil {
				return fmt.Errorf("save watermark: %w", err)
			}
		}
	}
}

// batch generates, validates, prepares and stores interactions [from, to).
// A generated record that fails validation stops the load: the data set
// is what ingestion would accept, or it is not a benchmark of Rastro.
func (l *loader) batch(ctx context.Context, from, to int) (store.Counts, int, error) {
	prepared := make([]*store.PreparedInteraction, 0, to-from)
	items := 0
	for i := from; i < to; i++ {
		in := l.gen.Interaction(i)
		if p := in.Problems(l.end); len(p) > 0 {
			return store.Counts{}, 0, fmt.Errorf("generated interaction %d (%s) is invalid: %v", i, in.ID, domain.BatchError(map[int][]domain.FieldError{i: p}))
		}
		p, err := store.PrepareInteraction(l.tenant, in)
		if err != nil {
			return store.Counts{}, 0, fmt.Errorf("prepare interaction %d (%s): %w", i, in.ID, err)
		}
		prepared = append(prepared, p)
		items += p.ItemCount()
	}
	c, err := l.st.LoadNew(ctx, prepared)
	if err != nil {
		return c, 0, fmt.Errorf("load interactions %d–%d: %w", from, to-1, err)
	}
	return c, items, nil
}

func addCounts(dst *store.Counts, c store.Counts) {
	dst.Received += c.Received
	dst.Written += c.Written
	dst.Unchanged += c.Unchanged
	dst.Stale += c.Stale
}
