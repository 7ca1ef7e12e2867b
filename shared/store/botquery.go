package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
)

// BotQuery asks for the bot sessions that started inside Spans
// (ascending, not overlapping) on one of Channels and pass Filter, in
// start order (ties by id), descending when Desc.
type BotQuery struct {
	Channels []domain.Media
	Spans    []Span
	Filter   BotFilter
	Desc     bool
}

// BotFilter is every condition the chatbot conversation report puts on
// bot sessions. The zero value matches every session; set fields narrow
// and combine with AND.
type BotFilter struct {
	Session   string      // the session id, exact
	Protocol  string      // exact
	LabelsAny []string    // any of the labels
	Info      *InfoFilter // one additional-information condition
	Contact   string      // the captured name or contact, or the phone's digits: a case- and accent-insensitive substring
	Queues    []string    // any of; non-nil and empty matches nothing (a supervisor with no queues)
}

// Empty reports whether the filter can match nothing at all without
// reading: a queue scope with no queues.
func (f *BotFilter) Empty() bool { return f.Queues != nil && len(f.Queues) == 0 }

// InfoOp is how an InfoFilter compares the additional-information value.
type InfoOp string

const (
	InfoEquals      InfoOp = "equals"
	InfoNotEquals   InfoOp = "not_equals" // also a session without the key
	InfoContains    InfoOp = "contains"
	InfoNotContains InfoOp = "not_contains" // also a session without the key
	InfoExists      InfoOp = "exists"
)

// InfoOps lists the operations, in the order the report names them.
var InfoOps = []InfoOp{InfoEquals, InfoNotEquals, InfoContains, InfoNotContains, InfoExists}

// InfoFilter compares one additional-information key's value with Value
// (as stored: case-sensitive), or only asks that the key exists.
type InfoFilter struct {
	Key   string `json:"k"`
	Op    InfoOp `json:"o"`
	Value string `json:"v,omitempty"`
}

// BotSessionRow is a bot session as the list reads it: no messages.
type BotSessionRow struct {
	domain.BotSession
	SortKey string
}

// BotPos is where a paged bot-session query stopped: the position of each
// of its reads (one per channel, or the one read of a session or protocol
// lookup), nil for a read that is done. The zero value is the start.
type BotPos struct {
	Reads []*RowPos `json:"r,omitempty"`
}

// BotPage is one page of a bot-session query.
type BotPage struct {
	Sessions []BotSessionRow
	// Next is where the next page starts; nil when the query is exhausted.
	Next                *BotPos
	Evaluated, Requests int
}

// botSliceHours: bot partitions are small, so a day is one Query; finer
// slices would only multiply the calls on days without sessions.
const botSliceHours = 24

// QueryBotSessions reads one page of at most limit sessions from pos.
//
// Each channel's day partitions are disjoint in time and read in order as
// the interaction rows are (readSegments); the channels overlap in time,
// so their reads run side by side and are merged. A read that stopped
// early (at the page budget, or with the page full) knows its sessions
// only up to where it stopped, its frontier, so the merge hands out only
// sessions that are before every unfinished read's frontier; each read
// then resumes after the last of its own sessions handed out. The read
// with the nearest frontier hands out all it found, so every page makes
// progress.
func (s *Store) QueryBotSessions(ctx context.Context, t Tenant, q BotQuery, pos BotPos, limit int, budget PageBudget) (BotPage, error) {
	var page BotPage
	if q.Filter.Empty() || len(q.Channels) == 0 {
		return page, nil
	}
	if limit < 1 {
		return page, fmt.Errorf("query bot sessions: limit %d must be positive", limit)
	}
	reads, err := s.botReads(ctx, t, q, &page)
	if err != nil {
		return BotPage{}, err
	}
	at := pos.Reads
	if at == nil {
		at = make([]*RowPos, len(reads))
		for i := range at {
			at[i] = &RowPos{}
		}
	}
	if len(at) != len(reads) {
		return BotPage{}, errBadPosition
	}
	e := newExpr()
	q.Filter.compile(e)
	if q.Filter.Session == "" && q.Filter.Protocol != "" { // the index holds every channel
		e.in("channel", strs(q.Channels))
	}
	if err := e.tooLarge(); err != nil {
		return BotPage{}, err
	}

	// The reads share the page's budget of items; each has its own time
	// budget, spent side by side.
	budget = budget.withDefaults()
	budget.MaxEvaluated = max(1, budget.MaxEvaluated/len(reads))
	found := make([]segPage, len(reads))
	g, gctx := errgroup.WithContext(ctx)
	for i, segs := range reads {
		if at[i] != nil {
			g.Go(func() (err error) {
				found[i], err = s.readSegments(gctx, segs, e, q.Desc, *at[i], limit, budget)
				return err
			})
		}
	}
	if err := g.Wait(); err != nil {
		return BotPage{}, err
	}

	type candidate struct {
		segItem
		read int
	}
	var all []candidate
	for i, f := range found {
		page.Evaluated += f.Evaluated
		page.Requests += f.Requests
		for _, it := range f.Items {
			all = append(all, candidate{it, i})
		}
	}
	slices.SortFunc(all, func(a, b candidate) int {
		if q.Desc {
			return strings.Compare(b.sk, a.sk)
		}
		return strings.Compare(a.sk, b.sk)
	})
	handed := make([]int, len(reads))
	last := make([]*segItem, len(reads))
	for _, c := range all {
		if len(page.Sessions) == limit || !q.known(c.sk, reads, at, found) {
			break
		}
		var it botRowItem
		if err := dynamo.UnmarshalItem(c.item, &it); err != nil {
			return BotPage{}, fmt.Errorf("decode bot session: %w", err)
		}
		page.Sessions = append(page.Sessions, BotSessionRow{BotSession: it.BotSession, SortKey: c.sk})
		handed[c.read]++
		last[c.read] = &c.segItem
	}

	next := &BotPos{Reads: make([]*RowPos, len(reads))}
	more := false
	for i := range reads {
		switch {
		case at[i] == nil: // done before this page
		case handed[i] == len(found[i].Items):
			next.Reads[i] = found[i].Next
		case last[i] != nil:
			next.Reads[i] = &RowPos{Segment: last[i].seg, After: last[i].sk}
		default:
			next.Reads[i] = at[i]
		}
		more = more || next.Reads[i] != nil
	}
	if more {
		page.Next = next
	}
	return page, nil
}

