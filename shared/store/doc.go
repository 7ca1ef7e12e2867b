// Package store is Rastro's single DynamoDB table: every item, key and
// access pattern. Keys are built only in keys.go; every key of a tenant
// begins with "T#<tenant>#" (settings and markers: "T#<tenant>"), so a
// request scoped to one tenant cannot address another's items.
//
// Items (UTC days; instants as 2006-01-02T15:04:05.000Z):
//
//	entity                 pk                                   sk
//	interaction row        T#<t>#M#<media>#D#<day of start>     <start>#<id>   (gsi1 protocol, gsi2 client, gsi3 final agent)
//	interaction version    T#<t>#I#<id>                         META           (document + first message chunk)
//	interaction messages   T#<t>#I#<id>                         MSG#<nnnn>     (further chunks ≤ 256 KB)
//	lookup entries         T#<t>#I#<id>                         IDX#X (gsi1), IDX#A#<agent> (gsi3, other legs' agents)
//	agent status event     T#<t>#S#D#<day of at>                <agent>#<at>#<type>
//	working time, day      T#<t>#W#D#<UTC day>                  <agent>        (spans, events, ver)
//	working time, month    T#<t>#W#M#<yyyy-mm>                  <agent>        (totals, hours of the day, sum)
//	working-time agents    T#<t>#W#A                            <agent>        (latest event's name, queues, tags)
//	bot session row        T#<t>#B#<channel>#D#<day of start>   <start>#<session>
//	bot session version    T#<t>#BS#<session>                   META (+ first message chunk), MSG#<nnnn>
//	bot channel list       T#<t>#B#CH                           CHANNELS       (channels with sessions, since)
//	rollup cell            T#<t>#R#<family|view>#<grain>#<p>    <slot>#<tuple> (grain Q, H: p = UTC day, slot HHMM; D: p = month, slot day; M: p = year, slot yyyy-mm; C, K: p = month, slot HHMM)
//	export job             T#<t>#X                              X#<job id>     (kind=exportJob: the exporter's stream filter; ttl = created + 30 days)
//	tenant settings        T#<t>                                SETTINGS
//	contact number         T#<t>#N#<contact key>                N              (n: the number its per-contact counters are stored under)
//	contact sequence       T#<t>                                CONTACTSEQ     (n: the last contact number given)
//	tooling marker         T#<t>                                MARK#<name>
//
// Access patterns (every one a GetItem or a Query on known keys; no Scan):
//
//	pattern                              index  key condition                                  filter
//	report rows of a media and day       table  pk = T#t#M#m#D#day, sk between start bounds   report filters (RowFilter)
//	report rows by protocol              gsi1   gsi1pk = T#t#P#<protocol>                      report filters
//	report rows by external protocol     gsi1   gsi1pk = T#t#X#<protocol>, then the row        report filters
//	one interaction (history)            table  pk = T#t#I#id                                  —
//	interaction version (upsert)         table  pk = T#t#I#id, sk = META (consistent)          —
//	by protocol (rows)                   gsi1   gsi1pk = T#t#P#<protocol>, newest first        queue IN (supervisor's)
//	by external protocol (IDX#X)         gsi1   gsi1pk = T#t#X#<protocol>, newest first        queue IN (supervisor's)
//	bot sessions by protocol             gsi1   gsi1pk = T#t#BP#<protocol>, sk by start        report filters, channel IN
//	client history, paged (rows)         gsi2   gsi2pk = T#t#C#<contact key>, sk by start      queue IN (supervisor's)
//	agent history, paged (rows, IDX#A)   gsi3   gsi3pk = T#t#A#<agent>, sk by start            queue IN (supervisor's)
//	agent events of a day                table  pk = T#t#S#D#day, sk begins_with <agent>#      —
//	working time of a plan               table  pk = T#t#W#M#month, T#t#W#D#day, T#t#W#A          —
//	rollup cells of slots first..last    table  pk = T#t#R#f#g#p, sk between <first>#, <last>$  —
//	bot sessions of a channel and day    table  pk = T#t#B#c#D#day, sk between start bounds   report filters
//	one bot session (or its row)         table  pk = T#t#BS#id, sk = META, then its row        — (report filters)
//	export jobs, newest first, paged     table  pk = T#t#X, begins_with(sk, X#), descending    —
//	one export job (and its transitions) table  pk = T#t#X, sk = X#<id> (consistent; conditional updates)  —
//	tenant settings                      table  pk = T#t, sk = SETTINGS                        —
//	contact numbers (upsert, rebuild)    table  BatchGet pk = T#t#N#<key>, sk = N; new ones: ADD to CONTACTSEQ, conditional Put  —
//
// The history lookups (lookups.go) answer Summary values whichever item
// the index holds, page by the last item's index and table keys (the
// cursor the caller gets is that, signed), read at most 5,000 items per
// page, and list an interaction once even while an index still holds a
// replaced version's entry beside its new row.
//
// Export jobs (exportjobs.go) move queued → running → succeeded or
// failed, each step one conditional UpdateItem: a claim takes a queued job,
// a running one whose heartbeat is older than the lease, or a failed one
// marked for retry, while attempts remain; heartbeats and the finish hold
// only for the run that owns the job.
//
// Writes of interactions and bot sessions are versioned: the META item
// holds a version key (updated, version, content hash); a write reads it,
// returns Unchanged or Stale when the stored version is the same or newer,
// and otherwise replaces every item of the record in one
// TransactWriteItems conditioned on the version it read. Contributors
// (rollups) add their updates to that same transaction.
package store
