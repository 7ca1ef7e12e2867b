package store

import (
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
)

// RowFilter is every condition a report can put on interaction rows. The
// zero value matches every row; each set field narrows, and fields combine
// with AND. "Any" fields match a row that has at least one of the values;
// those that say so also take None, which matches a row with no value.
// It compiles to a DynamoDB FilterExpression here, next to the item layout
// it names, so the report package never spells an attribute.
type RowFilter struct {
	States            []domain.State       // any of
	Portfolio         *bool                // customer assigned in the platform
	Expiration        string               // active or expired
	VoiceStatuses     []domain.VoiceStatus // any of
	Statuses          []domain.FinalStatus // any of (seed 000 STATUS)
	TagsAny           []string             // completion tags
	Email             string               // the contact's email, case-insensitive
	Phone             string               // any number of the interaction (contact, from, to, DID), compared as digits
	AgentIDsAny       []string             // any agent who held a leg or closed it
	ServicesAny       []string             // the final service or any leg's; None: none at all
	Protocol          string               // exact
	ExternalContactID string               // exact
	ExternalProtocol  string               // exact
	UserTagsAny       []string             // tags of the agent who closed it
	Contact           string               // substring of the contact name, case- and accent-insensitive
	Queues            []string             // any of; non-nil and empty matches nothing (a supervisor with no queues)
	Channels          []string             // any of the named channel (page, account, line): conversation.channelName; None: no channel
	DID               string               // substring of the DID
	Disposition       string               // disposition code, exact
	Agent             string               // substring of any agent's name, case- and accent-insensitive

	// Drill-down filters: an aggregate report (IVR, agents, conversation
	// statistics) links each of its numbers to the list of interactions
	// behind it, so each one states exactly the condition that report
	// counts by, over the same stored attribute.
	FinalAgents     []string        // any of: the final agent's id (agent.id); AgentIDsAny also matches earlier legs; None: no agent
	MenuPaths       []string        // any of: session.menuPath, the IVR the call went through; None: no IVR
	AbandonedIn     string          // AbandonedInIVR or AbandonedInQueue: abandoned calls, split by whether they reached a queue
	Categories      []string        // any of: conversation.category
	SupportType     string          // conversation.supportType, exact
	Assigned        *bool           // conversation.assigned is true (false: is not true, including absent)
	Completed       *bool           // conversation.completed, as Assigned
	Supported       *bool           // conversation.supported, as Assigned
	RespondedWithin domain.Duration // non-zero: supported, and wait at most this long (no wait attribute counts as 0)
	Rated           *bool           // a CSAT rating exists (csat.rating)
	Waited          *bool           // wait > 0: the interactions an average wait is over (false: not, including absent)
	Handled         *bool           // handle > 0, likewise for the average handle time
}

// None in a list that takes it selects the rows without a value for the
// attribute: the tracking report's "", and the key the aggregate reports
// give those rows.
const None = ""

// Where an abandoned call was abandoned: the queued instant is what tells
// a caller who hung up in the IVR from one who hung up waiting in a queue.
const (
	AbandonedInIVR   = "ivr"
	AbandonedInQueue = "queue"
)

// Empty reports whether the filter can match nothing at all without
// reading: a queue scope with no queues.
func (f *RowFilter) Empty() bool { return f.Queues != nil && len(f.Queues) == 0 }

