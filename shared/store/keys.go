package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Every key string of the table is built here and nowhere else, so the
// access-pattern table in doc.go is the whole truth about what a request
// can touch. Each constructor takes a Tenant, and every key it returns
// begins with "T#<tenant>#": a request scoped to one tenant cannot name
// another tenant's items.

// Tenant is a validated tenant id, the first component of every key.
type Tenant string

// NewTenant checks s can be a tenant id.
func NewTenant(s string) (Tenant, error) {
	if !domain.ValidTenantID(s) {
		return "", domain.Errorf(domain.CodeForbidden, "identity carries no valid tenant")
	}
	return Tenant(s), nil
}

// Prefix is the start of every key of the tenant.
func (t Tenant) Prefix() string { return "T#" + string(t) + "#" }

// Key is a primary key.
type Key struct {
	PK string `dynamo:"pk"`
	SK string `dynamo:"sk"`
}

// part escapes a free-text key component so that it can't inject a
// separator: '#' and '%' are percent-encoded.
func part(s string) string {
	if !strings.ContainsAny(s, "#%") {
		return s
	}
	return strings.NewReplacer("%", "%25", "#", "%23").Replace(s)
}

// startID is the sort key that orders interactions (and bot sessions) by
// start instant, ties broken by id.
func startID(start time.Time, id string) string {
	return domain.FormatInstant(start) + "#" + part(id)
}

// RowPartition holds the list rows of one media and UTC day.
func (t Tenant) RowPartition(m domain.Media, day string) string {
	return t.Prefix() + "M#" + string(m) + "#D#" + day
}

// RowKey is the list/export row of an interaction.
func (t Tenant) RowKey(in *domain.Interaction) Key {
	return Key{t.RowPartition(in.Media, domain.UTCDay(in.Start)), startID(in.Start, in.ID)}
}

// DetailsPartition holds everything else about one interaction.
func (t Tenant) DetailsPartition(id string) string { return t.Prefix() + "I#" + part(id) }

// Sort keys inside an interaction's details partition.
const (
	skMeta      = "META" // version, pointer to the row, the document, the first message chunk
	skMsgPrefix = "MSG#" // further message chunks, MSG#0001, MSG#0002...
	skIdxPrefix = "IDX#" // lookup entries the row can't carry itself
)

// MetaKey is the interaction's version record.
func (t Tenant) MetaKey(id string) Key { return Key{t.DetailsPartition(id), skMeta} }

// MessageChunkKey is chunk n of the interaction's messages.
func (t Tenant) MessageChunkKey(id string, n int) Key {
	return Key{t.DetailsPartition(id), skMsgPrefix + fmt.Sprintf("%04d", n)}
}

// Lookup entries: the row carries its protocol (gsi1), client (gsi2) and
// final agent (gsi3) itself; an entry item exists only for what it can't:
// the external protocol and every other agent who held a leg.
func (t Tenant) extProtocolEntryKey(id string) Key {
	return Key{t.DetailsPartition(id), skIdxPrefix + "X"}
}
func (t Tenant) agentEntryKey(id, agent string) Key {
	return Key{t.DetailsPartition(id), skIdxPrefix + "A#" + part(agent)}
}

// gsi1: exact lookups.
func (t Tenant) ProtocolGSI(protocol string) string    { return t.Prefix() + "P#" + part(protocol) }
func (t Tenant) ExtProtocolGSI(protocol string) string { return t.Prefix() + "X#" + part(protocol) }

// gsi2: the client's history in start order.
func (t Tenant) ContactGSI(contactKey string) string { return t.Prefix() + "C#" + part(contactKey) }

// gsi3: an agent's history in start order.
func (t Tenant) AgentGSI(agentID string) string { return t.Prefix() + "A#" + part(agentID) }

// AgentEventPartition holds a UTC day of agent status events.
func (t Tenant) AgentEventPartition(day string) string { return t.Prefix() + "S#D#" + day }

// AgentEventKey orders a day's events by agent, then instant, then type.
func (t Tenant) AgentEventKey(e *domain.AgentEvent) Key {
	return Key{t.AgentEventPartition(domain.UTCDay(e.At)), part(e.AgentID) + "#" + domain.FormatInstant(e.At) + "#" + e.Type}
}

// WorkDayPartition holds a UTC day's working-time spans, one item per
// agent (workDayKey).
func (t Tenant) WorkDayPartition(day time.Time) string {
	return t.Prefix() + "W#D#" + domain.UTCDay(day)
}

// WorkMonthPartition holds a UTC month's working-time totals, one item per
// agent (workMonthKey).
func (t Tenant) WorkMonthPartition(month time.Time) string {
	return t.Prefix() + "W#M#" + month.UTC().Format("2006-01")
}

