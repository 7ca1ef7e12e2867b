package store

import (
	"context"
	"fmt"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/worktime"
)

// WorkStats says what RebuildWork changed.
type WorkStats struct {
	Events, Days, Months int
}

// RebuildWork recomputes, from the stored events, the working-time items
// of the UTC days from the one from falls in through the day after the
// one to falls in (the last statuses run on into it): the day items, the
// month items of their months and the agents. Bulk loads
// (LoadNewAgentEvents) and the rollups' rebuild command use it; it writes
// without conditions, so it expects no other writer of the same agents'
// events meanwhile.
func (s *Store) RebuildWork(ctx context.Context, t Tenant, from, to time.Time) (WorkStats, error) {
	// The day after to's: the last events' statuses run into it.
	first, last := Day.Slot(from), Day.Slot(to).AddDate(0, 0, 1)
	var st WorkStats
	events, _, err := s.AgentEvents(ctx, t, first.AddDate(0, 0, -1), last.AddDate(0, 0, 1))
	if err != nil {
		return st, err
	}
	st.Events = len(events)
	byAgent := map[string][]domain.AgentEvent{}
	counts := map[time.Time]map[string]int{}
	for _, e := range events {
		byAgent[e.AgentID] = append(byAgent[e.AgentID], e)
		d := Day.Slot(e.At)
		if counts[d] == nil {
			counts[d] = map[string]int{}
		}
		counts[d][e.AgentID]++
	}
	want := map[time.Time]map[string][]worktime.Span{}
	var days []time.Time
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		want[d] = map[string][]worktime.Span{}
		days = append(days, d)
	}
	for agent, evs := range byAgent {
		for d, spans := range worktime.Days(evs) {
			if w, ok := want[d]; ok {
				w[agent] = spans
			}
		}
	}

	var puts []any
	var deletes []dynamo.Keyed
	// The days' stored items, 8 partitions at a time, as ReadWork reads.
	haveDays := make([][]workDayItem, len(days))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, d := range days {
		g.Go(func() error {
			_, err := queryAll(gctx, s, t.WorkDayPartition(d), &haveDays[i])
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return st, err
	}
	for i, d := range days {
		prev := map[string]workDayItem{}
		agents := map[string]bool{}
		for _, it := range haveDays[i] {
			prev[it.Agent] = it
			agents[it.Agent] = true
		}
		for a := range want[d] {
			agents[a] = true
		}
		for a := range counts[d] {
			agents[a] = true
		}
		for a := range agents {
			k := t.workDayKey(d, a)
			next, old := newWorkDay(k, a, want[d][a], counts[d][a]), prev[a]
			empty := next.Events == 0 && next.Spans == ""
			if next.Ver == old.Ver || (empty && old.Ver == "") {
				continue
			}
			if empty {
				deletes = append(deletes, dynamo.Keys{k.PK, k.SK})
			} else {
				puts = append(puts, next)
			}
			st.Days++
		}
	}
	// Each month the days touch is summed from scratch, from these days as
	// rebuilt and its other days as stored: a month item is a function of
	// its days, so a rebuild interrupted anywhere is finished by the next.
	for m := Month.Slot(first); !m.After(last); m = m.AddDate(0, 1, 0) {
		var others []time.Time
		for d := m; d.Before(m.AddDate(0, 1, 0)); d = d.AddDate(0, 0, 1) {
			if _, ok := want[d]; !ok {
				others = append(others, d)
			}
		}
		stored, err := s.ReadWork(ctx, t, worktime.Plan{Days: others})
		if err != nil {
			return st, err
		}
		sums := map[string]*worktime.Month{}
		sum := func(a string) *worktime.Month {
			if sums[a] == nil {
				sums[a] = &worktime.Month{}
			}
			return sums[a]
		}
		for a, byDay := range stored.Days {
			for d, spans := range byDay {
				sum(a).Add(worktime.DayMonth(d, spans), 1)
			}
		}
		for d := m; d.Before(m.AddDate(0, 1, 0)); d = d.AddDate(0, 0, 1) {
			for a, spans := range want[d] {
				sum(a).Add(worktime.DayMonth(d, spans), 1)
			}
		}
		var cur []workMonthItem
		if _, err := queryAll(ctx, s, t.WorkMonthPartition(m), &cur); err != nil {
			return st, err
		}
		had := map[string]string{}
		for _, it := range cur {
			had[it.Agent] = it.Sum
			sum(it.Agent)
		}
		for a, total := range sums {
			k := t.workMonthKey(m, a)
			item := newWorkMonth(k, a, *total)
			switch old, ok := had[a]; {
			case total.Zero() && ok:
				deletes = append(deletes, dynamo.Keys{k.PK, k.SK})
			case total.Zero() || old == item.Sum:
				continue
			default:
				puts = append(puts, item)
			}
			st.Months++
		}
	}
	if err := s.batchPut(ctx, puts); err != nil {
		return st, err
	}
	if err := s.batchDelete(ctx, deletes); err != nil {
		return st, err
	}
	return st, s.rebuildAgents(ctx, t, byAgent)
}

// rebuildAgents keeps, for each agent, the fields of their latest event
// among these, unless the stored one is later.
func (s *Store) rebuildAgents(ctx context.Context, t Tenant, byAgent map[string][]domain.AgentEvent) error {
	for agent, evs := range byAgent {
		sorted := worktime.Sorted(evs)
		e := sorted[len(sorted)-1]
		k := t.workAgentKey(agent)
		err := s.table.Put(workAgentItem{PK: k.PK, SK: k.SK, Latest: eventOrder(&e),
			WorkAgent: WorkAgent{ID: agent, Name: e.AgentName, Queues: e.Queues, Tags: e.Tags}}).
			If("attribute_not_exists('pk') OR 'latest' <= ?", eventOrder(&e)).Run(ctx)
		if err != nil && !isConditionFailure(err) {
			return wrap(fmt.Sprintf("put agent %s", agent), err)
		}
	}
	return nil
}
