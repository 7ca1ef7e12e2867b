package report

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// Read is one report's read of a rollup family.
type Read struct {
	Family *rollup.Family
	Range  period.Range
	Queues []string // the caller's scope; nil reads every queue
	Fine   bool     // quarter-hour cells only (grouping by local hour or date)
	Keep   func(rollup.Cell) bool
}

// Cells calls fn with each cell of the family in the range, in the
// caller's queues, that keep accepts; it returns the read capacity used.
func Cells(ctx context.Context, rd *rollup.Reader, t store.Tenant, q Read, fn func(rollup.Cell)) (float64, error) {
	qi := q.Family.Dim(rollup.DimQueue)
	spans := q.Range.Spans()
	for _, s := range spans {
		// Every offset in use is a multiple of 15 minutes; local mean time
		// before a zone adopted one (São Paulo before 1914: -03:06:28) is not.
		if !s.From.Equal(s.From.Truncate(15*time.Minute)) || !s.To.Equal(s.To.Truncate(15*time.Minute)) {
			return 0, domain.FieldErr(domain.CodeBadRequest, "from",
				fmt.Sprintf("the period reaches back to when %s was not a whole quarter-hour from UTC; aggregates start at its first quarter-hour offset", q.Range.Loc))
		}
	}
	return rd.Read(ctx, rollup.Read{Family: q.Family, Tenant: t, Spans: spans, Fine: q.Fine}, func(c rollup.Cell) {
		if q.Queues != nil && !slices.Contains(q.Queues, c.Dims[qi]) {
			return
		}
		if q.Keep == nil || q.Keep(c) {
			fn(c)
		}
	})
}

// AnyOf reports whether a cell's dimension i is one of want (want empty:
// no filter).
func AnyOf(c rollup.Cell, i int, want []string) bool {
	return len(want) == 0 || slices.Contains(want, c.Dims[i])
}

// SetAnyOf reports whether a cell's set dimension i holds one of want.
func SetAnyOf(c rollup.Cell, i int, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, v := range c.Dims.Set(i) {
		if slices.Contains(want, v) {
			return true
		}
	}
	return false
}