// WorkAgentsPartition holds the agents who have sent status events: name,
// queues and tags of each one's latest event.
func (t Tenant) WorkAgentsPartition() string { return t.Prefix() + "W#A" }

// WorkAgentSK is an agent's item in the three working-time partitions.
func WorkAgentSK(agentID string) string { return part(agentID) }

func (t Tenant) workDayKey(day time.Time, agent string) Key {
	return Key{t.WorkDayPartition(day), WorkAgentSK(agent)}
}

func (t Tenant) workMonthKey(month time.Time, agent string) Key {
	return Key{t.WorkMonthPartition(month), WorkAgentSK(agent)}
}

func (t Tenant) workAgentKey(agent string) Key {
	return Key{t.WorkAgentsPartition(), WorkAgentSK(agent)}
}

// BotPartition holds one channel's bot sessions of a UTC day.
func (t Tenant) BotPartition(channel domain.Media, day string) string {
	return t.Prefix() + "B#" + string(channel) + "#D#" + day
}

// BotChannelsKey is the list of channels the tenant's bot sessions are on.
func (t Tenant) BotChannelsKey() Key { return Key{t.Prefix() + "B#CH", "CHANNELS"} }

// BotRowKey is a bot session's list item.
func (t Tenant) BotRowKey(b *domain.BotSession) Key {
	return Key{t.BotPartition(b.Channel, domain.UTCDay(b.Start)), startID(b.Start, b.ID)}
}

// BotDetailsPartition holds a bot session's version record and messages.
func (t Tenant) BotDetailsPartition(id string) string { return t.Prefix() + "BS#" + part(id) }

// BotMetaKey is the bot session's version record.
func (t Tenant) BotMetaKey(id string) Key { return Key{t.BotDetailsPartition(id), skMeta} }

// BotMessageChunkKey is chunk n of the bot session's messages.
func (t Tenant) BotMessageChunkKey(id string, n int) Key {
	return Key{t.BotDetailsPartition(id), skMsgPrefix + fmt.Sprintf("%04d", n)}
}

// BotProtocolGSI finds a bot session by its 17-digit protocol (gsi1).
func (t Tenant) BotProtocolGSI(protocol string) string { return t.Prefix() + "BP#" + part(protocol) }

// Grain is a rollup cell's width in time.
type Grain byte

const (
	Quarter Grain = 'Q' // a UTC quarter-hour: any zone's hours and days are unions of them
	Hour    Grain = 'H' // a UTC hour: a coarse view's by-hour rows and a day's whole hours
	Day     Grain = 'D' // a UTC day: the interior of long ranges, read 96 times more cheaply
	Month   Grain = 'M' // a UTC month: a month-long range is one month less or plus its ragged edges
	// Clock is a quarter-hour of the UTC day summed over a UTC month (its
	// slot: the month's first day at that time): an hour-of-day row or a
	// daily time window over a month is a few clock cells, less or plus
	// the quarter-hours of the days the range leaves out or the zone
	// moves (DST), where it was a cell per day.
	Clock Grain = 'C'
	// ClockHour is an hour of the UTC day summed over a UTC month, the
	// sum of its four Clock cells: where a zone's hours fall on UTC hours
	// (most zones), an hour-of-day row or a window of whole hours reads a
	// quarter of the clock cells.
	ClockHour Grain = 'K'
)

// Slot is the start of the grain's bucket holding t.
func (g Grain) Slot(t time.Time) time.Time {
	t = t.UTC()
	switch g {
	case Day:
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case Hour:
		return t.Truncate(time.Hour)
	case Clock:
		q := t.Truncate(15 * time.Minute)
		return time.Date(t.Year(), t.Month(), 1, q.Hour(), q.Minute(), 0, 0, time.UTC)
	case ClockHour:
		return time.Date(t.Year(), t.Month(), 1, t.Hour(), 0, 0, 0, time.UTC)
	}
	return t.Truncate(15 * time.Minute)
}

