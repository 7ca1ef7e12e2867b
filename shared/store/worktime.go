package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/worktime"
)

// Working time is kept beside the agent events it comes from, so that a
// report over a month reads a few hundred small items instead of the
// month's events (package worktime):
//
//   - a day item per agent and UTC day: the day's spans;
//   - a month item per agent and UTC month: the sum of its days' spans,
//     in all and by UTC hour of the day (worktime.Month);
//   - an agent item: name, queues and tags of the agent's latest event.
//
// PutAgentEvent writes the event, the two day items it can change (its
// own day and the next, where its status can run on for up to
// worktime.Cap) and their months in one transaction conditioned on what
// it read, so the month items always equal the sum of their days, and a
// replay or a late event changes exactly what the events say.

// WorkFormat names the form of the working-time items, for data sets
// that record what built them (the benchmark's extras, the dev stack's
// seed): a new form makes them load again. "w2": month items keep their
// hours of the day. A stored tenant moves to a new form with the rollups'
// rebuild command, which rebuilds working time too.
const WorkFormat = "w2"

type workDayItem struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Agent  string `dynamo:"agent"`
	Spans  string `dynamo:"spans,omitempty"`
	Events int    `dynamo:"events"` // the agent's events in the day
	Ver    string `dynamo:"ver"`    // digest of the two: what a concurrent writer must not have changed
}

type workMonthItem struct {
	PK    string `dynamo:"pk,hash"`
	SK    string `dynamo:"sk,range"`
	Agent string `dynamo:"agent"`
	worktime.Totals
	Hours string `dynamo:"hours,omitempty"` // worktime.EncodeHours
	// Sum digests the totals and hours: the condition a concurrent writer
	// must not have changed, and the same whichever path wrote them.
	Sum string `dynamo:"sum"`
}

// newWorkMonth is the month item of an agent's month.
func newWorkMonth(k Key, agent string, m worktime.Month) workMonthItem {
	hours := worktime.EncodeHours(m.Hours)
	b, _ := json.Marshal(m.Totals) // map keys sorted: deterministic
	h := sha256.Sum256(append(append(b, '|'), hours...))
	return workMonthItem{PK: k.PK, SK: k.SK, Agent: agent, Totals: m.Totals, Hours: hours, Sum: hex.EncodeToString(h[:8])}
}

// month is what the item holds.
func (it *workMonthItem) month() (worktime.Month, error) {
	hours, err := worktime.DecodeHours(it.Hours)
	if err != nil {
		return worktime.Month{}, fmt.Errorf("stored working time of %s in %s: %w", it.Agent, it.PK, err)
	}
	return worktime.Month{Totals: it.Totals, Hours: hours}, nil
}

type workAgentItem struct {
	PK string `dynamo:"pk,hash"`
	SK string `dynamo:"sk,range"`
	WorkAgent
	Latest string `dynamo:"latest"` // instant#type of the event the fields come from
}

// WorkAgent is an agent as their latest status event describes them.
type WorkAgent struct {
	ID     string   `dynamo:"agent"`
	Name   string   `dynamo:"name,omitempty"`
	Queues []string `dynamo:"queues,omitempty"`
	Tags   []string `dynamo:"tags,omitempty"`
}

func eventOrder(e *domain.AgentEvent) string { return domain.FormatInstant(e.At) + "#" + e.Type }

