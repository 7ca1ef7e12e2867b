// Package tracking is the Interaction Tracking report (seed 000, with seed
// 004's grid columns and filters): which filters apply to which media, how
// a request becomes a store query over day partitions, the signed cursor
// that pages through it, and the row every screen and file shows. The
// history lookups and the exports render rows with RenderRow, so a row
// reads the same everywhere.
package tracking
