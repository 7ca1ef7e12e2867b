// Package rollup keeps Rastro's aggregates exact: every interaction
// contributes counters to a few families of cells (store.Cell), one family
// per aggregate report, each keyed by the dimensions that report filters
// and groups on. Cells exist at two grains, the UTC quarter-hour (any
// zone's hours and days, including +05:30, +05:45 and DST days, are unions
// of them) and the UTC day (the interior of a long range, 96 times fewer
// items). The contributor (Contributor) turns each upsert into the delta
// between the old and the new version's contributions, inside the upsert's
// transaction; Rebuild recomputes the same cells from the rows; Reader
// tiles a report's UTC spans with the coarsest cells that fit.
//
// docs/metrics.md defines every counter; docs/access-patterns.md says why
// these families and grains.
package rollup
