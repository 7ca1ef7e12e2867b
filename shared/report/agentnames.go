package report

import (
	"cmp"
	"time"
)

// AgentNames labels rows of agents (final agent ids) with a name from the
// cells: an agent renamed inside the period shows the name of their
// latest cell that counts in it (ties: the greatest name, so the label
// doesn't depend on the order cells were read in). Cells come signed: a
// name whose cells sum to nothing (only in hours a month cell's tiling
// took away) does not count.
type AgentNames map[string]map[string]*agentName

type agentName struct {
	n  int64
	at time.Time
}

// Add notes the name a cell of slot gave agent id, with the cell's
// (signed) interaction count n.
func (a AgentNames) Add(id, name string, slot time.Time, n int64) {
	names := a[id]
	if names == nil {
		names = map[string]*agentName{}
		a[id] = names
	}
	have := names[name]
	if have == nil {
		have = &agentName{}
		names[name] = have
	}
	have.n += n
	if n > 0 && slot.After(have.at) {
		have.at = slot
	}
}

// Label is the agent's name, their id if no cell named them, and none
// for the interactions without a final agent (id "").
func (a AgentNames) Label(id, none string) string {
	if id == "" {
		return none
	}
	return cmp.Or(a.Name(id), id)
}

// Name is the agent's name; "" if no cell named them.
func (a AgentNames) Name(id string) string {
	var best string
	var at time.Time
	found := false
	for name, x := range a[id] {
		if x.n <= 0 || name == "" {
			continue
		}
		if !found || x.at.After(at) || x.at.Equal(at) && name > best {
			best, at, found = name, x.at, true
		}
	}
	return best
}
