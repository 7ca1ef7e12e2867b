package domain

import (
	"fmt"
	"time"
)

// Validate checks every field of the interaction and returns an invalid
// Error naming each broken field, or nil. now bounds future instants.
func (in *Interaction) Validate(now time.Time) error {
	p := &Problems{}
	in.validate(p, now)
	return p.Err()
}

// Problems validates into p, for batch validation.
func (in *Interaction) Problems(now time.Time) []FieldError {
	p := &Problems{}
	in.validate(p, now)
	return p.List()
}

func (in *Interaction) validate(p *Problems, now time.Time) {
	checkID(p, "id", in.ID, true)
	if in.Media == "" {
		p.Add("media", "is required")
	} else if !in.Media.Valid() {
		p.Addf("media", "must be one of voice, whatsapp, chat, email, sms, instagram, facebook, telegram, webchat, reclameaqui (got %q)", Clip(string(in.Media)))
	}
	checkEnum(p, "state", string(in.State), "new", "active", "acw", "closed")
	checkInstant(p, "updated", in.Updated, now, true)
	if in.Version < 0 {
		p.Add("version", "must not be negative")
	}
	checkInstant(p, "start", in.Start, now, true)
	for _, f := range []struct {
		name string
		t    *time.Time
	}{
		{"queued", in.Queued}, {"assigned", in.Assigned}, {"answered", in.Answered},
		{"firstMessage", in.FirstMessage}, {"finished", in.Finished},
		{"clientEnd", in.ClientEnd}, {"agentEnd", in.AgentEnd},
		{"vaAssigned", in.VAAssigned}, {"vaConnected", in.VAConnected},
	} {
		checkNotBefore(p, f.name, f.t, in.Start, "start", now)
	}
	if in.Scheduled != nil {
		checkInstant(p, "scheduled", *in.Scheduled, now.AddDate(1, 0, 0), false)
	}
	if in.Answered != nil && in.Finished != nil && in.Finished.Before(*in.Answered) {
		p.Add("finished", "must not be before answered")
	}
	if in.State == StateClosed && in.Finished == nil {
		p.Add("finished", "is required when state is closed")
	}

	if in.Protocol != "" && (len(in.Protocol) > 64 || !protocolPattern.MatchString(in.Protocol)) {
		p.Add("protocol", "must be at most 64 letters, digits, spaces and . _ : / # -")
	}
	if in.ExternalProtocol != "" && (len(in.ExternalProtocol) > 64 || !protocolPattern.MatchString(in.ExternalProtocol)) {
		p.Add("externalProtocol", "must be at most 64 letters, digits, spaces and . _ : / # -")
	}
	checkText(p, "queue", in.Queue, MaxTextLen, false)
	checkText(p, "service", in.Service, MaxTextLen, false)
	checkText(p, "origin", in.Origin, MaxTextLen, false)
	checkEnum(p, "direction", in.Direction, "inbound", "outbound")
	checkEnum(p, "initiatedBy", in.InitiatedBy, "customer", "company")
	if in.InitiatedBy != "" && in.Media.Valid() && in.Media != MediaWhatsApp {
		p.Add("initiatedBy", "applies only to whatsapp")
	}
	checkText(p, "from", in.From, MaxTextLen, false)
	checkText(p, "to", in.To, MaxTextLen, false)
	checkText(p, "did", in.DID, MaxTextLen, false)
	if in.Agent != nil {
		a := p.Nested("agent.")
		checkID(a, "id", in.Agent.ID, true)
		checkText(a, "name", in.Agent.Name, MaxTextLen, false)
		checkTags(a, "tags", in.Agent.Tags)
	}
	if c := in.Contact; c != nil {
		cp := p.Nested("contact.")
		checkText(cp, "name", c.Name, MaxTextLen, false)
		if c.Phone != "" && !phonePattern.MatchString(c.Phone) {
			cp.Add("phone", "must be 3 to 20 digits, optionally after +")
		}
		if c.Email != "" && !ValidEmail(c.Email) {
			cp.Add("email", "must be an address like user.name@company.com.br (letters, digits . _ - + before @; a domain; a top-level domain of 2+ letters)")
		}
		checkText(cp, "externalId", c.ExternalID, MaxTextLen, false)
		if c.Document != "" && (!digitsPattern.MatchString(c.Document) || (len(c.Document) != 11 && len(c.Document) != 14)) {
			cp.Add("document", "must be a CPF (11 digits) or CNPJ (14 digits) without punctuation")
		}
		checkID(cp, "crmContactId", c.CRMContactID, false)
	}

	checkEnum(p, "status", string(in.Status), "abandoned", "bad_phone", "bad_number", "dequeued", "service_completed", "service_transferred")
	checkEnum(p, "voiceStatus", string(in.VoiceStatus), "abandoned", "answered", "voicemail", "not_connected", "out_of_service", "not_answered", "message")
	if in.VoiceStatus != "" && in.Media.Valid() && in.Media != MediaVoice {
		p.Add("voiceStatus", "applies only to voice")
	}
	if in.SessionStatus != nil && !in.SessionStatus.Valid() {
		p.Addf("sessionStatus", "must be one of seed 003's codes 0-5, 8-23, 80, 81 (got %d)", int(*in.SessionStatus))
	}
	checkEnum(p, "expiration", in.Expiration, "active", "expired")
	if in.Expiration != "" && in.Media.Valid() && in.Media != MediaChat && in.Media != MediaWhatsApp {
		p.Add("expiration", "applies only to chat and whatsapp")
	}
	checkTags(p, "tags", in.Tags)
	if d := in.Disposition; d != nil {
		dp := p.Nested("disposition.")
		if d.Code == "" {
			dp.Add("code", "is required")
		}
		checkText(dp, "code", d.Code, MaxTextLen, false)
		checkText(dp, "notes", d.Notes, MaxLongTextLen, true)
	}
	checkText(p, "internalComments", in.InternalComments, MaxLongTextLen, true)
	checkEnum(p, "lastResponse", in.LastResponse, "agent", "customer", "bot")
	if c := in.CSAT; c != nil {
		if c.Rating < 1 || c.Rating > 4 {
			p.Addf("csat.rating", "must be from 1 to 4 (got %d)", c.Rating)
		}
		checkText(p, "csat.comment", c.Comment, MaxLongTextLen, true)
	}
	if in.ResponseCount < 0 {
		p.Add("responseCount", "must not be negative")
	}
	if c := in.Conversation; c != nil {
		cp := p.Nested("conversation.")
		for _, f := range []struct{ n, v string }{{"sessionName", c.SessionName}, {"channelName", c.ChannelName}, {"type", c.Type}, {"category", c.Category}, {"subCategory", c.SubCategory}, {"subSubCategory", c.SubSubCategory}} {
			checkText(cp, f.n, f.v, MaxTextLen, false)
		}
		checkEnum(cp, "supportType", c.SupportType, "message", "comment")
		checkText(cp, "note", c.Note, MaxLongTextLen, true)
		if c.TotalMessages < 0 {
			cp.Add("totalMessages", "must not be negative")
		}
	}
	if s := in.Session; s != nil {
		in.validateSession(p.Nested("session."))
	}
	if v := in.Voice; v != nil {
		vp := p.Nested("voice.")
		if in.Media.Valid() && in.Media != MediaVoice {
			p.Add("voice", "applies only to voice")
		}
		if v.JitterMs != nil && (*v.JitterMs < 0 || *v.JitterMs > 60000) {
			vp.Add("jitterMs", "must be from 0 to 60000")
		}
		if v.PacketLossPct != nil && (*v.PacketLossPct < 0 || *v.PacketLossPct > 100) {
			vp.Add("packetLossPct", "must be a percentage from 0 to 100")
		}
		for _, f := range []struct{ n, v string }{{"server", v.Server}, {"dialedNumber", v.DialedNumber}, {"externalChannel", v.ExternalChannel}, {"internalChannel", v.InternalChannel}} {
			checkText(vp, f.n, f.v, MaxTextLen, false)
		}
		checkEnum(vp, "recordingPermission", v.RecordingPermission, "granted", "denied", "not_asked")
		checkURL(vp, "recordingUrl", v.RecordingURL)
		checkURL(vp, "transcriptionUrl", v.TranscriptionURL)
		if k := v.RecordingKey; k != "" {
			if len(k) > 512 || !idPattern.MatchString(k) || k[0] == '/' || containsDotDot(k) {
				vp.Add("recordingKey", "must be a relative object key of letters, digits and . _ : @ / + = - without ..")
			}
		}
	}
	in.validateLegs(p, now)
	in.validateMessages(p, now)
	if len(in.Participants) > MaxParticipants {
		p.Addf("participants", "must have at most %d entries", MaxParticipants)
	}
	for i, pa := range in.Participants {
		pp := p.Nested(fmt.Sprintf("participants[%d].", i))
		if pa.Type == "" {
			pp.Add("type", "is required")
		}
		checkEnum(pp, "type", pa.Type, "agent", "end_user", "virtual_agent", "third_party")
		checkText(pp, "id", pa.ID, MaxTextLen, false)
		checkText(pp, "name", pa.Name, MaxTextLen, false)
		if pa.Joined != nil {
			checkInstant(pp, "joined", *pa.Joined, now, false)
			checkNotBefore(pp, "left", pa.Left, *pa.Joined, "joined", now)
		} else if pa.Left != nil {
			checkInstant(pp, "left", *pa.Left, now, false)
		}
	}
}

func containsDotDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

func (in *Interaction) validateSession(p *Problems) {
	s := in.Session
	checkText(p, "lang", s.Lang, 35, false)
	if s.Type != "" {
		m, ok := SessionTypes[s.Type]
		if !ok {
			p.Addf("type", "is not a seed 003 session type (got %q)", Clip(string(s.Type)))
		} else if in.Media.Valid() && m != in.Media && !(m == MediaChat && in.Media.IsText()) {
			p.Addf("type", "%s is a %s session type, but media is %s", s.Type, m, in.Media)
		}
	}
	checkEnum(p, "answerType", s.AnswerType, "human", "virtual")
	checkText(p, "ticketId", s.TicketID, MaxTextLen, false)
	checkURL(p, "ticketUrl", s.TicketURL)
	checkText(p, "supportNumber", s.SupportNumber, MaxTextLen, false)
	checkText(p, "outboundNumber", s.OutboundNumber, MaxTextLen, false)
	checkText(p, "menuPath", s.MenuPath, MaxTextLen, false)
	checkText(p, "menuPathId", s.MenuPathID, MaxTextLen, false)
	if s.QueuePriority != 0 && (s.QueuePriority < 1 || s.QueuePriority > 8) {
		p.Addf("queuePriority", "must be from 1 to 8 (got %d)", s.QueuePriority)
	}
	checkText(p, "deflection", s.Deflection, MaxTextLen, false)
	if sa := s.SmartActions; sa != nil {
		checkEnum(p, "smartActions.verification", sa.Verification, "verified", "failed", "not_verified")
	}
}

