package report

import (
	"context"

	"github.com/rastro-cc/rastro/shared/rollup"
)

// ReadCells is Cells into a slice, for the reports that group after
// reading (rows by local hour or date need the whole range first).
func ReadCells(ctx context.Context, env Env, q Read) ([]rollup.Cell, float64, error) {
	var cells []rollup.Cell
	units, err := Cells(ctx, env.Reader, env.Tenant, q, func(c rollup.Cell) { cells = append(cells, c) })
	return cells, units, err
}
