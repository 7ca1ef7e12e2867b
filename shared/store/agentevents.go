package store

import (
	"context"

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