// Next is the start of the grain's bucket after the one starting at slot.
func (g Grain) Next(slot time.Time) time.Time {
	switch g {
	case Day:
		return slot.AddDate(0, 0, 1)
	case Month:
		return slot.AddDate(0, 1, 0)
	case Hour:
		return slot.Add(time.Hour)
	case Clock, ClockHour:
		// After 23:45 (23:00) comes the next month's 00:00: a month's
		// clock slots are its first day's quarter-hours (hours).
		step := 15 * time.Minute
		if g == ClockHour {
			step = time.Hour
		}
		if next := slot.Add(step); next.Day() == slot.Day() {
			return next
		}
		return time.Date(slot.Year(), slot.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return slot.Add(15 * time.Minute)
}

// CellPartition holds a family's cells of one grain: a UTC day of
// quarter-hours or hours, a UTC month of days or of clock quarter-hours,
// or a UTC year of months, so that a partition is read with one Query (or
// a few in parallel, by slot range).
func (t Tenant) CellPartition(family string, g Grain, slot time.Time) string {
	slot = slot.UTC()
	var bucket string
	switch g {
	case Day, Clock, ClockHour:
		bucket = slot.Format("2006-01")
	case Month:
		bucket = slot.Format("2006")
	default:
		bucket = slot.Format("2006-01-02")
	}
	return t.Prefix() + "R#" + part(family) + "#" + string(g) + "#" + bucket
}

// cellSlotLabel orders a partition's cells by slot: "HHMM" for quarter
// hours, hours and clock quarter-hours, the date for days, "yyyy-mm" for
// months.
func cellSlotLabel(g Grain, slot time.Time) string {
	switch g {
	case Day:
		return slot.UTC().Format("2006-01-02")
	case Month:
		return slot.UTC().Format("2006-01")
	}
	return slot.UTC().Format("1504")
}

// CellKey is one rollup cell: a family's counters for one slot and one
// dimension tuple (encoded by the rollup package; it contains no '#').
func (t Tenant) CellKey(family string, g Grain, slot time.Time, dims string) Key {
	return Key{t.CellPartition(family, g, slot), cellSlotLabel(g, slot) + "#" + part(dims)}
}

// CellBounds are the inclusive sort-key bounds of a partition's cells in
// slots first through last.
func CellBounds(g Grain, first, last time.Time) (lo, hi string) {
	return cellSlotLabel(g, first) + "#", cellSlotLabel(g, last) + "$"
}

// cellPrefixBounds are the inclusive sort-key bounds of a slot's cells
// whose dimension tuple begins with prefix: from the prefix itself to the
// prefix with its last byte raised by one, which no key of the slot
// equals (a key goes on past the prefix) and every key beginning with the
// prefix sorts below. The prefix ends in an ASCII separator (QueryCells
// checks), so the raised byte is a character too.
func cellPrefixBounds(g Grain, slot time.Time, prefix string) (lo, hi string) {
	p := cellSlotLabel(g, slot) + "#" + part(prefix)
	return p, p[:len(p)-1] + string(rune(p[len(p)-1]+1))
}

// SettingsKey holds the tenant's settings.
func (t Tenant) SettingsKey() Key { return Key{"T#" + string(t), "SETTINGS"} }

// ExportJobPartition holds the tenant's export jobs, newest last. The
// table pk "T#<t>#X" is no other item's (the "X#<protocol>" of external
// protocols is a gsi1pk, another attribute); tenant ids hold no '#'.
func (t Tenant) ExportJobPartition() string { return t.Prefix() + "X" }

// skExportPrefix starts an export job's sort key. Job ids begin with
// their creation instant, so the partition sorts jobs by creation.
const skExportPrefix = "X#"

// ExportJobKey is one export job.
func (t Tenant) ExportJobKey(id string) Key {
	return Key{t.ExportJobPartition(), skExportPrefix + part(id)}
}

// ExportJobOfKeys reads an export job's tenant and id back from its keys,
// as the table's stream hands them to the exporter; ok is false for the
// keys of any other item.
func ExportJobOfKeys(pk, sk string) (t Tenant, id string, ok bool) {
	rest, found := strings.CutPrefix(pk, "T#")
	if !found {
		return "", "", false
	}
	tenant, found := strings.CutSuffix(rest, "#X")
	if !found || !domain.ValidTenantID(tenant) {
		return "", "", false
	}
	id, found = strings.CutPrefix(sk, skExportPrefix)
	if !found || !domain.ValidExportJobID(id) {
		return "", "", false
	}
	return Tenant(tenant), id, true
}

// MarkerKey records tenant-level facts of tooling, such as which demo data
// set a local stack was seeded with.
func (t Tenant) MarkerKey(name string) Key { return Key{"T#" + string(t), "MARK#" + part(name)} }

// StartBounds are the inclusive sort-key bounds of every row or bot
// session that started in [from, to): sort keys are "<start>#<id>", and
// '$' sorts right after '#'.
func StartBounds(from, to time.Time) (lo, hi string) {
	return domain.FormatInstant(from), domain.FormatInstant(to.Add(-time.Millisecond)) + "$"
}

// isLookupEntry reports whether a details-partition sort key is a lookup
// entry's: index queries meet entries and rows side by side and decode
// each by its own layout.
func isLookupEntry(sk string) bool { return strings.HasPrefix(sk, skIdxPrefix) }

// ContactNumberKey holds the number a contact's per-contact counters are
// stored under (contactnumbers.go).
func (t Tenant) ContactNumberKey(contactKey string) Key {
	return Key{t.Prefix() + "N#" + part(contactKey), "N"}
}

// ContactSequenceKey holds the last contact number given in the tenant.
func (t Tenant) ContactSequenceKey() Key { return Key{"T#" + string(t), "CONTACTSEQ"} }
