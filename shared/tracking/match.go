package tracking

import (
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Match is the part of a request's conditions that the store's filter
// (store.RowFilter, compiled to a DynamoDB FilterExpression) can't state:
// "any of" lists that include None, several channels, and the measured
// wait and handle times the IVR report averages over. The report applies
// it to the rows the store returns (Service.Page); a condition the store
// can state stays in the store's filter, so DynamoDB drops what it can.
// The zero value matches every row.
type Match struct {
	MenuPaths   []string `json:",omitempty"` // any of; None: no IVR (no session.menuPath)
	FinalAgents []string `json:",omitempty"` // any of; None: no final agent (no agent.id)
	Services    []string `json:",omitempty"` // any of the final service and every leg's; None: none at all
	Channels    []string `json:",omitempty"` // any of; None: no conversation.channelName
	Waited      *bool    `json:",omitempty"` // wait > 0 (yes) or not (no): the calls the IVR report's average wait is over
	Handled     *bool    `json:",omitempty"` // handle > 0, likewise for the average handle time
}

// Empty reports whether the match keeps every row.
func (m *Match) Empty() bool {
	return m.MenuPaths == nil && m.FinalAgents == nil && m.Services == nil && m.Channels == nil &&
		m.Waited == nil && m.Handled == nil
}

// Matches reports whether in passes every condition of m.
func (m *Match) Matches(in *domain.Interaction) bool {
	var menuPath, finalAgent, channel string
	if in.Session != nil {
		menuPath = in.Session.MenuPath
	}
	if in.Agent != nil {
		finalAgent = in.Agent.ID
	}
	if in.Conversation != nil {
		channel = in.Conversation.ChannelName
	}
	return Selects(m.MenuPaths, one(menuPath)) && Selects(m.FinalAgents, one(finalAgent)) &&
		Selects(m.Services, in.Services()) && Selects(m.Channels, one(channel)) &&
		measured(m.Waited, in.Wait) && measured(m.Handled, in.Handle)
}

// Selects is the meaning of an "any of" list over an interaction's values
// of one attribute (have, none empty): no list selects everything; a
// list selects an interaction that has one of its values, and, when it
// holds None, one that has no value. The aggregate reports key the
// interactions without a value "" (rollup cells), and their drill-downs
// state that row as None: the same test decides both.
func Selects(want, have []string) bool {
	if want == nil {
		return true
	}
	if len(have) == 0 {
		return slices.Contains(want, None)
	}
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

// one is a single-valued attribute as a set: empty when absent.
func one(v string) []string {
	if v == "" {
		return nil
	}
	return []string{v}
}

// measured: a duration counts as measured when it is greater than 0, the
// rule every average follows (docs/metrics.md).
func measured(want *bool, d domain.Duration) bool {
	return want == nil || *want == (d > 0)
}
