package sessionmeta

import (
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// documentKeys names the document key behind each domain field whose source
// does not depend on the document; the rest are recorded while mapping.
var documentKeys = map[string]string{
	"id":            "session_id",
	"media":         "session_type",
	"direction":     "session_type",
	"state":         "status",
	"status":        "status",
	"voiceStatus":   "status",
	"sessionStatus": "status",
	"updated":       "updated_at",
	"start":         "created_at",
	"queued":        "queued_at",
	"assigned":      "assigned_at",
	"answered":      "connected_at",
	"finished":      "ended_at",
	"scheduled":     "scheduled_at",
	"vaAssigned":    "va_assigned_at",
	"vaConnected":   "va_connected_at",
	"handle":        "handle_duration",
	"hold":          "hold_duration",
	"queue":         "menu_path.name",
	"did":           "support_number",
	"legs":          "transfer_info",
	"participants":  "participants",

	"session.lang":                      "lang",
	"session.type":                      "session_type",
	"session.answerType":                "answer_type",
	"session.ticketId":                  "out_ticket_id",
	"session.ticketUrl":                 "out_ticket_url",
	"session.supportNumber":             "support_number",
	"session.outboundNumber":            "outbound_number",
	"session.menuPath":                  "menu_path.name",
	"session.menuPathId":                "menu_path_id",
	"session.queuePriority":             "queue_priority",
	"session.deflection":                "deflection",
	"session.smartActions.verification": "smart_actions.verification_status",

	"csat.rating":       "csat_rating",
	"csat.comment":      "csat_comment",
	"disposition.code":  "disposition_code",
	"disposition.notes": "disposition_notes",

	"voice":                     "session_type",
	"voice.recordingPermission": "recording_permission",
	"voice.recordingUrl":        "recording_url",

	"contact.name":       "end_user.name",
	"contact.phone":      "end_user.phone",
	"contact.email":      "end_user.email",
	"contact.externalId": "end_user.id",
}

func (m *mapper) documentKey(domainField string) string {
	if k, ok := m.names[domainField]; ok {
		return k
	}
	if k, ok := documentKeys[domainField]; ok {
		return k
	}
	return "mapped." + domainField
}

// merge combines the three sources of problems in precedence order; see
// Interaction.
func (m *mapper) merge(domainProblems []domain.FieldError) []domain.FieldError {
	translated := make([]domain.FieldError, len(domainProblems))
	for i, fe := range domainProblems {
		translated[i] = domain.FieldError{Field: m.documentKey(fe.Field), Reason: fe.Reason}
	}
	out := &domain.Problems{}
	blamed := map[string]bool{}
	for _, tier := range [][]domain.FieldError{m.d.decodeProblems, m.own.List(), translated} {
		var added []string
		for _, fe := range tier {
			if coveredBy(fe.Field, blamed) {
				continue
			}
			out.Add(fe.Field, fe.Reason)
			added = append(added, fe.Field)
		}
		for _, f := range added {
			blamed[f] = true
		}
	}
	return out.List()
}

// coveredBy reports whether field or one of its parents (participants[1]
// for participants[1].type) was already blamed: a broken element explains
// the problems of its parts.
func coveredBy(field string, blamed map[string]bool) bool {
	for {
		if blamed[field] {
			return true
		}
		i := strings.LastIndexAny(field, ".[")
		if i <= 0 {
			return false
		}
		field = field[:i]
	}
}
