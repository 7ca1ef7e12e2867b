package botreport

import (
	"net/url"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// ListView answers GET /v1/reports/bot-conversations: one page of
// sessions, without their messages.
type ListView struct {
	Zone     string         `json:"zone"`
	From     string         `json:"from"`
	To       string         `json:"to"`
	Channels []domain.Media `json:"channels"`
	Sort     string         `json:"sort"`
	// GeneratedAt is when the page was read; DataThrough the instant up to
	// which it is complete: the period's end, or GeneratedAt while the
	// period runs (a session is stored whole, in one transaction).
	GeneratedAt string    `json:"generatedAt"`
	DataThrough string    `json:"dataThrough"`
	Sessions    []Session `json:"sessions"`
	Totals      Totals    `json:"totals"`
	NextCursor  *string   `json:"nextCursor"`          // null on the last page
	ItemsRead   int       `json:"itemsRead,omitempty"` // stored items the page read, matching or not: what it cost
}

// HideCosts drops what the page cost to read (httpapi.ForCaller).
func (v *ListView) HideCosts() { v.ItemsRead = 0 }

// Totals counts the sessions of this page. There is no count of the whole
// period: it would read every session of up to 31 days on every page.
type Totals struct {
	Count int `json:"count"`
}

// SessionView answers GET /v1/bot-sessions/{id}.
type SessionView struct {
	Zone        string        `json:"zone"`
	GeneratedAt string        `json:"generatedAt"`
	DataThrough string        `json:"dataThrough"`
	Session     SessionDetail `json:"session"`
}

// Session is one bot session as the list shows it: seed 002's session
// (id, captured phone and name), its start date and time, and what the
// flow recorded.
type Session struct {
	ID          string            `json:"id"`
	Channel     domain.Media      `json:"channel"`
	Phone       string            `json:"phone"`
	Name        string            `json:"name"`
	Contact     string            `json:"contact"`
	Start       string            `json:"start"` // date and time in the zone
	End         string            `json:"end"`   // "" while open
	Protocol    string            `json:"protocol"`
	Labels      []string          `json:"labels"`
	Info        map[string]string `json:"info"`
	WentToHuman bool              `json:"wentToHuman"`
	Queue       string            `json:"queue"`
	// InteractionID is the interaction the handover became, and
	// InteractionURL its drill-down, GET /v1/interactions/{id}.
	InteractionID  string `json:"interactionId,omitempty"`
	InteractionURL string `json:"interactionUrl,omitempty"`
	EndReason      string `json:"endReason"` // completed, transferred, cancelled_inactivity, abandoned; "" while open
	Status         string `json:"status"`    // EndReason in words: "cancelled for inactivity"...
}

// SessionDetail is a session with its conversations and messages.
type SessionDetail struct {
	Session
	Conversations []Conversation   `json:"conversations"`
	Messages      []domain.Message `json:"messages"`
}

// Conversation is one conversation of a session.
type Conversation struct {
	ID          string `json:"id"`
	Start       string `json:"start"`
	End         string `json:"end"`
	WentToHuman bool   `json:"wentToHuman"`
	EndReason   string `json:"endReason"` // the stored status
	Status      string `json:"status"`
}

// dateTimeLayout is a date and time as the report shows them (seed 002's
// Data column), in the response's zone. The response's own instants
// (generatedAt, dataThrough) are UTC, as every report's.
const dateTimeLayout = "2006-01-02 15:04:05"

// statusText is how an end reason reads. Seed 002 names one, the
// WhatsApp window closing: "cancelado por inatividade".
var statusText = map[string]string{
	"completed":            "completed",
	"transferred":          "transferred to a human",
	"cancelled_inactivity": "cancelled for inactivity",
	"abandoned":            "abandoned",
}

func status(reason string, end *time.Time) string {
	if reason == "" && end == nil {
		return "in progress"
	}
	return statusText[reason]
}

func render(b *domain.BotSession, loc *time.Location) Session {
	s := Session{
		ID: b.ID, Channel: b.Channel, Phone: b.Phone, Name: b.Name, Contact: b.Contact,
		Start: local(&b.Start, loc), End: local(b.End, loc), Protocol: b.Protocol,
		Labels: b.Labels, Info: b.Info, WentToHuman: b.WentToHuman, Queue: b.Queue,
		InteractionID: b.InteractionID, EndReason: b.EndReason, Status: status(b.EndReason, b.End),
	}
	if s.Labels == nil {
		s.Labels = []string{}
	}
	if s.Info == nil {
		s.Info = map[string]string{}
	}
	if b.InteractionID != "" {
		s.InteractionURL = "/v1/interactions/" + url.PathEscape(b.InteractionID)
	}
	return s
}

func renderDetail(b *domain.BotSession, loc *time.Location) SessionDetail {
	d := SessionDetail{Session: render(b, loc), Conversations: []Conversation{}, Messages: b.Messages}
	for _, c := range b.Conversations {
		d.Conversations = append(d.Conversations, Conversation{
			ID: c.ID, Start: local(&c.Start, loc), End: local(c.End, loc), WentToHuman: c.WentToHuman,
			EndReason: c.Status, Status: status(c.Status, c.End),
		})
	}
	if d.Messages == nil {
		d.Messages = []domain.Message{}
	}
	return d
}

func local(t *time.Time, loc *time.Location) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.In(loc).Format(dateTimeLayout)
}
