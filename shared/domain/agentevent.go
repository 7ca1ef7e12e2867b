package domain

import "time"

// AgentEvent is one change of an agent's status (seed 001 working time:
// pauses; seed 000 Agents report: user status). Placed in time by At.
type AgentEvent struct {
	AgentID   string    `json:"agentId" dynamo:"agentId"`
	AgentName string    `json:"agentName,omitempty" dynamo:"agentName,omitempty"`
	Type      string    `json:"type" dynamo:"type"`                         // login, logout, pause, ready
	Reason    string    `json:"reason,omitempty" dynamo:"reason,omitempty"` // pause reason (lunch, training...), pause only
	At        time.Time `json:"at" dynamo:"at"`
	Queues    []string  `json:"queues,omitempty" dynamo:"queues,omitempty"` // queues the agent serves, for supervisor scoping
	Tags      []string  `json:"tags,omitempty" dynamo:"tags,omitempty"`     // user tags
}

// AgentEventTypes are the statuses an agent can enter.
var AgentEventTypes = []string{"login", "logout", "pause", "ready"}

// Validate checks every field.
func (e *AgentEvent) Validate(now time.Time) error { return problemsErr(e.Problems(now)) }

// Problems lists what is wrong with the event.
func (e *AgentEvent) Problems(now time.Time) []FieldError {
	p := &Problems{}
	checkID(p, "agentId", e.AgentID, true)
	checkText(p, "agentName", e.AgentName, MaxTextLen, false)
	if e.Type == "" {
		p.Add("type", "is required")
	}
	checkEnum(p, "type", e.Type, AgentEventTypes...)
	checkText(p, "reason", e.Reason, MaxTextLen, false)
	if e.Reason != "" && e.Type != "pause" {
		p.Add("reason", "applies only to pause events")
	}
	checkInstant(p, "at", e.At, now, true)
	checkTags(p, "queues", e.Queues)
	checkTags(p, "tags", e.Tags)
	return p.List()
}

// Normalize puts the event in its stored form.
func (e *AgentEvent) Normalize() {
	e.At = Normalize(e.At)
	e.Queues = sortedUnique(e.Queues)
	e.Tags = sortedUnique(e.Tags)
}

func problemsErr(l []FieldError) error {
	if len(l) == 0 {
		return nil
	}
	p := &Problems{list: &l}
	return p.Err()
}
