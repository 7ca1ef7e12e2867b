// Package rollup keeps Rastro's aggregates exact: every interaction
// contributes counters to a few families of cells (store.Cell), one family
// per aggregate report, each keyed by the dimensions that report filters
// and groups on, and to the family's coarse views (the same counters under
// fewer dimensions). Cells exist at the UTC quarter-hour (any zone's hours
// and days, including +05:30, +05:45 and DST days, are unions of them),
// hour (views only), day and month, and some views keep clock cells (a
// UTC quarter-hour of the day summed over a month) for time-of-day rows
// and windows. The contributor (Contributor) turns
// each upsert into the delta between the old and the new version's
// contributions, inside the upsert's transaction; Rebuild recomputes the
// same cells from the rows; Reader tiles each of a report's buckets with
// the cheapest signed sum of cells (a month less the hours before a zone's
// midnight) and reads them.
//
// docs/metrics.md defines every counter; docs/access-patterns.md says why
// these families, views and grains.
package rollup
