package domain

import (
	"fmt"
	"regexp"
	"time"
)

// BotSession is seed 002's chatbot session: on WhatsApp the 24-hour window
// of continuous conversation, holding one or more conversations. Placed in
// time by Start.
type BotSession struct {
	ID            string            `json:"id" dynamo:"id"`           // session id, e.g. c639c747-4637-4ff5-99c0-9f0e86d3c21b
	Channel       Media             `json:"channel" dynamo:"channel"` // where the conversation began: webchat, whatsapp, telegram...
	Updated       time.Time         `json:"updated" dynamo:"updated"`
	Version       int64             `json:"version,omitempty" dynamo:"version,omitempty"`
	Start         time.Time         `json:"start" dynamo:"start"` // first interaction with the virtual agent
	End           *time.Time        `json:"end,omitempty" dynamo:"end,omitempty"`
	Phone         string            `json:"phone,omitempty" dynamo:"phone,omitempty"` // captured phone
	Name          string            `json:"name,omitempty" dynamo:"name,omitempty"`   // captured name (the customer's WhatsApp name)
	Contact       string            `json:"contact,omitempty" dynamo:"contact,omitempty"`
	Protocol      string            `json:"protocol,omitempty" dynamo:"protocol,omitempty"`           // 17 digits beginning with YYYYMMDD
	Labels        []string          `json:"labels,omitempty" dynamo:"labels,omitempty"`               // etiquetas registered in the flow
	Info          map[string]string `json:"info,omitempty" dynamo:"info,omitempty"`                   // additional information key/values
	WentToHuman   bool              `json:"wentToHuman" dynamo:"wentToHuman"`                         // transbordo: handed to a human agent
	InteractionID string            `json:"interactionId,omitempty" dynamo:"interactionId,omitempty"` // the human interaction it became
	Queue         string            `json:"queue,omitempty" dynamo:"queue,omitempty"`                 // the queue a handover went to: supervisors see the sessions that reached their queues
	EndReason     string            `json:"endReason,omitempty" dynamo:"endReason,omitempty"`         // completed, transferred, cancelled_inactivity (24 h window), abandoned
	Conversations []BotConversation `json:"conversations,omitempty" dynamo:"conversations,omitempty"`
	Messages      []Message         `json:"messages,omitempty" dynamo:"-"`
}

// BotConversation is one conversation within a session.
type BotConversation struct {
	ID          string     `json:"id" dynamo:"id"`
	Start       time.Time  `json:"start" dynamo:"start"`
	End         *time.Time `json:"end,omitempty" dynamo:"end,omitempty"`
	WentToHuman bool       `json:"wentToHuman" dynamo:"wentToHuman"`
	Status      string     `json:"status,omitempty" dynamo:"status,omitempty"` // completed, transferred, cancelled_inactivity, abandoned
}

var (
	botProtocolPattern = regexp.MustCompile(`^[0-9]{17}$`)
	infoKeyPattern     = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)
)

// ValidBotProtocol applies seed 002's rule: 17 digits beginning with a real
// date as YYYYMMDD.
func ValidBotProtocol(s string) bool {
	if !botProtocolPattern.MatchString(s) {
		return false
	}
	_, err := time.Parse("20060102", s[:8])
	return err == nil
}

// Validate checks every field.
func (b *BotSession) Validate(now time.Time) error { return problemsErr(b.Problems(now)) }

// Problems lists what is wrong with the session.
func (b *BotSession) Problems(now time.Time) []FieldError {
	p := &Problems{}
	checkID(p, "id", b.ID, true)
	if b.Channel == "" {
		p.Add("channel", "is required")
	} else if !b.Channel.IsText() {
		p.Addf("channel", "must be a text media such as whatsapp, webchat or telegram (got %q)", Clip(string(b.Channel)))
	}
	checkInstant(p, "updated", b.Updated, now, true)
	if b.Version < 0 {
		p.Add("version", "must not be negative")
	}
	checkInstant(p, "start", b.Start, now, true)
	checkNotBefore(p, "end", b.End, b.Start, "start", now)
	if b.Phone != "" && !phonePattern.MatchString(b.Phone) {
		p.Add("phone", "must be 3 to 20 digits, optionally after +")
	}
	checkText(p, "name", b.Name, MaxTextLen, false)
	checkText(p, "contact", b.Contact, MaxTextLen, false)
	if b.Protocol != "" && !ValidBotProtocol(b.Protocol) {
		p.Add("protocol", "must be 17 digits beginning with the date as YYYYMMDD, e.g. 20251007092633646")
	}
	checkTags(p, "labels", b.Labels)
	if len(b.Info) > 100 {
		p.Add("info", "must have at most 100 keys")
	}
	for k, v := range b.Info {
		if !infoKeyPattern.MatchString(k) {
			p.Addf("info", "key %q must be 1-64 letters, digits and _ . -", Clip(k))
		}
		checkText(p, "info."+k, v, MaxLongTextLen, true)
	}
	checkID(p, "interactionId", b.InteractionID, false)
	checkText(p, "queue", b.Queue, MaxTextLen, false)
	checkEnum(p, "endReason", b.EndReason, "completed", "transferred", "cancelled_inactivity", "abandoned")
	if len(b.Conversations) > MaxLegs {
		p.Addf("conversations", "must have at most %d conversations", MaxLegs)
	}
	for i, c := range b.Conversations {
		cp := p.Nested(fmt.Sprintf("conversations[%d].", i))
		checkID(cp, "id", c.ID, true)
		checkInstant(cp, "start", c.Start, now, true)
		checkNotBefore(cp, "end", c.End, c.Start, "start", now)
		checkEnum(cp, "status", c.Status, "completed", "transferred", "cancelled_inactivity", "abandoned")
	}
	// Messages share the interaction rules.
	tmp := Interaction{Media: b.Channel, Messages: b.Messages}
	tmp.validateMessages(p, now)
	return p.List()
}

// Normalize puts the session in its stored form.
func (b *BotSession) Normalize() {
	b.Updated = Normalize(b.Updated)
	b.Start = Normalize(b.Start)
	b.End = normalizePtr(b.End)
	b.Labels = sortedUnique(b.Labels)
	if len(b.Info) == 0 {
		b.Info = nil
	}
	for i := range b.Conversations {
		b.Conversations[i].Start = Normalize(b.Conversations[i].Start)
		b.Conversations[i].End = normalizePtr(b.Conversations[i].End)
	}
	tmp := Interaction{Messages: b.Messages}
	tmp.Normalize()
	b.Messages = tmp.Messages
}
