package tracking

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Column is one field of the report: its key in JSON rows, its header in
// the seed's words, the media it applies to (nil: every media) and how its
// value comes from an interaction.
type Column struct {
	Key    string
	Header string
	Media  []domain.Media
	value  func(v *view) any
}

// AppliesTo reports whether the column is part of media's report.
func (c Column) AppliesTo(m domain.Media) bool { return c.Media == nil || slices.Contains(c.Media, m) }

// Media groups the seed names.
var (
	voiceOnly   = []domain.Media{domain.MediaVoice}
	chatAndWA   = []domain.Media{domain.MediaChat, domain.MediaWhatsApp}
	chatOnly    = []domain.Media{domain.MediaChat}
	whatsAppOne = []domain.Media{domain.MediaWhatsApp}
	textMedia   = func() []domain.Media {
		var out []domain.Media
		for _, m := range domain.AllMedia {
			if m.IsText() {
				out = append(out, m)
			}
		}
		return out
	}()
	phoneLines = []domain.Media{domain.MediaVoice, domain.MediaSMS, domain.MediaWhatsApp}
)

// Formats of seed 000: DATE, TIME, the "date and time" columns, and the
// client/agent end columns of voice calls.
const (
	dateLayout     = "2006-01-02"
	timeLayout     = "15:04:05"
	dateTimeLayout = "2006-01-02 15:04:05"
	endLayout      = "02-01-2006 15:04:05"
)

// columns is the report, in the order of seed 000's field table, then its
// per-media additions (WhatsApp origin, chat queue entry), then seed 004's
// grid columns that seed 000 lacks.
var columns = []Column{
	{Key: "date", Header: "DATE", value: func(v *view) any { return v.at(&v.in.Start, dateLayout) }},
	{Key: "time", Header: "TIME", value: func(v *view) any { return v.at(&v.in.Start, timeLayout) }},
	{Key: "protocol", Header: "PROTOCOL", value: func(v *view) any { return v.in.Protocol }},
	{Key: "service", Header: "SERVICE", value: func(v *view) any { return v.in.Service }},
	{Key: "agent", Header: "AGENT", value: func(v *view) any { return v.agentName() }},
	{Key: "origin", Header: "ORIGIN", value: func(v *view) any { return v.in.Origin }},
	{Key: "type", Header: "TYPE", Media: voiceOnly, value: func(v *view) any { return v.in.Direction }},
	{Key: "to", Header: "TO", Media: voiceOnly, value: func(v *view) any { return v.in.To }},
	{Key: "contact", Header: "CONTACT", value: func(v *view) any { return v.contact().Name }},
	{Key: "from", Header: "FROM", value: func(v *view) any { return v.in.From }},
	{Key: "duration", Header: "DURATION", value: func(v *view) any { return v.in.Duration }},
	{Key: "apt", Header: "APT", Media: chatAndWA, value: func(v *view) any { return v.in.APT }},
	{Key: "aut", Header: "AUT", Media: chatAndWA, value: func(v *view) any { return v.in.AUT }},
	{Key: "afrt", Header: "AFRT", value: func(v *view) any { return v.in.AFRT }},
	{Key: "art", Header: "ART", value: func(v *view) any { return v.in.ART }},
	{Key: "status", Header: "STATUS", value: func(v *view) any { return string(v.in.Status) }},
	{Key: "portfolio", Header: "PORTFOLIO", value: func(v *view) any { return yesNo(v.in.Portfolio) }},
	{Key: "externalId", Header: "EXTERNAL ID", value: func(v *view) any { return v.contact().ExternalID }},
	{Key: "internalComments", Header: "INTERNAL COMMENTS", value: func(v *view) any { return v.in.InternalComments }},
	{Key: "document", Header: "DOCUMENT", value: func(v *view) any { return v.contact().Document }},
	{Key: "dateAnswered", Header: "DATE ANSWERED", value: func(v *view) any { return v.at(v.in.Answered, dateTimeLayout) }},
	{Key: "dateFinished", Header: "DATE FINISHED", value: func(v *view) any { return v.at(v.in.Finished, dateTimeLayout) }},
	{Key: "dateFirstMessage", Header: "DATE FIRST MESSAGE", value: func(v *view) any { return v.at(v.in.FirstMessage, dateTimeLayout) }},
	{Key: "lastResponse", Header: "LAST RESPONSE", value: func(v *view) any { return v.in.LastResponse }},
	{Key: "externalProtocol", Header: "EXTERNAL PROTOCOL", value: func(v *view) any { return v.in.ExternalProtocol }},
	{Key: "dateQueued", Header: "DATE/TIME QUEUED", Media: textMedia, value: func(v *view) any { return v.at(v.in.Queued, dateTimeLayout) }},
	{Key: "expirationStatus", Header: "EXPIRATION STATUS", Media: chatAndWA, value: func(v *view) any { return v.in.Expiration }},
	{Key: "jitterMs", Header: "JITTER", Media: voiceOnly, value: func(v *view) any { return v.voice().JitterMs }},
	{Key: "jitterLevel", Header: "JITTER LEVEL", Media: voiceOnly, value: func(v *view) any { return levelOf(v.voice().JitterMs, JitterLevel) }},
	{Key: "packetLossPct", Header: "PACKET LOSS", Media: voiceOnly, value: func(v *view) any { return v.voice().PacketLossPct }},
	{Key: "packetLossLevel", Header: "PACKET LOSS LEVEL", Media: voiceOnly, value: func(v *view) any { return levelOf(v.voice().PacketLossPct, PacketLossLevel) }},
	{Key: "callQuality", Header: "CALL QUALITY", Media: voiceOnly, value: func(v *view) any { return string(CallQuality(v.voice().JitterMs, v.voice().PacketLossPct)) }},
	{Key: "voiceServer", Header: "VOICE SERVER", Media: voiceOnly, value: func(v *view) any { return v.voice().Server }},
	{Key: "dialedNumber", Header: "DIALED NUMBER", Media: voiceOnly, value: func(v *view) any { return v.voice().DialedNumber }},
	{Key: "externalChannelName", Header: "EXTERNAL CHANNEL NAME", Media: voiceOnly, value: func(v *view) any { return v.voice().ExternalChannel }},
	{Key: "internalChannelName", Header: "INTERNAL CHANNEL NAME", Media: voiceOnly, value: func(v *view) any { return v.voice().InternalChannel }},
	{Key: "clientEnd", Header: "CLIENT END DATE/TIME", Media: voiceOnly, value: func(v *view) any { return v.at(v.in.ClientEnd, endLayout) }},
	{Key: "agentEnd", Header: "AGENT END DATE/TIME", Media: voiceOnly, value: func(v *view) any { return v.at(v.in.AgentEnd, endLayout) }},
	// WhatsApp: who opened the conversation, the customer or the company.
	{Key: "conversationOrigin", Header: "CONVERSATION ORIGIN", Media: whatsAppOne, value: func(v *view) any { return v.in.InitiatedBy }},
	// Chat: queue entry and delivery, split the way seed 000 lists them.
	{Key: "queueEntryDate", Header: "QUEUE ENTRY DATE", Media: chatOnly, value: func(v *view) any { return v.at(v.in.Queued, dateLayout) }},
	{Key: "queueEntryTime", Header: "QUEUE ENTRY TIME", Media: chatOnly, value: func(v *view) any { return v.at(v.in.Queued, timeLayout) }},
	{Key: "deliveredToAgent", Header: "TIME DELIVERED TO AGENT", Media: chatOnly, value: func(v *view) any { return v.at(v.in.Assigned, dateTimeLayout) }},
	{Key: "tags", Header: "TAGS", value: func(v *view) any { return nonNil(v.in.Tags) }},
	// Seed 004's grid.
	{Key: "created", Header: "CREATED", value: func(v *view) any { return v.at(&v.in.Start, dateTimeLayout) }},
	{Key: "closed", Header: "CLOSED", value: func(v *view) any { return v.at(v.in.Finished, dateTimeLayout) }},
	{Key: "queue", Header: "QUEUE", value: func(v *view) any { return v.in.Queue }},
	{Key: "client", Header: "CLIENT", value: func(v *view) any { return v.client() }},
	{Key: "did", Header: "DID", Media: phoneLines, value: func(v *view) any { return v.in.DID }},
	{Key: "disposition", Header: "DISPOSITION", value: func(v *view) any { return v.disposition() }},
	{Key: "acw", Header: "ACW", value: func(v *view) any { return v.in.ACW }},
	{Key: "state", Header: "INTERACTION STATUS", value: func(v *view) any { return string(v.in.State) }},
}

