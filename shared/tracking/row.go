package tracking

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Column is one field of the report: its key in JSON rows, its header in
// the seed's words and in Brazilian Portuguese, what kind of value it
// holds, the media it applies to (nil: every media) and how its value comes
// from an interaction.
type Column struct {
	Key      string
	Header   string
	HeaderPT string // pt-BR files' header, in the words Brazilian contact-center platforms use
	Kind     Kind
	Layout   string // date and time kinds: the seed's format, as a Go time layout
	Media    []domain.Media
	value    func(v *view) any
	instant  func(in *domain.Interaction) *time.Time // date and time kinds only
}

// Kind is what a column holds, for files that type their cells. The value
// RenderRow shows (and Value returns) is, by kind:
//
//   - KindText: a string;
//   - KindList: a []string, never nil;
//   - KindDuration: a domain.Duration;
//   - KindNumber: a *float64, nil when the platform reported none;
//   - KindDate, KindTime, KindDateTime: the instant formatted with Layout in
//     the report's zone, "" when absent; Instant gives the instant itself.
type Kind uint8

const (
	KindText Kind = iota
	KindList
	KindDuration
	KindNumber
	KindDate
	KindTime
	KindDateTime
)

// IsInstant reports whether the column shows an instant.
func (k Kind) IsInstant() bool { return k == KindDate || k == KindTime || k == KindDateTime }

// AppliesTo reports whether the column is part of media's report.
func (c Column) AppliesTo(m domain.Media) bool { return c.Media == nil || slices.Contains(c.Media, m) }

// Value is what RenderRow shows in this column for in, dates and times in
// loc; its type follows the column's Kind.
func (c Column) Value(in *domain.Interaction, loc *time.Location) any {
	return c.value(&view{in: in, loc: loc})
}

// Instant is the instant a date or time column shows, nil when it shows
// none or the column is of another kind.
func (c Column) Instant(in *domain.Interaction) *time.Time {
	if c.instant == nil {
		return nil
	}
	if t := c.instant(in); t != nil && !t.IsZero() {
		return t
	}
	return nil
}

// Values appends the value of each of cols for in to dst, as Value would
// give them. Files call it once per row, reusing dst, so that a row of
// fifty columns costs one view rather than fifty.
func Values(dst []any, cols []Column, in *domain.Interaction, loc *time.Location) []any {
	v := &view{in: in, loc: loc}
	for _, c := range cols {
		dst = append(dst, c.value(v))
	}
	return dst
}

// instantColumn is a date or time column: Value formats what Instant
// returns, so the text and the typed instant can't disagree.
func instantColumn(key, header, headerPT string, media []domain.Media, kind Kind, layout string, get func(*domain.Interaction) *time.Time) Column {
	return Column{
		Key: key, Header: header, HeaderPT: headerPT, Kind: kind, Layout: layout, Media: media, instant: get,
		value: func(v *view) any { return v.at(get(v.in), layout) },
	}
}