// PutAgentEvent stores an event once and keeps the agent's working time
// equal to what their stored events say. Events are facts identified by
// agent, instant and type: the first stored wins, and a replay (or a
// second report of the same fact) changes nothing, except to repair
// working time a crash left behind.
func (s *Store) PutAgentEvent(ctx context.Context, t Tenant, e domain.AgentEvent) (Outcome, error) {
	e.Normalize()
	for attempt := 1; ; attempt++ {
		o, err := s.putAgentEventOnce(ctx, t, &e)
		if err == nil || !isRace(err) || attempt == maxAttempts {
			return o, wrap("put agent event", err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return 0, err
		}
	}
}

func (s *Store) putAgentEventOnce(ctx context.Context, t Tenant, e *domain.AgentEvent) (Outcome, error) {
	day := Day.Slot(e.At)
	// The event's day and the next are what it can change; the day before
	// is read because its last status runs into the event's day. Every
	// event written changes its own day's item, so conditions on the three
	// items hold this write to exactly the events it read.
	days := [3]time.Time{day.AddDate(0, 0, -1), day, day.AddDate(0, 0, 1)}
	var (
		events   []domain.AgentEvent
		olds     [3]workDayItem
		hadDay   [3]bool
		agent    workAgentItem
		hadAgent bool
		monthAt  [3]workMonthItem
		hadMonth [3]bool
	)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		var err error
		events, err = s.agentEventsOf(gctx, t, e.AgentID, days[0], days[2].AddDate(0, 0, 1))
		return err
	})
	for i, d := range days {
		g.Go(func() error {
			var err error
			hadDay[i], err = s.getConsistent(gctx, t.workDayKey(d, e.AgentID), &olds[i])
			return err
		})
		if i > 0 {
			g.Go(func() error {
				var err error
				hadMonth[i], err = s.getConsistent(gctx, t.workMonthKey(Month.Slot(d), e.AgentID), &monthAt[i])
				return err
			})
		}
	}
	g.Go(func() error {
		var err error
		hadAgent, err = s.getConsistent(gctx, t.workAgentKey(e.AgentID), &agent)
		return err
	})
	if err := g.Wait(); err != nil {
		return 0, err
	}

	stored := false
	for i := range events {
		if events[i].At.Equal(e.At) && events[i].Type == e.Type {
			stored = true
		}
	}
	all := events
	if !stored {
		all = append(all, *e)
	}
	spans := worktime.Days(all)
	counts := map[time.Time]int{}
	for _, x := range all {
		counts[Day.Slot(x.At)]++
	}

	tx := s.db.WriteTx()
	writes := 0
	if !stored {
		k := t.AgentEventKey(e)
		tx.Put(s.table.Put(agentEventItem{PK: k.PK, SK: k.SK, AgentEvent: *e}).If("attribute_not_exists('pk')"))
		writes++
	}
	deltas := map[time.Time]worktime.Month{}
	months := map[time.Time]*workMonthItem{}
	for i, d := range days {
		k := t.workDayKey(d, e.AgentID)
		next := newWorkDay(k, e.AgentID, spans[d], counts[d])
		empty := next.Events == 0 && next.Spans == ""
		if i == 0 || next.Ver == olds[i].Ver || (empty && !hadDay[i]) {
			tx.Check(ifStill(s.table.Check("pk", k.PK).Range("sk", k.SK), hadDay[i], olds[i].Ver))
			continue
		}
		writes++
		switch {
		case empty:
			tx.Delete(s.table.Delete("pk", k.PK).Range("sk", k.SK).If("'ver' = ?", olds[i].Ver))
		case hadDay[i]:
			tx.Put(s.table.Put(next).If("'ver' = ?", olds[i].Ver))
		default:
			tx.Put(s.table.Put(next).If("attribute_not_exists('pk')"))
		}
		old, err := worktime.Decode(olds[i].Spans)
		if err != nil {
			return 0, fmt.Errorf("stored working time of %s on %s: %w", e.AgentID, domain.UTCDay(d), err)
		}
		m := Month.Slot(d)
		x := deltas[m]
		x.Add(worktime.DayMonth(d, spans[d]), 1)
		x.Add(worktime.DayMonth(d, old), -1)
		deltas[m] = x
		if hadMonth[i] {
			months[m] = &monthAt[i]
		}
	}
	for m, delta := range deltas {
		if delta.Zero() {
			continue
		}
		if err := s.txMonthItem(tx, t, m, e.AgentID, months[m], delta); err != nil {
			return 0, err
		}
		writes++
	}
	if !stored && (!hadAgent || agent.Latest < eventOrder(e)) {
		k := t.workAgentKey(e.AgentID)
		put := s.table.Put(workAgentItem{PK: k.PK, SK: k.SK, Latest: eventOrder(e),
			WorkAgent: WorkAgent{ID: e.AgentID, Name: e.AgentName, Queues: e.Queues, Tags: e.Tags}})
		if !hadAgent {
			put = put.If("attribute_not_exists('pk')")
		} else {
			put = put.If("'latest' = ?", agent.Latest)
		}
		tx.Put(put)
		writes++
	}
	if writes == 0 {
		return Unchanged, nil
	}
	if err := tx.Run(ctx); err != nil {
		return 0, err
	}
	if stored {
		return Unchanged, nil // a repair, not a new fact
	}
	return Written, nil
}

