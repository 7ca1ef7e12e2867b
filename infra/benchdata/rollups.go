package benchdata

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rastro-cc/rastro/shared/rollup"
)

// rollupMarker holds the fingerprint of the families the data set's
// rollups were rebuilt with.
const rollupMarker = "bench-rollups"

// rollupFingerprint digests the families' contributions of a few of the
// data set's interactions (one per media the generator draws first).
func (d *DB) rollupFingerprint() (string, error) {
	gen, err := d.Info.Spec.generator()
	if err != nil {
		return "", err
	}
	return rollup.Fingerprint(gen.Interaction(0), gen.Interaction(1), gen.Interaction(2), gen.Interaction(3), gen.Interaction(4)), nil
}

// HasRollups reports whether the data set's rollups are built by today's
// families.
func (d *DB) HasRollups(ctx context.Context) (bool, error) {
	fp, err := d.rollupFingerprint()
	if err != nil {
		return false, err
	}
	have, err := marker(ctx, d.Store, d.Tenant, rollupMarker)
	return have == fp, err
}

// EnsureRollups rebuilds the data set's rollups from its rows unless the
// marker says today's families built them: the rows are loaded with
// batched writes, which leave the rollups to this step.
func (d *DB) EnsureRollups(ctx context.Context, log io.Writer) error {
	if ok, err := d.HasRollups(ctx); err != nil || ok {
		return err
	}
	fp, err := d.rollupFingerprint()
	if err != nil {
		return err
	}
	client := d.Store.Client()
	if err := disableStream(ctx, client); err != nil {
		return err
	}
	spec := d.Info.Spec
	began := time.Now()
	from, to := spec.End.AddDate(0, 0, -spec.Days-1), spec.End
	s, err := rollup.Rebuild(ctx, d.Store, d.Tenant, from, to, func(day time.Time, s rollup.RebuildStats) {
		fmt.Fprintf(log, "rollups %s: %d interactions, %d cells written, %s\n", day.Format("2006-01-02"), s.Interactions, s.Written, time.Since(began).Round(time.Second))
	})
	if err != nil {
		return fmt.Errorf("benchdata: rebuild rollups: %w", err)
	}
	fmt.Fprintf(log, "rollups rebuilt: %d interactions, %d cells, in %s\n", s.Interactions, s.Written, time.Since(began).Round(time.Second))
	if err := enableStream(ctx, client); err != nil {
		return err
	}
	return d.Store.SetMarker(ctx, d.Tenant, rollupMarker, fp)
}