func startAt(in *domain.Interaction) *time.Time        { return &in.Start }
func queuedAt(in *domain.Interaction) *time.Time       { return in.Queued }
func assignedAt(in *domain.Interaction) *time.Time     { return in.Assigned }
func answeredAt(in *domain.Interaction) *time.Time     { return in.Answered }
func firstMessageAt(in *domain.Interaction) *time.Time { return in.FirstMessage }
func finishedAt(in *domain.Interaction) *time.Time     { return in.Finished }
func clientEndAt(in *domain.Interaction) *time.Time    { return in.ClientEnd }
func agentEndAt(in *domain.Interaction) *time.Time     { return in.AgentEnd }

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
	instantColumn("date", "DATE", "DATA", nil, KindDate, dateLayout, startAt),
	instantColumn("time", "TIME", "HORA", nil, KindTime, timeLayout, startAt),
	{Key: "protocol", Header: "PROTOCOL", HeaderPT: "PROTOCOLO", value: func(v *view) any { return v.in.Protocol }},
	{Key: "service", Header: "SERVICE", HeaderPT: "SERVIÇO", value: func(v *view) any { return v.in.Service }},
	{Key: "agent", Header: "AGENT", HeaderPT: "AGENTE", value: func(v *view) any { return v.agentName() }},
	{Key: "origin", Header: "ORIGIN", HeaderPT: "ORIGEM", value: func(v *view) any { return v.in.Origin }},
	{Key: "type", Header: "TYPE", HeaderPT: "TIPO", Media: voiceOnly, value: func(v *view) any { return v.in.Direction }},
	{Key: "to", Header: "TO", HeaderPT: "PARA", Media: voiceOnly, value: func(v *view) any { return v.in.To }},
	{Key: "contact", Header: "CONTACT", HeaderPT: "CONTATO", value: func(v *view) any { return v.contact().Name }},
	{Key: "from", Header: "FROM", HeaderPT: "DE", value: func(v *view) any { return v.in.From }},
	{Key: "duration", Header: "DURATION", HeaderPT: "DURAÇÃO", Kind: KindDuration, value: func(v *view) any { return v.in.Duration }},
	// The seed's acronyms (Average Productive/Unproductive/First Response/
	// Response Time) read in Portuguese as Tempo Médio Produtivo,
	// Improdutivo, de Primeira Resposta and de Resposta.
	{Key: "apt", Header: "APT", HeaderPT: "TMP", Kind: KindDuration, Media: chatAndWA, value: func(v *view) any { return v.in.APT }},
	{Key: "aut", Header: "AUT", HeaderPT: "TMI", Kind: KindDuration, Media: chatAndWA, value: func(v *view) any { return v.in.AUT }},
	{Key: "afrt", Header: "AFRT", HeaderPT: "TMPR", Kind: KindDuration, value: func(v *view) any { return v.in.AFRT }},
	{Key: "art", Header: "ART", HeaderPT: "TMR", Kind: KindDuration, value: func(v *view) any { return v.in.ART }},
	{Key: "status", Header: "STATUS", HeaderPT: "STATUS", value: func(v *view) any { return string(v.in.Status) }},
	{Key: "portfolio", Header: "PORTFOLIO", HeaderPT: "CARTEIRIZADO", value: func(v *view) any { return yesNo(v.in.Portfolio) }},
	{Key: "externalId", Header: "EXTERNAL ID", HeaderPT: "ID EXTERNO", value: func(v *view) any { return v.contact().ExternalID }},
	{Key: "internalComments", Header: "INTERNAL COMMENTS", HeaderPT: "COMENTÁRIOS INTERNOS", value: func(v *view) any { return v.in.InternalComments }},
	{Key: "document", Header: "DOCUMENT", HeaderPT: "CPF/CNPJ", value: func(v *view) any { return v.contact().Document }},
	instantColumn("dateAnswered", "DATE ANSWERED", "DATA ATENDIMENTO", nil, KindDateTime, dateTimeLayout, answeredAt),
	instantColumn("dateFinished", "DATE FINISHED", "DATA FINALIZAÇÃO", nil, KindDateTime, dateTimeLayout, finishedAt),
	instantColumn("dateFirstMessage", "DATE FIRST MESSAGE", "DATA PRIMEIRA MENSAGEM", nil, KindDateTime, dateTimeLayout, firstMessageAt),
	{Key: "lastResponse", Header: "LAST RESPONSE", HeaderPT: "ÚLTIMA RESPOSTA", value: func(v *view) any { return v.in.LastResponse }},
	{Key: "externalProtocol", Header: "EXTERNAL PROTOCOL", HeaderPT: "PROTOCOLO EXTERNO", value: func(v *view) any { return v.in.ExternalProtocol }},
	instantColumn("dateQueued", "DATE/TIME QUEUED", "DATA/HORA NA FILA", textMedia, KindDateTime, dateTimeLayout, queuedAt),
	{Key: "expirationStatus", Header: "EXPIRATION STATUS", HeaderPT: "STATUS DE EXPIRAÇÃO", Media: chatAndWA, value: func(v *view) any { return v.in.Expiration }},
	{Key: "jitterMs", Header: "JITTER", HeaderPT: "JITTER", Kind: KindNumber, Media: voiceOnly, value: func(v *view) any { return v.voice().JitterMs }},
	{Key: "jitterLevel", Header: "JITTER LEVEL", HeaderPT: "NÍVEL DE JITTER", Media: voiceOnly, value: func(v *view) any { return levelOf(v.voice().JitterMs, JitterLevel) }},
	{Key: "packetLossPct", Header: "PACKET LOSS", HeaderPT: "PERDA DE PACOTES", Kind: KindNumber, Media: voiceOnly, value: func(v *view) any { return v.voice().PacketLossPct }},
	{Key: "packetLossLevel", Header: "PACKET LOSS LEVEL", HeaderPT: "NÍVEL DE PERDA DE PACOTES", Media: voiceOnly, value: func(v *view) any { return levelOf(v.voice().PacketLossPct, PacketLossLevel) }},
	{Key: "callQuality", Header: "CALL QUALITY", HeaderPT: "QUALIDADE DA CHAMADA", Media: voiceOnly, value: func(v *view) any { return string(CallQuality(v.voice().JitterMs, v.voice().PacketLossPct)) }},
	{Key: "voiceServer", Header: "VOICE SERVER", HeaderPT: "SERVIDOR DE VOZ", Media: voiceOnly, value: func(v *view) any { return v.voice().Server }},
	{Key: "dialedNumber", Header: "DIALED NUMBER", HeaderPT: "NÚMERO DISCADO", Media: voiceOnly, value: func(v *view) any { return v.voice().DialedNumber }},
	{Key: "externalChannelName", Header: "EXTERNAL CHANNEL NAME", HeaderPT: "NOME DO CANAL EXTERNO", Media: voiceOnly, value: func(v *view) any { return v.voice().ExternalChannel }},
	{Key: "internalChannelName", Header: "INTERNAL CHANNEL NAME", HeaderPT: "NOME DO CANAL INTERNO", Media: voiceOnly, value: func(v *view) any { return v.voice().InternalChannel }},
	instantColumn("clientEnd", "CLIENT END DATE/TIME", "DATA/HORA FIM CLIENTE", voiceOnly, KindDateTime, endLayout, clientEndAt),
	instantColumn("agentEnd", "AGENT END DATE/TIME", "DATA/HORA FIM AGENTE", voiceOnly, KindDateTime, endLayout, agentEndAt),
	// WhatsApp: who opened the conversation, the customer or the company.
	{Key: "conversationOrigin", Header: "CONVERSATION ORIGIN", HeaderPT: "ORIGEM DA CONVERSA", Media: whatsAppOne, value: func(v *view) any { return v.in.InitiatedBy }},
	// Chat: queue entry and delivery, split the way seed 000 lists them.
	instantColumn("queueEntryDate", "QUEUE ENTRY DATE", "DATA ENTRADA NA FILA", chatOnly, KindDate, dateLayout, queuedAt),
	instantColumn("queueEntryTime", "QUEUE ENTRY TIME", "HORA ENTRADA NA FILA", chatOnly, KindTime, timeLayout, queuedAt),
	instantColumn("deliveredToAgent", "TIME DELIVERED TO AGENT", "HORA ENTREGUE AO AGENTE", chatOnly, KindDateTime, dateTimeLayout, assignedAt),
	{Key: "tags", Header: "TAGS", HeaderPT: "TAGS", Kind: KindList, value: func(v *view) any { return nonNil(v.in.Tags) }},
	// Seed 004's grid.
	instantColumn("created", "CREATED", "CRIAÇÃO", nil, KindDateTime, dateTimeLayout, startAt),
	instantColumn("closed", "CLOSED", "ENCERRAMENTO", nil, KindDateTime, dateTimeLayout, finishedAt),
	{Key: "queue", Header: "QUEUE", HeaderPT: "FILA", value: func(v *view) any { return v.in.Queue }},
	{Key: "client", Header: "CLIENT", HeaderPT: "CLIENTE", value: func(v *view) any { return v.client() }},
	{Key: "did", Header: "DID", HeaderPT: "DID", Media: phoneLines, value: func(v *view) any { return v.in.DID }},
	// Brazilian contact centers call the disposition code the "tabulação".
	{Key: "disposition", Header: "DISPOSITION", HeaderPT: "TABULAÇÃO", value: func(v *view) any { return v.disposition() }},
	{Key: "acw", Header: "ACW", HeaderPT: "PÓS-ATENDIMENTO", Kind: KindDuration, value: func(v *view) any { return v.in.ACW }},
	{Key: "state", Header: "INTERACTION STATUS", HeaderPT: "STATUS DA INTERAÇÃO", value: func(v *view) any { return string(v.in.State) }},
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