// known reports whether every read that was not exhausted has read past
// sort key sk: a session at sk can't be followed by an unread one before it.
func (q *BotQuery) known(sk string, reads [][]segment, at []*RowPos, found []segPage) bool {
	for i, segs := range reads {
		n := found[i].Next
		if at[i] == nil || n == nil {
			continue
		}
		// Read up to and including After, or, a segment not begun, up to
		// (excluding) its first bound.
		bound, inclusive := n.After, true
		if bound == "" {
			bound, inclusive = segs[n.Segment].lo, false
			if q.Desc {
				bound = segs[n.Segment].hi
			}
		}
		c := strings.Compare(sk, bound)
		if q.Desc {
			c = -c
		}
		if c > 0 || (c == 0 && !inclusive) {
			return false
		}
	}
	return true
}

// botReads is the query's reads, each a list of segments in the query's
// order: one per channel over its day partitions, or, for a session id,
// the one row its version record points at (when a channel and the
// period of the query hold it), or, for a protocol, gsi1 over the period.
func (s *Store) botReads(ctx context.Context, t Tenant, q BotQuery, page *BotPage) ([][]segment, error) {
	spans, err := s.botChannelSpans(ctx, t, q)
	if err != nil {
		return nil, err
	}
	page.Evaluated++
	page.Requests++
	// A channel no session is on is a read with nothing (or less) to
	// read: the reads keep their places, which the cursor's positions are by.
	channels := make([][]segment, len(q.Channels))
	for i, c := range q.Channels {
		channels[i] = daySegments(spans[i], q.Desc, botSliceHours, func(day string) string { return t.BotPartition(c, day) })
	}
	switch {
	case q.Filter.Session != "":
		var meta botMetaItem
		mk := t.BotMetaKey(q.Filter.Session)
		err := s.table.Get("pk", mk.PK).Range("sk", dynamo.Equal, mk.SK).One(ctx, &meta)
		page.Evaluated++
		page.Requests++
		if errors.Is(err, dynamo.ErrNotFound) {
			return [][]segment{nil}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("get bot session version: %w", err)
		}
		for _, segs := range channels {
			for _, sg := range segs {
				if sg.pk == meta.RowPK && sg.lo <= meta.RowSK && meta.RowSK <= sg.hi {
					return [][]segment{{{pk: meta.RowPK, lo: meta.RowSK, hi: meta.RowSK}}}, nil
				}
			}
		}
		return [][]segment{nil}, nil
	case q.Filter.Protocol != "":
		var segs []segment
		for _, sp := range q.Spans {
			lo, hi := StartBounds(sp.From, sp.To)
			segs = append(segs, segment{pk: t.BotProtocolGSI(q.Filter.Protocol), lo: lo, hi: hi, ix: &protocolIndex})
		}
		if q.Desc {
			slices.Reverse(segs)
		}
		return [][]segment{segs}, nil
	}
	return channels, nil
}

// compile adds the filter's terms to e.
func (f *BotFilter) compile(e *expr) {
	if f.Session != "" {
		e.eq("id", f.Session)
	}
	if f.Protocol != "" {
		e.eq("protocol", f.Protocol)
	}
	if len(f.LabelsAny) > 0 {
		e.containsAny("labels", f.LabelsAny)
	}
	if f.Info != nil {
		f.Info.compile(e)
	}
	if f.Contact != "" {
		e.containsAny("xContact", []string{botContactTerm(f.Contact)})
	}
	if f.Queues != nil {
		e.in("queue", f.Queues)
	}
}

// compile adds the condition. The key gets a placeholder of its own: info
// keys may hold '.' and '-', which a path would misread.
func (c *InfoFilter) compile(e *expr) {
	const key = "#infoKey"
	e.names[key] = c.Key
	p := e.path("info") + "." + key
	switch c.Op {
	case InfoEquals:
		e.and(p + " = " + e.str(c.Value))
	case InfoNotEquals:
		e.and("(attribute_not_exists(" + p + ") OR " + p + " <> " + e.str(c.Value) + ")")
	case InfoContains:
		e.and("contains(" + p + ", " + e.str(c.Value) + ")")
	case InfoNotContains:
		e.and("NOT contains(" + p + ", " + e.str(c.Value) + ")")
	case InfoExists:
		e.and("attribute_exists(" + p + ")")
	}
}

// botSearch is the session's xContact: its folded name and contact and
// its phone's digits, each searchable as a substring.
func botSearch(b *domain.BotSession) string {
	var parts []string
	for _, p := range []string{Fold(b.Name), Fold(b.Contact), Digits(b.Phone)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, nameSeparator)
}

// botContactTerm is what a contact search looks for in xContact: the
// digits of something written like a phone number ("+55 (11) 9999"),
// otherwise the folded text.
func botContactTerm(s string) string {
	if d := Digits(s); len(d) >= 3 && strings.Trim(s, "0123456789+-() .") == "" {
		return d
	}
	return Fold(s)
}
