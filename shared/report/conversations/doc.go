// Package conversations is seed 001's conversation statistics: every
// text-media interaction (a conversation session) read from the
// rollup.Conversations cells, as an overview (§1.2), by final agent
// (§3.1), by local hour of day (§3.2), by local date (§3.3) and by channel
// (the page, §3.4). Every number links to the tracking report's list of
// the interactions behind it (report.Drill).
//
// Placement: a conversation belongs to the local date and hour of its
// start in the request's zone (DESIGN.md "Time").
//
// DECISION: seed 001 divides the average waiting time by every session in
// its overview and by the supported sessions in its by-user table; only
// supported conversations have a waiting and a support time, so Rastro
// divides both averages by the supported count in every view, and the
// overview, the tables and the totals agree. docs/metrics.md defines each
// column.
package conversations
