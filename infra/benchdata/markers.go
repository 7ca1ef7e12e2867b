package benchdata

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Two markers on the tenant: "bench-data" holds the fingerprint of the
// data set once all of it is stored; "bench-load" holds the fingerprint of
// the load under way and its watermark, so an interrupted load resumes.
const (
	doneMarker = "bench-data"
	loadMarker = "bench-load"
)

// state is what the markers say about the table.
type state struct {
	done    string // fingerprint of a complete data set, or ""
	loading string // fingerprint of an unfinished load, or ""
	mark    int    // its watermark
}

func readState(ctx context.Context, st *store.Store, t store.Tenant) (state, error) {
	var s state
	var err error
	if s.done, err = marker(ctx, st, t, doneMarker); err != nil {
		return s, err
	}
	v, err := marker(ctx, st, t, loadMarker)
	if err != nil || v == "" {
		return s, err
	}
	fp, mark, ok := strings.Cut(v, " done=")
	n, perr := strconv.Atoi(mark)
	if !ok || perr != nil {
		return s, fmt.Errorf("benchdata: unreadable %s marker %q", loadMarker, v)
	}
	s.loading, s.mark = fp, n
	return s, nil
}

// marker is "" when unset.
func marker(ctx context.Context, st *store.Store, t store.Tenant, name string) (string, error) {
	v, err := st.Marker(ctx, t, name)
	if errors.Is(err, domain.ErrNotFound) {
		return "", nil
	}
	return v, err
}

func saveWatermark(ctx context.Context, st *store.Store, t store.Tenant, fp string, mark int) error {
	return st.SetMarker(ctx, t, loadMarker, fp+" done="+strconv.Itoa(mark))
}
