package benchdata

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// rollupMarker holds the fingerprint of each family the data set's
// rollups were rebuilt with: "ag=<fp> iv=<fp> …".
const rollupMarker = "bench-rollups"

// rollupFingerprints digests each family's contributions of a few of the
// data set's interactions (one per media the generator draws first), and
// names the store's cell form, as the marker holds them.
func (d *DB) rollupFingerprints() (string, error) {
	gen, err := d.Info.Spec.generator()
	if err != nil {
		return "", err
	}
	sample := []domain.Interaction{gen.Interaction(0), gen.Interaction(1), gen.Interaction(2), gen.Interaction(3), gen.Interaction(4)}
	parts := make([]string, len(rollup.Families))
	for i, f := range rollup.Families {
		parts[i] = f.Name + "=" + rollup.FamilyFingerprint(f, sample...) + "/" + store.CellFormat
	}
	return strings.Join(parts, " "), nil
}

// staleFamilies are the families whose cells today's code computes
// differently from what the marker says built them: all of them for a
// marker of another form.
func staleFamilies(have, want string) []*rollup.Family {
	built := strings.Fields(have)
	var out []*rollup.Family
	for i, w := range strings.Fields(want) {
		if !slices.Contains(built, w) {
			out = append(out, rollup.Families[i])
		}
	}
	return out
}

// HasRollups reports whether the data set's rollups are built by today's
// families.
func (d *DB) HasRollups(ctx context.Context) (bool, error) {
	fp, err := d.rollupFingerprints()
	if err != nil {
		return false, err
	}
	have, err := marker(ctx, d.Store, d.Tenant, rollupMarker)
	return have == fp, err
}

// EnsureRollups rebuilds the data set's rollups from its rows, for the
// families the marker doesn't say today's code built: the rows are loaded
// with batched writes, which leave the rollups to this step, and a change
// to one family's cells rebuilds that family alone.
func (d *DB) EnsureRollups(ctx context.Context, log io.Writer) error {
	fp, err := d.rollupFingerprints()
	if err != nil {
		return err
	}
	have, err := marker(ctx, d.Store, d.Tenant, rollupMarker)
	if err != nil || have == fp {
		return err
	}
	stale := staleFamilies(have, fp)
	client := d.Store.Client()
	if err := disableStream(ctx, client); err != nil {
		return err
	}
	spec := d.Info.Spec
	began := time.Now()
	from, to := spec.End.AddDate(0, 0, -spec.Days-1), spec.End
	for _, f := range stale {
		fmt.Fprintf(log, "rollups: rebuilding family %s\n", f.Name)
	}
	s, err := rollup.RebuildOf(ctx, d.Store, d.Tenant, stale, from, to, func(day time.Time, s rollup.RebuildStats) {
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
