package sessionmeta

import (
	"fmt"

	"github.com/rastro-cc/rastro/shared/domain"
)

// legs builds the transfer path. agent_info and transfer_info are two views
// of one sequence: agent i held the session from its assignment (the first
// agent's assigned_at, later agents' transfer i-1) until transfer i, or
// until ended_at for the last one. A transfer to a queue or menu whose
// agent never came still makes a leg, so there are
// max(len(agent_info), len(transfer_info)+1) legs.
func (m *mapper) legs(lastLegEnd string) []domain.Leg {
	agents, transfers := m.d.AgentInfo, m.d.TransferInfo
	if len(agents) == 0 && len(transfers) == 0 {
		return nil
	}
	if len(agents) > len(transfers)+1 {
		// Rejected rather than guessed: without the transfer there is no
		// time at which the later agents took over.
		m.own.Addf(fmt.Sprintf("agent_info[%d]", len(transfers)+1),
			"has no transfer in transfer_info that brought the session to it (%d agents need %d transfers, got %d)",
			len(agents), len(agents)-1, len(transfers))
	}
	n := len(transfers) + 1
	out := make([]domain.Leg, n)
	for i := range out {
		leg := domain.Leg{Seq: i + 1}
		lf := fmt.Sprintf("legs[%d].", i)
		if i < len(agents) {
			leg.AgentID, leg.AgentName = string(agents[i].ID), agents[i].Name
			m.name(lf+"agentId", fmt.Sprintf("agent_info[%d].id", i))
			m.name(lf+"agentName", fmt.Sprintf("agent_info[%d].name", i))
		}
		if i == 0 {
			start, field := m.firstLegStart()
			leg.Start = start.Time
			m.name(lf+"start", field)
			if m.d.MenuPath != nil {
				leg.Queue = m.d.MenuPath.Name
				m.name(lf+"queue", "menu_path.name")
			}
		} else {
			m.arrive(&leg, i, lf)
		}
		if i < len(transfers) {
			t, tf := transfers[i], fmt.Sprintf("transfer_info[%d].", i)
			if t.TransferredAt.IsZero() {
				m.own.Add(tf+"transferred_at", "is required")
			}
			leg.End, leg.EndReason = t.TransferredAt.ptr(), "transferred"
			m.name(lf+"end", tf+"transferred_at")
			if i < len(agents) && t.FromAgentID != "" && t.FromAgentID != agents[i].ID {
				m.own.Addf(tf+"from_agent_id", "is %q but agent_info[%d].id is %q: transfers must be listed in the order the agents were assigned", domain.Clip(string(t.FromAgentID)), i, domain.Clip(string(agents[i].ID)))
			}
		} else if lastLegEnd != "" {
			leg.End, leg.EndReason = m.d.EndedAt.ptr(), lastLegEnd
			m.name(lf+"end", "ended_at")
		}
		m.name(lf+"endReason", "status")
		out[i] = leg
	}
	return out
}

// arrive fills what leg i (i ≥ 1) learns from the transfer that started it.
func (m *mapper) arrive(leg *domain.Leg, i int, lf string) {
	t, tf := m.d.TransferInfo[i-1], fmt.Sprintf("transfer_info[%d].", i-1)
	leg.Start = t.TransferredAt.Time
	m.name(lf+"start", tf+"transferred_at")
	if leg.AgentID == "" {
		leg.AgentID = string(t.ToAgentID)
		m.name(lf+"agentId", tf+"to_agent_id")
	} else if t.ToAgentID != "" && string(t.ToAgentID) != leg.AgentID {
		m.own.Addf(tf+"to_agent_id", "is %q but agent_info[%d].id is %q: transfers must be listed in the order the agents were assigned", domain.Clip(string(t.ToAgentID)), i, domain.Clip(leg.AgentID))
	}
	if leg.AgentName == "" {
		leg.AgentName = t.ToAgentName
		m.name(lf+"agentName", tf+"to_agent_name")
	}
	leg.Queue, leg.Menu = t.ToQueue, t.ToMenu
	m.name(lf+"queue", tf+"to_queue")
	m.name(lf+"menu", tf+"to_menu")
}

// firstLegStart is when the first agent took the session: its assignment,
// else its connection, else the session's creation, so that a document
// that skips steps still yields an ordered path.
func (m *mapper) firstLegStart() (Timestamp, string) {
	switch {
	case !m.d.AssignedAt.IsZero():
		return m.d.AssignedAt, "assigned_at"
	case !m.d.ConnectedAt.IsZero():
		return m.d.ConnectedAt, "connected_at"
	}
	return m.d.CreatedAt, "created_at"
}
