package store

import (
	"context"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// agentEventItem is one status change of an agent.
type agentEventItem struct {
	PK string `dynamo:"pk,hash"`
	SK string `dynamo:"sk,range"`
	domain.AgentEvent
}

// PutAgentEvent stores an event once. Events are facts identified by
// agent, instant and type: the first stored wins, and a replay (or a
// second report of the same fact) changes nothing.
func (s *Store) PutAgentEvent(ctx context.Context, t Tenant, e domain.AgentEvent) (Outcome, error) {
	e.Normalize()
	k := t.AgentEventKey(&e)
	err := s.table.Put(agentEventItem{PK: k.PK, SK: k.SK, AgentEvent: e}).If("attribute_not_exists('pk')").Run(ctx)
	if isConditionFailure(err) {
		return Unchanged, nil
	}
	if err != nil {
		return 0, wrap("put agent event", err)
	}
	return Written, nil
}

// EachAgentEvent calls fn with every agent event at an instant in
// [from, to), day partition by day partition, in agent then time order
// within a day.
func (s *Store) EachAgentEvent(ctx context.Context, t Tenant, from, to time.Time, fn func(domain.AgentEvent)) error {
	for d := Day.Slot(from); d.Before(to); d = d.AddDate(0, 0, 1) {
		it := s.table.Get("pk", t.AgentEventPartition(domain.UTCDay(d))).Iter()
		var item agentEventItem
		for it.Next(ctx, &item) {
			if !item.At.Before(from) && item.At.Before(to) {
				fn(item.AgentEvent)
			}
			item = agentEventItem{}
		}
		if err := it.Err(); err != nil {
			return wrap("read agent events", err)
		}
	}
	return nil
}