// compile adds the filter's terms to e.
func (f *RowFilter) compile(e *expr) {
	if len(f.States) > 0 {
		e.in("state", strs(f.States))
	}
	if f.Portfolio != nil {
		e.and(e.path("portfolio") + " = " + e.value(&types.AttributeValueMemberBOOL{Value: *f.Portfolio}))
	}
	if f.Expiration != "" {
		e.eq("expiration", f.Expiration)
	}
	if len(f.VoiceStatuses) > 0 {
		e.in("voiceStatus", strs(f.VoiceStatuses))
	}
	if len(f.Statuses) > 0 {
		e.in("status", strs(f.Statuses))
	}
	if len(f.TagsAny) > 0 {
		e.containsAny("tags", f.TagsAny)
	}
	if f.Email != "" {
		e.eq("xEmail", strings.ToLower(f.Email))
	}
	if f.Phone != "" {
		e.containsAny("xPhones", []string{Digits(f.Phone)})
	}
	if len(f.AgentIDsAny) > 0 {
		e.containsAny("xAgentIds", f.AgentIDsAny)
	}
	if len(f.ServicesAny) > 0 {
		e.orNone("xServices", f.ServicesAny, e.containsTerm)
	}
	if f.Protocol != "" {
		e.eq("protocol", f.Protocol)
	}
	if f.ExternalContactID != "" {
		e.eq("contact.externalId", f.ExternalContactID)
	}
	if f.ExternalProtocol != "" {
		e.eq("externalProtocol", f.ExternalProtocol)
	}
	if len(f.UserTagsAny) > 0 {
		e.containsAny("agent.tags", f.UserTagsAny)
	}
	if f.Contact != "" {
		e.containsAny("xContact", []string{Fold(f.Contact)})
	}
	if f.Queues != nil {
		e.in("queue", f.Queues)
	}
	if len(f.Channels) > 0 {
		e.orNone("conversation.channelName", f.Channels, e.inTerm)
	}
	if f.DID != "" {
		e.containsAny("did", []string{f.DID})
	}
	if f.Disposition != "" {
		e.eq("disposition.code", f.Disposition)
	}
	if f.Agent != "" {
		e.containsAny("xAgents", []string{Fold(f.Agent)})
	}
	f.compileDrillDown(e)
}

// compileDrillDown adds the drill-down terms. Flags compare with the
// stored BOOL; "not true" also matches a row without the attribute (no
// conversation, or one written before the flag existed), since an
// aggregate counts such a row as not assigned/done/supported.
func (f *RowFilter) compileDrillDown(e *expr) {
	if len(f.FinalAgents) > 0 {
		e.orNone("agent.id", f.FinalAgents, e.inTerm)
	}
	if len(f.MenuPaths) > 0 {
		e.orNone("session.menuPath", f.MenuPaths, e.inTerm)
	}
	switch f.AbandonedIn {
	case AbandonedInIVR:
		e.eq("voiceStatus", string(domain.VoiceAbandoned))
		e.and(e.missing("queued"))
	case AbandonedInQueue:
		e.eq("voiceStatus", string(domain.VoiceAbandoned))
		e.and(e.exists("queued"))
	}
	if len(f.Categories) > 0 {
		e.in("conversation.category", f.Categories)
	}
	if f.SupportType != "" {
		e.eq("conversation.supportType", f.SupportType)
	}
	e.flag("conversation.assigned", f.Assigned)
	e.flag("conversation.completed", f.Completed)
	e.flag("conversation.supported", f.Supported)
	if f.RespondedWithin > 0 {
		// Only a supported conversation was responded to at all. wait is
		// stored as a number of milliseconds (domain.Duration has no
		// marshaler of its own), so the bound is compared in ms; a row
		// without it had no measured wait, which the aggregate counts as 0.
		supported := true
		e.flag("conversation.supported", &supported)
		w := e.path("wait")
		e.and("(" + e.missing("wait") + " OR " + w + " <= " + e.value(&types.AttributeValueMemberN{Value: strconv.FormatInt(f.RespondedWithin.Millis(), 10)}) + ")")
	}
	if f.Rated != nil {
		if *f.Rated {
			e.and(e.exists("csat.rating"))
		} else {
			e.and(e.missing("csat.rating"))
		}
	}
	// Measured means greater than 0, the rule every average follows
	// (docs/metrics.md); both are stored as numbers of milliseconds.
	e.positive("wait", f.Waited)
	e.positive("handle", f.Handled)
}

func strs[S ~string](v []S) []string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = string(s)
	}
	return out
}