func (in *Interaction) validateLegs(p *Problems, now time.Time) {
	if len(in.Legs) > MaxLegs {
		p.Addf("legs", "must have at most %d legs", MaxLegs)
		return
	}
	for i, l := range in.Legs {
		lp := p.Nested(fmt.Sprintf("legs[%d].", i))
		if l.Seq != i+1 {
			lp.Addf("seq", "must be %d: legs are numbered from 1 in order", i+1)
		}
		checkID(lp, "agentId", l.AgentID, false)
		checkText(lp, "agentName", l.AgentName, MaxTextLen, false)
		checkText(lp, "queue", l.Queue, MaxTextLen, false)
		checkText(lp, "service", l.Service, MaxTextLen, false)
		checkText(lp, "menu", l.Menu, MaxTextLen, false)
		if l.AgentID == "" && l.Queue == "" && l.Menu == "" {
			lp.Add("agentId", "a leg needs an agentId, a queue or a menu")
		}
		checkInstant(lp, "start", l.Start, now, true)
		checkNotBefore(lp, "end", l.End, l.Start, "start", now)
		if i > 0 && !l.Start.IsZero() && l.Start.Before(in.Legs[i-1].Start) {
			lp.Add("start", "must not be before the previous leg's start")
		}
		checkEnum(lp, "endReason", l.EndReason, "transferred", "completed", "abandoned", "disconnected", "expired", "failed")
	}
}

func (in *Interaction) validateMessages(p *Problems, now time.Time) {
	if len(in.Messages) == 0 {
		return
	}
	if in.Media == MediaVoice {
		p.Add("messages", "apply only to text media")
	}
	if len(in.Messages) > MaxMessages {
		p.Addf("messages", "must have at most %d messages", MaxMessages)
		return
	}
	total := 0
	for _, m := range in.Messages {
		total += len(m.Content)
	}
	if total > MaxMessageBytes {
		p.Addf("messages", "contents must total at most %d bytes (got %d)", MaxMessageBytes, total)
	}
	seen := make(map[string]bool, len(in.Messages))
	for i, m := range in.Messages {
		mp := p.Nested(fmt.Sprintf("messages[%d].", i))
		checkID(mp, "id", m.ID, true)
		if seen[m.ID] {
			mp.Add("id", "duplicates an earlier message id")
		}
		seen[m.ID] = true
		checkInstant(mp, "at", m.At, now, true)
		if m.Direction == "" {
			mp.Add("direction", "is required")
		}
		checkEnum(mp, "direction", m.Direction, "in", "out")
		if m.Sender == "" {
			mp.Add("sender", "is required")
		}
		checkEnum(mp, "sender", m.Sender, "agent", "customer", "bot")
		checkEnum(mp, "initiatedBy", m.InitiatedBy, "user", "business")
		checkID(mp, "agentId", m.AgentID, false)
		checkText(mp, "from", m.From, MaxTextLen, false)
		checkText(mp, "to", m.To, MaxTextLen, false)
		if m.ContentType == "" {
			mp.Add("contentType", "is required")
		}
		checkEnum(mp, "contentType", m.ContentType, "text", "image", "audio", "video", "file", "location", "template", "sticker", "contact")
		checkText(mp, "content", m.Content, MaxLongTextLen, true)
		checkText(mp, "templateId", m.TemplateID, MaxTextLen, false)
		checkText(mp, "templateName", m.TemplateName, MaxTextLen, false)
		checkURL(mp, "mediaUrl", m.MediaURL)
		checkEnum(mp, "status", m.Status, "sent", "delivered", "read", "received", "failed", "deleted")
		if m.StatusUpdatedAt != nil {
			checkInstant(mp, "statusUpdatedAt", *m.StatusUpdatedAt, now, false)
		}
	}
}
