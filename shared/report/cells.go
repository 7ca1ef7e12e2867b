package report

import (
	"context"
	"fmt"
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// Read is one report's read of a rollup family.
type Read struct {
	Family *rollup.Family
	Range  period.Range
	// Buckets groups the range by local date or hour; nil reads the range
	// as one bucket (0).
	Buckets *TimeBuckets
	// Needs names the dimensions the report reads (its groups and the
	// filters it applies; the queue is added when scoped), so that a
	// coarser view can serve it.
	Needs    []string
	Contacts bool // the report counts distinct contacts
	// ContactNeeds are the dimensions its distinct contacts are grouped
	// and filtered by (the queue is added when scoped); nil means Needs.
	ContactNeeds []string
	Queues       []string // the caller's scope; nil reads every queue
	Keep         func(rollup.Cell) bool
	// Holding tells the reader that Keep drops every cell whose set
	// dimension lacks a value (a filter on one service), so that a view
	// split by it can serve the read.
	Holding *rollup.Holding
}

// Cells calls fn with each cell of the family in the range, in the
// caller's queues, that keep accepts, with its bucket; it returns the
// read capacity used. Cells come signed (rollup.Reader.Read): sum them,
// and treat a group whose count sums to zero as absent.
func Cells(ctx context.Context, rd *rollup.Reader, t store.Tenant, q Read, fn func(c rollup.Cell, bucket int)) (float64, error) {
	qi := q.Family.Dim(rollup.DimQueue)
	spans := q.Range.Spans()
	if err := OnQuarters(q.Range); err != nil {
		return 0, err
	}
	buckets := [][]period.Span{spans}
	if q.Buckets != nil {
		buckets = q.Buckets.spans
	}
	needs, contactNeeds := q.Needs, q.ContactNeeds
	if q.Queues != nil {
		needs = append(slices.Clip(needs), rollup.DimQueue)
		if contactNeeds != nil {
			contactNeeds = append(slices.Clip(contactNeeds), rollup.DimQueue)
		}
	}
	read := rollup.Read{Family: q.Family, Tenant: t, Buckets: buckets, Needs: needs, Contacts: q.Contacts, ContactNeeds: contactNeeds, Holding: q.Holding}
	return rd.Read(ctx, read, func(c rollup.Cell, bucket int) {
		if q.Queues != nil && !slices.Contains(q.Queues, c.Dims[qi]) {
			return
		}
		if q.Keep == nil || q.Keep(c) {
			fn(c, bucket)
		}
	})
}

// OnQuarters checks that the period's instants fall on UTC quarter-hours,
// the cells' grain. Every offset in use is a multiple of 15 minutes; local
// mean time before a zone adopted one (São Paulo before 1914: -03:06:28)
// is not.
func OnQuarters(r period.Range) error {
	for _, s := range r.Spans() {
		if !rollup.OnQuarter(s.From) || !rollup.OnQuarter(s.To) {
			return domain.FieldErr(domain.CodeBadRequest, "from",
				fmt.Sprintf("the period reaches back to when %s was not a whole quarter-hour from UTC; aggregates start at its first quarter-hour offset", r.Loc))
		}
	}
	return nil
}

// Placed is a cell with its bucket.
type Placed struct {
	rollup.Cell
	Bucket int
}

// ReadCells is Cells into a slice, for the reports that group after
// reading.
func ReadCells(ctx context.Context, env Env, q Read) ([]Placed, float64, error) {
	var cells []Placed
	units, err := Cells(ctx, env.Reader, env.Tenant, q, func(c rollup.Cell, b int) { cells = append(cells, Placed{c, b}) })
	return cells, units, err
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

// HoldingOne is the Read.Holding of a SetAnyOf filter on dimension dim:
// one when the filter names exactly one value (a filter of several
// values keeps cells holding any of them, which a split view, keeping an
// interaction under each value, would count more than once).
func HoldingOne(dim string, want []string) *rollup.Holding {
	if len(want) != 1 {
		return nil
	}
	return &rollup.Holding{Dim: dim, Value: want[0]}
}

// NeedsIf is names, less those whose filter is unset: a report's Needs
// are its groups plus the dimensions of the filters it was given.
func NeedsIf(names ...NeedIf) []string {
	var out []string
	for _, n := range names {
		if n.Set {
			out = append(out, n.Dim)
		}
	}
	return out
}

// NeedIf is a dimension a report reads when Set.
type NeedIf struct {
	Dim string
	Set bool
}
