package store

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
)

// RowFilter is every condition a report can put on interaction rows. The
// zero value matches every row; each set field narrows, and fields combine
// with AND. "Any" fields match a row that has at least one of the values.
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
	ServicesAny       []string             // the final service or any leg's
	Protocol          string               // exact
	ExternalContactID string               // exact
	ExternalProtocol  string               // exact
	UserTagsAny       []string             // tags of the agent who closed it
	Contact           string               // substring of the contact name, case- and accent-insensitive
	Queues            []string             // any of; non-nil and empty matches nothing (a supervisor with no queues)
	Channel           string               // the named channel (page, account, line): conversation.channelName
	DID               string               // substring of the DID
	Disposition       string               // disposition code, exact
	Agent             string               // substring of any agent's name, case- and accent-insensitive
}

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
		e.containsAny("xServices", f.ServicesAny)
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
	if f.Channel != "" {
		e.eq("conversation.channelName", f.Channel)
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
}

func strs[S ~string](v []S) []string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = string(s)
	}
	return out
}
