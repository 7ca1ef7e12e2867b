package report

import "time"

// AgentNames labels rows of agents (final agent ids) with a name from the
// cells: an agent renamed inside the period shows the name of their
// latest cell (ties: the greatest name, so the label doesn't depend on
// the order cells were read in).
type AgentNames map[string]agentName

type agentName struct {
	name string
	at   time.Time
}

// Add notes the name a cell of slot gave agent id.
func (a AgentNames) Add(id, name string, slot time.Time) {
	have, ok := a[id]
	if !ok || slot.After(have.at) || slot.Equal(have.at) && name > have.name {
		a[id] = agentName{name, slot}
	}
}

// Label is the agent's name, their id if no cell named them, and none
// for the interactions without a final agent (id "").
func (a AgentNames) Label(id, none string) string {
	switch {
	case id == "":
		return none
	case a[id].name != "":
		return a[id].name
	}
	return id
}
