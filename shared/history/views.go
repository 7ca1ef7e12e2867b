package history

import (
	"cmp"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// InteractionView answers GET /v1/interactions/{id}: the report row, its
// dates and times in the tenant's zone.
type InteractionView struct {
	Zone string       `json:"zone"`
	Row  tracking.Row `json:"row"`
}

// HistoryView answers GET /v1/interactions/{id}/history: seed 000's
// history screen (the transfer path, the voice call's details and
// recording) with seed 001's message history.
type HistoryView struct {
	Zone         string               `json:"zone"`
	Order        Order                `json:"order"`
	Row          tracking.Row         `json:"row"`
	Legs         []Leg                `json:"legs"`
	Messages     []domain.Message     `json:"messages"`
	Participants []domain.Participant `json:"participants"`
	Voice        *Voice               `json:"voice,omitempty"`
}

// Leg is one step of the transfer path with its duration.
type Leg struct {
	Seq       int             `json:"seq"`
	AgentID   string          `json:"agentId,omitempty"`
	AgentName string          `json:"agentName,omitempty"`
	Queue     string          `json:"queue,omitempty"`
	Service   string          `json:"service,omitempty"`
	Menu      string          `json:"menu,omitempty"`
	Start     time.Time       `json:"start"`
	End       *time.Time      `json:"end,omitempty"`
	EndReason string          `json:"endReason,omitempty"`
	Duration  domain.Duration `json:"duration"` // start → end; 0 while the leg is open
}

// Voice is the call's details (seed 000's voice history) and recording.
type Voice struct {
	JitterMs            *float64   `json:"jitterMs,omitempty"`
	PacketLossPct       *float64   `json:"packetLossPct,omitempty"`
	Server              string     `json:"server,omitempty"`
	DialedNumber        string     `json:"dialedNumber,omitempty"`
	ExternalChannel     string     `json:"externalChannel,omitempty"`
	InternalChannel     string     `json:"internalChannel,omitempty"`
	RecordingPermission string     `json:"recordingPermission,omitempty"`
	RecordingURL        string     `json:"recordingUrl,omitempty"`
	RecordingExpiresAt  *time.Time `json:"recordingExpiresAt,omitempty"` // set for links into the media bucket
	TranscriptionURL    string     `json:"transcriptionUrl,omitempty"`
}

// Item is one interaction in seed 004's client and agent history windows
// and in the protocol lookups.
type Item struct {
	ID                 string             `json:"id"`
	Media              domain.Media       `json:"media"`
	Source             string             `json:"source"` // active or closed
	State              domain.State       `json:"state"`
	Start              time.Time          `json:"start"` // seed 004 Created
	Finished           *time.Time         `json:"finished,omitempty"`
	Queue              string             `json:"queue,omitempty"`
	Service            string             `json:"service,omitempty"`
	AgentID            string             `json:"agentId,omitempty"`
	AgentName          string             `json:"agentName,omitempty"`
	DID                string             `json:"did,omitempty"`
	Disposition        string             `json:"disposition,omitempty"`
	Duration           domain.Duration    `json:"duration"`
	ACW                domain.Duration    `json:"acw"`
	Status             domain.FinalStatus `json:"status,omitempty"`
	ContactName        string             `json:"contactName,omitempty"`
	ContactKey         string             `json:"contactKey,omitempty"`
	Protocol           string             `json:"protocol,omitempty"`
	ExternalProtocol   string             `json:"externalProtocol,omitempty"`
	Preview            string             `json:"preview,omitempty"` // text media: first 80 characters of the first text message
	RecordingURL       string             `json:"recordingUrl,omitempty"`
	RecordingExpiresAt *time.Time         `json:"recordingExpiresAt,omitempty"`
	TranscriptionURL   string             `json:"transcriptionUrl,omitempty"`
}

// ListView is one page of a client's or an agent's history.
type ListView struct {
	Order      Order   `json:"order"`
	Items      []Item  `json:"items"`
	NextCursor *string `json:"nextCursor"` // null on the last page
}

// LookupView answers a protocol lookup, newest first.
type LookupView struct {
	Items []Item `json:"items"`
	// Truncated says more than MaxLimit interactions share the protocol
	// and only the newest are listed.
	Truncated bool `json:"truncated"`
}

// source is seed 004's Source column: whether the interaction is among
// the active (new, in progress, in after-contact work) or the closed ones.
func source(s domain.State) string {
	if s == domain.StateClosed {
		return "closed"
	}
	return "active"
}

func itemOf(s *store.Summary) Item {
	return Item{
		ID: s.ID, Media: s.Media, Source: source(s.State), State: s.State, Start: s.Start, Finished: s.Finished,
		Queue: s.Queue, Service: s.Service, AgentID: s.AgentID, AgentName: s.AgentName, DID: s.DID,
		Disposition: s.Disposition, Duration: s.Duration, ACW: s.ACW, Status: s.Status,
		ContactName: s.ContactName, ContactKey: s.ContactKey, Protocol: s.Protocol,
		ExternalProtocol: s.ExternalProtocol, Preview: s.Preview, TranscriptionURL: s.TranscriptionURL,
	}
}

// legsIn is the transfer path sorted by start (then sequence) in order o.
func legsIn(legs []domain.Leg, o Order) []Leg {
	out := make([]Leg, 0, len(legs))
	for _, l := range legs {
		out = append(out, Leg{
			Seq: l.Seq, AgentID: l.AgentID, AgentName: l.AgentName, Queue: l.Queue, Service: l.Service,
			Menu: l.Menu, Start: l.Start, End: l.End, EndReason: l.EndReason, Duration: domain.Between(&l.Start, l.End),
		})
	}
	slices.SortStableFunc(out, func(a, b Leg) int {
		return directed(o, cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Seq, b.Seq)))
	})
	return out
}

// messagesIn is the message history sorted by time (then id) in order o.
func messagesIn(msgs []domain.Message, o Order) []domain.Message {
	out := append(make([]domain.Message, 0, len(msgs)), msgs...)
	slices.SortStableFunc(out, func(a, b domain.Message) int {
		return directed(o, cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)))
	})
	return out
}

func directed(o Order, c int) int {
	if o == Desc {
		return -c
	}
	return c
}
