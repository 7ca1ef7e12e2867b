package sessionmeta

import (
	"fmt"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Interaction maps the document onto Rastro's model, normalized, and lists
// every problem by the document's own key names, so that the platform's
// engineers can find them in the file they sent. now bounds future instants.
//
// Problems come from three places, reported in this order of precedence:
// keys of the wrong type (found by decoding), rules only the document can
// check (status codes, session types, the agent/transfer alignment), and
// the domain's validation of the mapped interaction. A key already blamed
// by an earlier source is not blamed again, so one mistake reads as one
// problem. A domain field with no key behind it is named "mapped.<field>".
//
// The interaction is returned even when there are problems, for callers
// that want to show what was understood; it must not be stored then.
func (d Document) Interaction(now time.Time) (domain.Interaction, []domain.FieldError) {
	m := &mapper{d: d, own: &domain.Problems{}, names: map[string]string{}}
	in := m.interaction()
	in.Normalize()
	return in, m.merge(in.Problems(now))
}

type mapper struct {
	d     Document
	own   *domain.Problems
	names map[string]string // domain field → document key, for fields whose key depends on the document
}

func (m *mapper) name(domainField, documentKey string) { m.names[domainField] = documentKey }

func (m *mapper) interaction() domain.Interaction {
	d := m.d
	in := domain.Interaction{
		ID:          string(d.SessionID),
		Updated:     d.UpdatedAt.Time,
		Start:       d.CreatedAt.Time,
		Queued:      d.QueuedAt.ptr(),
		Assigned:    d.AssignedAt.ptr(),
		Answered:    d.ConnectedAt.ptr(),
		Finished:    d.EndedAt.ptr(),
		Scheduled:   d.ScheduledAt.ptr(),
		VAAssigned:  d.VAAssignedAt.ptr(),
		VAConnected: d.VAConnectedAt.ptr(),
		Handle:      d.HandleDuration,
		Hold:        d.HoldDuration,
	}

	st := domain.SessionType(d.SessionType)
	media, typeKnown := domain.SessionTypes[st]
	switch {
	case d.SessionType == "":
		m.own.Add("session_type", "is required: one of "+sessionTypeList())
	case !typeKnown:
		m.own.Addf("session_type", "must be one of %s (got %q)", sessionTypeList(), domain.Clip(d.SessionType))
	default:
		in.Media, in.Direction = media, direction(st)
	}

	code, statusKnown := m.status()
	if statusKnown {
		c := code
		in.SessionStatus = &c
		o := outcomeOf(code, d.ConnectedAt.ptr() != nil, len(d.TransferInfo) > 0, in.Direction == "outbound", d.Deflection)
		in.State, in.Status = o.state, o.status
		if in.Media == domain.MediaVoice {
			in.VoiceStatus = o.voiceStatus
		}
		if code.Final() && d.EndedAt.IsZero() {
			m.own.Addf("ended_at", "is required when status is final (%d %s)", int(code), code.Name())
		}
		in.Legs = m.legs(o.lastLegEnd)
	} else {
		in.Legs = m.legs("")
	}

	in.Session = m.session(st, typeKnown)
	if d.MenuPath != nil {
		in.Queue = d.MenuPath.Name
	}
	in.CSAT = m.csat()
	if d.DispositionCode != "" || d.DispositionNotes != "" {
		in.Disposition = &domain.Disposition{Code: d.DispositionCode, Notes: d.DispositionNotes}
	}
	if in.Media == domain.MediaVoice {
		in.Voice = m.voice()
	}
	if n := len(d.AgentInfo); n > 0 {
		last := d.AgentInfo[n-1]
		in.Agent = &domain.Agent{ID: string(last.ID), Name: last.Name}
		m.name("agent.id", fmt.Sprintf("agent_info[%d].id", n-1))
		m.name("agent.name", fmt.Sprintf("agent_info[%d].name", n-1))
	}
	m.contact(&in)
	in.Participants = m.participants()
	return in
}

// status checks the numbered status against seed 003's table.
func (m *mapper) status() (domain.SessionStatus, bool) {
	if m.d.Status == nil {
		m.own.Add("status", "is required: one of "+statusList())
		return 0, false
	}
	code := domain.SessionStatus(*m.d.Status)
	if !code.Valid() {
		m.own.Addf("status", "must be one of seed 003's codes %s (got %d)", statusList(), int(code))
		return 0, false
	}
	return code, true
}

func (m *mapper) session(st domain.SessionType, typeKnown bool) *domain.SessionInfo {
	d := m.d
	s := &domain.SessionInfo{
		Lang:           d.Lang,
		AnswerType:     d.AnswerType,
		TicketID:       string(d.OutTicketID),
		TicketURL:      withScheme(d.OutTicketURL),
		SupportNumber:  d.SupportNumber,
		OutboundNumber: d.OutboundNumber,
		MenuPathID:     d.MenuPathID,
		Deflection:     d.Deflection,
		Transferred:    len(d.TransferInfo) > 0,
		InCallSMS:      d.InCallSMS,
		WaitTimeSMS:    d.WaitTimeSMS,
	}
	if typeKnown {
		s.Type = st
	}
	if mp := d.MenuPath; mp != nil {
		s.MenuPath = mp.Name
		switch mp.Type {
		case "", "ivr", "web", "mobile":
		default:
			m.own.Addf("menu_path.type", "must be one of ivr, web, mobile (got %q)", domain.Clip(mp.Type))
		}
	}
	if q := d.QueuePriority; q != nil {
		if *q == 0 {
			// The domain reads 0 as "no priority"; a document that says 0 is wrong, not silent.
			m.own.Add("queue_priority", "must be from 1 to 8 (got 0)")
		}
		s.QueuePriority = *q
	}
	if sa := d.SmartActions; sa != nil {
		s.SmartActions = &domain.SmartActions{
			Verification: sa.VerificationStatus,
			Photos:       sa.PhotosSent,
			Videos:       sa.VideosSent,
			TextInput:    sa.TextInput,
		}
	}
	return s
}

func (m *mapper) csat() *domain.CSAT {
	d := m.d
	if d.CSATRating == nil {
		if d.CSATComment != "" {
			m.own.Add("csat_rating", "is required when csat_comment is present")
		}
		return nil
	}
	return &domain.CSAT{Rating: *d.CSATRating, Comment: d.CSATComment}
}

func (m *mapper) voice() *domain.VoiceDetails {
	perm := m.d.RecordingPermission
	if perm == "not asked" { // seed 003 spells it with a space in its table
		perm = "not_asked"
	}
	url := withScheme(m.d.RecordingURL)
	if perm == "" && url == "" {
		return nil
	}
	return &domain.VoiceDetails{RecordingPermission: perm, RecordingURL: url}
}

// contact maps the end user, and the numbers each side dialled from: the
// customer's phone is "from" on inbound sessions and "to" on outbound ones.
func (m *mapper) contact(in *domain.Interaction) {
	d := m.d
	if in.Direction == "outbound" {
		in.From = d.OutboundNumber
		m.name("from", "outbound_number")
	} else {
		in.To, in.DID = d.SupportNumber, d.SupportNumber
		m.name("to", "support_number")
	}
	u := d.EndUser
	if u == nil || (u.ID == "" && u.Name == "" && u.Phone == "" && u.Email == "") {
		return
	}
	in.Contact = &domain.Contact{Name: u.Name, Phone: u.Phone, Email: u.Email, ExternalID: string(u.ID)}
	if in.Direction == "outbound" {
		in.To = u.Phone
		m.name("to", "end_user.phone")
	} else {
		in.From = u.Phone
		m.name("from", "end_user.phone")
	}
}

func (m *mapper) participants() []domain.Participant {
	if len(m.d.Participants) == 0 {
		return nil
	}
	out := make([]domain.Participant, len(m.d.Participants))
	for i, p := range m.d.Participants {
		out[i] = domain.Participant{Type: p.Type, ID: string(p.ID), Name: p.Name, Joined: p.JoinedAt.ptr(), Left: p.LeftAt.ptr()}
		for _, f := range participantKeys {
			m.name(fmt.Sprintf("participants[%d].%s", i, f.domain), fmt.Sprintf("participants[%d].%s", i, f.document))
		}
	}
	return out
}

var participantKeys = []struct{ domain, document string }{
	{"type", "type"}, {"id", "id"}, {"name", "name"}, {"joined", "joined_at"}, {"left", "left_at"},
}

// withScheme completes links written without a scheme (seed 003's own
// example recording URL is "www.example.examplecrm.com/23453732"); https is
// assumed because recording and CRM links are served over TLS, and the
// domain accepts only absolute http(s) URLs.
func withScheme(u string) string {
	if u == "" || strings.Contains(u, "://") {
		return u
	}
	return "https://" + u
}