// newWorkDay is the day item of an agent's spans and event count.
func newWorkDay(k Key, agent string, spans []worktime.Span, events int) workDayItem {
	enc := worktime.Encode(spans)
	h := sha256.Sum256(fmt.Appendf(nil, "%s|%d", enc, events))
	return workDayItem{PK: k.PK, SK: k.SK, Agent: agent, Spans: enc, Events: events, Ver: hex.EncodeToString(h[:8])}
}

// ifStill conditions a check on the item being as it was read.
func ifStill(c *dynamo.ConditionCheck, existed bool, ver string) *dynamo.ConditionCheck {
	if !existed {
		return c.If("attribute_not_exists('pk')")
	}
	return c.If("'ver' = ?", ver)
}

// txMonthItem adds delta to a month item, if it is still cur.
func (s *Store) txMonthItem(tx *dynamo.WriteTx, t Tenant, m time.Time, agent string, cur *workMonthItem, delta worktime.Month) error {
	k := t.workMonthKey(m, agent)
	var sum worktime.Month
	if cur != nil {
		var err error
		if sum, err = cur.month(); err != nil {
			return err
		}
	}
	sum.Add(delta, 1)
	switch {
	case sum.Zero() && cur != nil:
		tx.Delete(s.table.Delete("pk", k.PK).Range("sk", k.SK).If("'sum' = ?", cur.Sum))
	case cur != nil:
		tx.Put(s.table.Put(newWorkMonth(k, agent, sum)).If("'sum' = ?", cur.Sum))
	default:
		tx.Put(s.table.Put(newWorkMonth(k, agent, sum)).If("attribute_not_exists('pk')"))
	}
	return nil
}

// getConsistent reads one item into out, consistently, and says whether
// there was one: a derived item not existing yet is no error.
func (s *Store) getConsistent(ctx context.Context, k Key, out any) (bool, error) {
	err := s.table.Get("pk", k.PK).Range("sk", dynamo.Equal, k.SK).Consistent(true).One(ctx, out)
	if errors.Is(err, dynamo.ErrNotFound) {
		return false, nil
	}
	return err == nil, wrap("get", err)
}

// agentEventsOf reads one agent's events of the UTC days [from, to),
// consistently: what the transaction's conditions were computed from.
func (s *Store) agentEventsOf(ctx context.Context, t Tenant, agent string, from, to time.Time) ([]domain.AgentEvent, error) {
	var out []domain.AgentEvent
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		it := s.table.Get("pk", t.AgentEventPartition(domain.UTCDay(d))).
			Range("sk", dynamo.BeginsWith, WorkAgentSK(agent)+"#").Consistent(true).Iter()
		var item agentEventItem
		for it.Next(ctx, &item) {
			out = append(out, item.AgentEvent)
			item = agentEventItem{}
		}
		if err := it.Err(); err != nil {
			return nil, wrap("read agent events", err)
		}
	}
	return out, nil
}
