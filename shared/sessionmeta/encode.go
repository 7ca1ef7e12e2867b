package sessionmeta

import (
	"cmp"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// FromInteraction is the document that Interaction reads back as in: the
// inverse of the mapping the package comment describes, for the JSONL
// export. For an interaction that came from a valid document,
// FromInteraction(&in).Interaction(now) gives in again; what the document
// had and Interaction drops (agents' emails, menu_path.type, the agent and
// transfer lists' exact split when both could say who took a leg) is gone
// by then and is not invented here. menu_path.id is the last id of
// menu_path_id, the materialized path's leaf.
//
// Interactions that came from other sources (the HTTP interaction ingest)
// carry fields seed 003 has no key for (protocol, service, tags, voice
// quality, seed 000's status) and lack some it requires; for them the
// session type is read from media and direction and the numbered status
// from state, voice status and progress, and the rest is left out. Seed
// 003 has no session type for email, Instagram, Facebook, Telegram or
// ReclameAqui: their session_type is "".
//
// Messages never appear in the document, and participants only when in
// carries them: the export reads interactions from list rows, which hold
// neither (the store keeps both under the interaction's own items).
func FromInteraction(in *domain.Interaction) Document {
	d := Document{
		SessionID:      ID(in.ID),
		SessionType:    string(sessionTypeOf(in)),
		Status:         statusCodeOf(in),
		CreatedAt:      at(&in.Start),
		QueuedAt:       at(in.Queued),
		AssignedAt:     at(in.Assigned),
		ConnectedAt:    at(in.Answered),
		EndedAt:        at(in.Finished),
		ScheduledAt:    at(in.Scheduled),
		UpdatedAt:      at(&in.Updated),
		VAAssignedAt:   at(in.VAAssigned),
		VAConnectedAt:  at(in.VAConnected),
		HandleDuration: in.Handle,
		HoldDuration:   in.Hold,
		EndUser:        endUserOf(in.Contact),
		Participants:   participantsOf(in.Participants),
	}
	d.AgentInfo, d.TransferInfo = pathOf(in)
	sessionKeys(&d, in)
	if name := queueName(in); name != "" {
		d.MenuPath = &MenuPath{ID: ID(leafID(d.MenuPathID)), Name: name}
	}
	if c := in.CSAT; c != nil {
		rating := c.Rating
		d.CSATRating, d.CSATComment = &rating, c.Comment
	}
	if disp := in.Disposition; disp != nil {
		d.DispositionCode, d.DispositionNotes = disp.Code, disp.Notes
	}
	if v := in.Voice; v != nil {
		d.RecordingPermission, d.RecordingURL = v.RecordingPermission, v.RecordingURL
	}
	return d
}

// sessionKeys fills the keys kept in domain.SessionInfo. An interaction
// without one still names its numbers: the inbound DID is the support
// number, the outbound caller id the outbound number, as Interaction reads
// them.
func sessionKeys(d *Document, in *domain.Interaction) {
	s := in.Session
	if s == nil {
		if in.Direction == "outbound" {
			d.OutboundNumber = in.From
		} else {
			d.SupportNumber = cmp.Or(in.DID, in.To)
		}
		return
	}
	d.Lang = s.Lang
	d.AnswerType = s.AnswerType
	d.OutTicketID = ID(s.TicketID)
	d.OutTicketURL = s.TicketURL
	d.SupportNumber = s.SupportNumber
	d.OutboundNumber = s.OutboundNumber
	d.MenuPathID = s.MenuPathID
	d.Deflection = s.Deflection
	d.InCallSMS = s.InCallSMS
	d.WaitTimeSMS = s.WaitTimeSMS
	if s.QueuePriority != 0 { // the domain's 0 is "no priority"; the document's would be an error
		p := s.QueuePriority
		d.QueuePriority = &p
	}
	if sa := s.SmartActions; sa != nil {
		d.SmartActions = &SmartActions{VerificationStatus: sa.Verification, PhotosSent: sa.Photos, VideosSent: sa.Videos, TextInput: sa.TextInput}
	}
}

// sessionTypeOf keeps the document's own type when there was one: several
// types share a media and direction (a scheduled web call and a plain
// inbound call are both inbound voice).
func sessionTypeOf(in *domain.Interaction) domain.SessionType {
	if s := in.Session; s != nil && s.Type != "" {
		return s.Type
	}
	t := defaultSessionTypes[in.Media]
	if in.Direction == "outbound" {
		return t.outbound
	}
	return t.inbound
}

var defaultSessionTypes = map[domain.Media]struct{ inbound, outbound domain.SessionType }{
	domain.MediaVoice:    {"voice_inbound", "voice_outbound"},
	domain.MediaSMS:      {"messaging_sms_inbound", "messaging_sms_outbound"},
	domain.MediaWhatsApp: {"messaging_whatsapp", "messaging_whatsapp"},
	domain.MediaWebchat:  {"messaging_web", "messaging_web"},
	domain.MediaChat:     {"messaging_mobile", "messaging_mobile"},
}

// statusCodeOf keeps the platform's numbered status when there was one.
// Otherwise it picks the code outcomeOf reads back closest to what the
// interaction says: how a closed one ended (voicemail, a deflection
// message, a call that never connected, else finished), how far an open
// one got.
func statusCodeOf(in *domain.Interaction) *StatusCode {
	code := domain.SessionQueued
	switch {
	case in.SessionStatus != nil:
		code = *in.SessionStatus
	case in.State == domain.StateClosed:
		code = domain.SessionFinished
		switch in.VoiceStatus {
		case domain.VoiceVoicemail:
			code = domain.SessionVoicemail
		case domain.VoiceMessage:
			code = domain.SessionDeflected
		case domain.VoiceNotConnected, domain.VoiceOutOfService:
			code = domain.SessionFailed
		}
	case in.Answered != nil:
		code = domain.SessionConnected
	case in.Assigned != nil:
		code = 2 // assigned: the domain names only the codes its rules use
	case in.Scheduled != nil && in.Queued == nil:
		code = domain.SessionScheduled
	}
	c := StatusCode(code)
	return &c
}

// pathOf splits the transfer path back into agent_info and transfer_info.
// Interaction gives leg i the agent agent_info[i] while there is one, and
// after that the transfer's to_agent_*; its final agent is the last of
// agent_info. So agent_info is the legs up to the last one the final agent
// held, as long as every leg up to there had an agent; transfer i is the
// step from leg i to leg i+1.
func pathOf(in *domain.Interaction) ([]AgentInfo, []TransferInfo) {
	legs := in.Legs
	if len(legs) == 0 {
		if in.Agent == nil {
			return nil, nil
		}
		return []AgentInfo{{ID: ID(in.Agent.ID), Name: in.Agent.Name}}, nil
	}
	held := 0 // leading legs with an agent
	for held < len(legs) && legs[held].AgentID != "" {
		held++
	}
	n := held
	if in.Agent != nil {
		for i := held; i > 0; i-- {
			if legs[i-1].AgentID == in.Agent.ID {
				n = i
				break
			}
		}
	}
	var agents []AgentInfo
	for _, l := range legs[:n] {
		agents = append(agents, AgentInfo{ID: ID(l.AgentID), Name: l.AgentName})
	}
	var transfers []TransferInfo
	for i := 1; i < len(legs); i++ {
		from, to := legs[i-1], legs[i]
		when := to.Start
		if when.IsZero() && from.End != nil {
			when = *from.End
		}
		transfers = append(transfers, TransferInfo{
			FromAgentID:   ID(from.AgentID),
			ToAgentID:     ID(to.AgentID),
			ToAgentName:   to.AgentName,
			ToMenu:        to.Menu,
			ToQueue:       to.Queue,
			TransferredAt: at(&when),
		})
	}
	return agents, transfers
}

// queueName is menu_path.name: Interaction copies it to the queue and to
// session.menuPath, so either gives it back.
func queueName(in *domain.Interaction) string {
	if in.Queue != "" {
		return in.Queue
	}
	if in.Session != nil {
		return in.Session.MenuPath
	}
	return ""
}

// leafID is the last queue id of a materialized menu path (2420/4563/6205
// ends at 6205), the id of the leaf menu_path names.
func leafID(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}

func endUserOf(c *domain.Contact) *EndUser {
	if c == nil || (c.ExternalID == "" && c.Name == "" && c.Phone == "" && c.Email == "") {
		return nil
	}
	return &EndUser{ID: ID(c.ExternalID), Name: c.Name, Phone: c.Phone, Email: c.Email}
}

func participantsOf(ps []domain.Participant) []Participant {
	if len(ps) == 0 {
		return nil
	}
	out := make([]Participant, len(ps))
	for i, p := range ps {
		out[i] = Participant{Type: p.Type, ID: ID(p.ID), Name: p.Name, JoinedAt: at(p.Joined), LeftAt: at(p.Left)}
	}
	return out
}

// at writes instants in UTC, the form Rastro stores them in; the offset the
// platform first wrote is not kept, and the instant is the same.
func at(t *time.Time) Timestamp {
	if t == nil || t.IsZero() {
		return Timestamp{}
	}
	return At(t.UTC())
}
