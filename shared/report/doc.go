// Package report is what the aggregate reports (IVR, Agents, conversation
// statistics, tags) share: their query-string parser (period, zone, time
// window, supervisor scope, "any of" filters), the envelope every response
// carries (zone, totals, generatedAt, dataThrough, drill-down), the read of
// rollup cells narrowed to the caller's queues, and the HTTP handler
// around a report. Each report's own filters, groupings and metrics live
// in its subpackage; docs/metrics.md defines every metric.
package report