// Columns lists the report's columns for media, in order.
func Columns(m domain.Media) []Column {
	var out []Column
	for _, c := range columns {
		if c.AppliesTo(m) {
			out = append(out, c)
		}
	}
	return out
}

// Row is one interaction as the report shows it: identifiers for the
// history, client and agent badges, then every column of its media in
// order. It marshals as a JSON object with keys in that order.
type Row struct {
	keys   []string
	values []any
}

// RenderRow renders in for the report of its media, dates and times in loc.
func RenderRow(in *domain.Interaction, loc *time.Location) Row {
	v := &view{in: in, loc: loc}
	r := Row{}
	r.add("id", in.ID)
	r.add("media", string(in.Media))
	r.add("contactKey", in.ContactKey())
	r.add("agentId", v.agentID())
	for _, c := range columns {
		if c.AppliesTo(in.Media) {
			r.add(c.Key, c.value(v))
		}
	}
	return r
}

func (r *Row) add(k string, v any) { r.keys, r.values = append(r.keys, k), append(r.values, v) }

// Get is the value of key, nil when the row has no such column.
func (r Row) Get(key string) any {
	for i, k := range r.keys {
		if k == key {
			return r.values[i]
		}
	}
	return nil
}

// MarshalJSON writes the row's keys in column order.
func (r Row) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range r.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(r.values[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// view reads an interaction for rendering; nil parts read as empty.
type view struct {
	in  *domain.Interaction
	loc *time.Location
}

func (v *view) at(t *time.Time, layout string) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.In(v.loc).Format(layout)
}

func (v *view) contact() domain.Contact {
	if v.in.Contact == nil {
		return domain.Contact{}
	}
	return *v.in.Contact
}

func (v *view) voice() domain.VoiceDetails {
	if v.in.Voice == nil {
		return domain.VoiceDetails{}
	}
	return *v.in.Voice
}

func (v *view) agentName() string {
	if v.in.Agent == nil {
		return ""
	}
	return v.in.Agent.Name
}

func (v *view) agentID() string {
	if v.in.Agent == nil {
		return ""
	}
	return v.in.Agent.ID
}

func (v *view) disposition() string {
	if v.in.Disposition == nil {
		return ""
	}
	return v.in.Disposition.Code
}

// client is seed 004's Client column: the CRM contact's name when linked,
// else the caller's number, else the DID; a contact known only by name
// shows the name.
func (v *view) client() string {
	c := v.contact()
	switch {
	case c.CRMContactID != "" && c.Name != "":
		return c.Name
	case c.Phone != "":
		return c.Phone
	case v.in.DID != "":
		return v.in.DID
	}
	return c.Name
}

func levelOf(x *float64, f func(float64) Level) string {
	if x == nil {
		return ""
	}
	return string(f(*x))
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
