package domain

import "time"

// Interaction is one contact handled by the platform: a call, a chat, an
// email thread. It carries every field of seed 000's report, seed 004's
// grid and history window, seed 001's session history and message history,
// and seed 003's session metadata. Field comments name the seed column.
//
// An interaction is placed in time by Start alone (DESIGN.md "Time").
// Versions are ordered by Updated, then Version; see Ordering.
type Interaction struct {
	ID      string    `json:"id" dynamo:"id"`           // the platform's id for the interaction (seed 003 session id)
	Media   Media     `json:"media" dynamo:"media"`     // seed 000 media, seed 004 channel
	State   State     `json:"state" dynamo:"state"`     // seed 004 status: new, active, acw, closed
	Updated time.Time `json:"updated" dynamo:"updated"` // seed 003 "updated": when the source last changed this record
	Version int64     `json:"version,omitempty" dynamo:"version,omitempty"`

	// Instants (UTC). Start is required; the rest appear as the contact progresses.
	Start        time.Time  `json:"start" dynamo:"start"`                                   // DATE/TIME: entered the platform for distribution; seed 004 Created; seed 003 created
	Queued       *time.Time `json:"queued,omitempty" dynamo:"queued,omitempty"`             // DATE/TIME QUEUED; seed 003 queued
	Assigned     *time.Time `json:"assigned,omitempty" dynamo:"assigned,omitempty"`         // time delivered to the agent; seed 003 assigned
	Answered     *time.Time `json:"answered,omitempty" dynamo:"answered,omitempty"`         // DATE ANSWERED; seed 003 connected
	FirstMessage *time.Time `json:"firstMessage,omitempty" dynamo:"firstMessage,omitempty"` // DATE FIRST MESSAGE (agent's first message or call start)
	Finished     *time.Time `json:"finished,omitempty" dynamo:"finished,omitempty"`         // DATE FINISHED; seed 004 Closed; seed 003 finished
	Scheduled    *time.Time `json:"scheduled,omitempty" dynamo:"scheduled,omitempty"`       // seed 003 scheduled
	ClientEnd    *time.Time `json:"clientEnd,omitempty" dynamo:"clientEnd,omitempty"`       // CLIENT END DATE/TIME (voice)
	AgentEnd     *time.Time `json:"agentEnd,omitempty" dynamo:"agentEnd,omitempty"`         // AGENT END DATE/TIME (voice)
	VAAssigned   *time.Time `json:"vaAssigned,omitempty" dynamo:"vaAssigned,omitempty"`     // seed 003 va_assigned
	VAConnected  *time.Time `json:"vaConnected,omitempty" dynamo:"vaConnected,omitempty"`   // seed 003 va_connected

	// Who and where.
	Protocol         string   `json:"protocol,omitempty" dynamo:"protocol,omitempty"`                 // PROTOCOL (platform generated)
	ExternalProtocol string   `json:"externalProtocol,omitempty" dynamo:"externalProtocol,omitempty"` // EXTERNAL PROTOCOL
	Queue            string   `json:"queue,omitempty" dynamo:"queue,omitempty"`                       // seed 004 Queue: the distribution queue; supervisors are scoped by it
	Service          string   `json:"service,omitempty" dynamo:"service,omitempty"`                   // SERVICE name (seed 000)
	Agent            *Agent   `json:"agent,omitempty" dynamo:"agent,omitempty"`                       // AGENT: who handled it last
	Origin           string   `json:"origin,omitempty" dynamo:"origin,omitempty"`                     // ORIGIN: Portal, Zendesk, Salesforce, Pipedrive
	Direction        string   `json:"direction,omitempty" dynamo:"direction,omitempty"`               // TYPE: inbound or outbound
	InitiatedBy      string   `json:"initiatedBy,omitempty" dynamo:"initiatedBy,omitempty"`           // WhatsApp conversation origin: customer or company
	From             string   `json:"from,omitempty" dynamo:"from,omitempty"`                         // FROM: number/extension that initiated
	To               string   `json:"to,omitempty" dynamo:"to,omitempty"`                             // TO: number/extension that received
	DID              string   `json:"did,omitempty" dynamo:"did,omitempty"`                           // seed 004 DID: inbound phone number
	Contact          *Contact `json:"contact,omitempty" dynamo:"contact,omitempty"`                   // CONTACT and the client's identifiers

	// Outcome.
	Status           FinalStatus    `json:"status,omitempty" dynamo:"status,omitempty"`                     // STATUS (seed 000 final status)
	VoiceStatus      VoiceStatus    `json:"voiceStatus,omitempty" dynamo:"voiceStatus,omitempty"`           // voice termination type (seed 000 filter)
	SessionStatus    *SessionStatus `json:"sessionStatus,omitempty" dynamo:"sessionStatus,omitempty"`       // seed 003 numbered status
	Expiration       string         `json:"expiration,omitempty" dynamo:"expiration,omitempty"`             // EXPIRATION STATUS: active or expired (chat, WhatsApp)
	Portfolio        bool           `json:"portfolio" dynamo:"portfolio"`                                   // PORTFOLIO: customer assigned in the platform
	Tags             []string       `json:"tags,omitempty" dynamo:"tags,omitempty"`                         // TAG(s) chosen at completion
	Disposition      *Disposition   `json:"disposition,omitempty" dynamo:"disposition,omitempty"`           // seed 004 Disposition; seed 003 disposition code and notes
	InternalComments string         `json:"internalComments,omitempty" dynamo:"internalComments,omitempty"` // INTERNAL COMMENTS (including IVR/bot navigation)
	LastResponse     string         `json:"lastResponse,omitempty" dynamo:"lastResponse,omitempty"`         // LAST RESPONSE: agent, customer or bot
	CSAT             *CSAT          `json:"csat,omitempty" dynamo:"csat,omitempty"`                         // seed 003 CSAT; seed 001 rating

	// Times (Durations are whole milliseconds, seconds on the wire).
	Duration      Duration `json:"duration" dynamo:"duration"`                               // DURATION: answered → finished
	ACW           Duration `json:"acw" dynamo:"acw"`                                         // seed 004 after-contact work
	Handle        Duration `json:"handle" dynamo:"handle"`                                   // seed 003 handle time
	Hold          Duration `json:"hold" dynamo:"hold"`                                       // seed 003 hold duration
	Wait          Duration `json:"wait" dynamo:"wait"`                                       // seed 001 waiting time: start → first agent response
	APT           Duration `json:"apt" dynamo:"apt"`                                         // APT: productive time (chat, WhatsApp)
	AUT           Duration `json:"aut" dynamo:"aut"`                                         // AUT: on hold / personal queue (chat, WhatsApp)
	AFRT          Duration `json:"afrt" dynamo:"afrt"`                                       // AFRT: delivery → first response
	ART           Duration `json:"art" dynamo:"art"`                                         // ART: mean of the agent's response times
	ResponseCount int      `json:"responseCount,omitempty" dynamo:"responseCount,omitempty"` // responses ART averages over, so ART can be re-averaged exactly

	// Seed 001 conversation session.
	Conversation *Conversation `json:"conversation,omitempty" dynamo:"conversation,omitempty"`
	// Seed 003 session metadata not covered above.
	Session *SessionInfo `json:"session,omitempty" dynamo:"session,omitempty"`
	// Voice call details (seed 000 voice columns, seed 003 recording).
	Voice *VoiceDetails `json:"voice,omitempty" dynamo:"voice,omitempty"`

	// The transfer path: one leg per agent/queue that held the interaction, in order.
	Legs []Leg `json:"legs,omitempty" dynamo:"legs,omitempty"`
	// Messages of text media (seed 001 message history), in time order.
	Messages []Message `json:"messages,omitempty" dynamo:"-"`
	// People on the call or chat (seed 003 participants).
	Participants []Participant `json:"participants,omitempty" dynamo:"-"`
}

// State is seed 004's interaction status; closed interactions are the
// "finalized" ones seed 000 reports on.
type State string

const (
	StateNew    State = "new"
	StateActive State = "active"
	StateACW    State = "acw"
	StateClosed State = "closed"
)

// FinalStatus is seed 000's STATUS column.
type FinalStatus string

const (
	StatusAbandoned          FinalStatus = "abandoned"           // queue abandonment
	StatusBadPhone           FinalStatus = "bad_phone"           // unavailable number
	StatusBadNumber          FinalStatus = "bad_number"          // invalid number
	StatusDequeued           FinalStatus = "dequeued"            // timeout reached
	StatusServiceCompleted   FinalStatus = "service_completed"   // interaction finished
	StatusServiceTransferred FinalStatus = "service_transferred" // interaction transferred
)

// VoiceStatus is seed 000's voice termination type.
type VoiceStatus string

const (
	VoiceAbandoned    VoiceStatus = "abandoned"
	VoiceAnswered     VoiceStatus = "answered"
	VoiceVoicemail    VoiceStatus = "voicemail"
	VoiceNotConnected VoiceStatus = "not_connected"
	VoiceOutOfService VoiceStatus = "out_of_service"
	VoiceNotAnswered  VoiceStatus = "not_answered"
	VoiceMessage      VoiceStatus = "message"
)

// Agent identifies a person who handled an interaction.
type Agent struct {
	ID   string   `json:"id" dynamo:"id"`
	Name string   `json:"name,omitempty" dynamo:"name,omitempty"`
	Tags []string `json:"tags,omitempty" dynamo:"tags,omitempty"` // USER TAGS: tags applied to the agent
}

// Contact is the customer side (seed 000 CONTACT, EXTERNAL ID, DOCUMENT;
// seed 004 Client).
type Contact struct {
	Name         string `json:"name,omitempty" dynamo:"name,omitempty"`
	Phone        string `json:"phone,omitempty" dynamo:"phone,omitempty"`
	Email        string `json:"email,omitempty" dynamo:"email,omitempty"`
	ExternalID   string `json:"externalId,omitempty" dynamo:"externalId,omitempty"`     // EXTERNAL ID from the contact screen
	Document     string `json:"document,omitempty" dynamo:"document,omitempty"`         // CPF (11 digits) or CNPJ (14 digits), digits only
	CRMContactID string `json:"crmContactId,omitempty" dynamo:"crmContactId,omitempty"` // seed 004 crm_contact_id
}

// Disposition is the code the agent applied when closing, with notes.
type Disposition struct {
	Code  string `json:"code" dynamo:"code"`
	Notes string `json:"notes,omitempty" dynamo:"notes,omitempty"`
}

// CSAT is the customer's satisfaction answer, 1 to 4 (seed 003).
type CSAT struct {
	Rating  int    `json:"rating" dynamo:"rating"`
	Comment string `json:"comment,omitempty" dynamo:"comment,omitempty"`
}

// Conversation holds seed 001's conversation-session fields.
type Conversation struct {
	SessionName    string   `json:"sessionName,omitempty" dynamo:"sessionName,omitempty"` // social account chatted on
	ChannelName    string   `json:"channelName,omitempty" dynamo:"channelName,omitempty"` // Omnichannel: page / OA / business account name
	SupportType    string   `json:"supportType,omitempty" dynamo:"supportType,omitempty"` // message or comment
	Type           string   `json:"type,omitempty" dynamo:"type,omitempty"`               // Type session: proactive, unanswered after 24 h, ...
	Note           string   `json:"note,omitempty" dynamo:"note,omitempty"`               // employee notes for the customer
	Category       string   `json:"category,omitempty" dynamo:"category,omitempty"`
	SubCategory    string   `json:"subCategory,omitempty" dynamo:"subCategory,omitempty"`
	SubSubCategory string   `json:"subSubCategory,omitempty" dynamo:"subSubCategory,omitempty"`
	Assigned       bool     `json:"assigned" dynamo:"assigned"`   // the session was assigned to an employee
	Completed      bool     `json:"completed" dynamo:"completed"` // marked as done
	Supported      bool     `json:"supported" dynamo:"supported"` // an agent responded
	TotalMessages  int      `json:"totalMessages" dynamo:"totalMessages"`
	Support        Duration `json:"support" dynamo:"support"` // agent's first → last message before closing
}

// SessionInfo holds seed 003's session metadata beyond the common fields.
type SessionInfo struct {
	Lang           string        `json:"lang,omitempty" dynamo:"lang,omitempty"`
	Type           SessionType   `json:"type,omitempty" dynamo:"type,omitempty"`
	AnswerType     string        `json:"answerType,omitempty" dynamo:"answerType,omitempty"` // human or virtual
	TicketID       string        `json:"ticketId,omitempty" dynamo:"ticketId,omitempty"`
	TicketURL      string        `json:"ticketUrl,omitempty" dynamo:"ticketUrl,omitempty"`
	SupportNumber  string        `json:"supportNumber,omitempty" dynamo:"supportNumber,omitempty"`
	OutboundNumber string        `json:"outboundNumber,omitempty" dynamo:"outboundNumber,omitempty"`
	MenuPath       string        `json:"menuPath,omitempty" dynamo:"menuPath,omitempty"`     // leaf of the IVR menu path (the IVR)
	MenuPathID     string        `json:"menuPathId,omitempty" dynamo:"menuPathId,omitempty"` // materialized queue-id path, e.g. 2420/4563/6205
	QueuePriority  int           `json:"queuePriority,omitempty" dynamo:"queuePriority,omitempty"`
	Deflection     string        `json:"deflection,omitempty" dynamo:"deflection,omitempty"` // e.g. after_hours_message_only
	Transferred    bool          `json:"transferred,omitempty" dynamo:"transferred,omitempty"`
	SmartActions   *SmartActions `json:"smartActions,omitempty" dynamo:"smartActions,omitempty"`
	InCallSMS      bool          `json:"inCallSms,omitempty" dynamo:"inCallSms,omitempty"`
	WaitTimeSMS    bool          `json:"waitTimeSms,omitempty" dynamo:"waitTimeSms,omitempty"`
}

// SmartActions records what seed 003's SmartActions collected.
type SmartActions struct {
	Verification string `json:"verification,omitempty" dynamo:"verification,omitempty"` // verified, failed, not_verified
	Photos       bool   `json:"photos,omitempty" dynamo:"photos,omitempty"`
	Videos       bool   `json:"videos,omitempty" dynamo:"videos,omitempty"`
	TextInput    bool   `json:"textInput,omitempty" dynamo:"textInput,omitempty"`
}

// SessionType is seed 003's session type.
type SessionType string

// SessionTypes lists seed 003's voice and messaging session types with the
// media each belongs to.
var SessionTypes = map[SessionType]Media{
	"voice_inbound":            MediaVoice,
	"voice_inbound_mobile_ivr": MediaVoice,
	"voice_inbound_mobile":     MediaVoice,
	"voice_callback_web":       MediaVoice,
	"voice_inbound_api":        MediaVoice,
	"voice_scheduled_mobile":   MediaVoice,
	"voice_scheduled_web":      MediaVoice,
	"voice_outbound":           MediaVoice,
	"voice_outbound_api":       MediaVoice,
	"voice_campaign":           MediaVoice,
	"messaging_whatsapp":       MediaWhatsApp,
	"messaging_sms_inbound":    MediaSMS,
	"messaging_sms_outbound":   MediaSMS,
	"messaging_sms_api":        MediaSMS,
	"messaging_web":            MediaWebchat,
	"messaging_mobile":         MediaChat,
}

// VoiceDetails are the call's technical details and recording.
type VoiceDetails struct {
	JitterMs            *float64 `json:"jitterMs,omitempty" dynamo:"jitterMs,omitempty"`
	PacketLossPct       *float64 `json:"packetLossPct,omitempty" dynamo:"packetLossPct,omitempty"`
	Server              string   `json:"server,omitempty" dynamo:"server,omitempty"`                           // VOICE SERVER
	DialedNumber        string   `json:"dialedNumber,omitempty" dynamo:"dialedNumber,omitempty"`               // DIALED NUMBER
	ExternalChannel     string   `json:"externalChannel,omitempty" dynamo:"externalChannel,omitempty"`         // EXTERNAL CHANNEL NAME
	InternalChannel     string   `json:"internalChannel,omitempty" dynamo:"internalChannel,omitempty"`         // INTERNAL CHANNEL NAME
	RecordingPermission string   `json:"recordingPermission,omitempty" dynamo:"recordingPermission,omitempty"` // granted, denied, not_asked
	RecordingURL        string   `json:"recordingUrl,omitempty" dynamo:"recordingUrl,omitempty"`               // a link elsewhere
	RecordingKey        string   `json:"recordingKey,omitempty" dynamo:"recordingKey,omitempty"`               // an object in Rastro's media bucket, under the tenant's prefix
	TranscriptionURL    string   `json:"transcriptionUrl,omitempty" dynamo:"transcriptionUrl,omitempty"`
}

// Leg is one step of the transfer path: who held the interaction, from
// when to when, and why that step ended.
type Leg struct {
	Seq       int        `json:"seq" dynamo:"seq"` // 1-based, in order
	AgentID   string     `json:"agentId,omitempty" dynamo:"agentId,omitempty"`
	AgentName string     `json:"agentName,omitempty" dynamo:"agentName,omitempty"`
	Queue     string     `json:"queue,omitempty" dynamo:"queue,omitempty"`
	Service   string     `json:"service,omitempty" dynamo:"service,omitempty"`
	Menu      string     `json:"menu,omitempty" dynamo:"menu,omitempty"` // transferred to a menu rather than an agent
	Start     time.Time  `json:"start" dynamo:"start"`
	End       *time.Time `json:"end,omitempty" dynamo:"end,omitempty"`
	EndReason string     `json:"endReason,omitempty" dynamo:"endReason,omitempty"` // transferred, completed, abandoned, disconnected, expired
}

// Message is one message of a text interaction (seed 001 message history).
type Message struct {
	ID              string     `json:"id" dynamo:"id"`
	At              time.Time  `json:"at" dynamo:"at"`                                       // Timestamp
	Direction       string     `json:"direction" dynamo:"direction"`                         // in or out
	Sender          string     `json:"sender" dynamo:"sender"`                               // agent, customer or bot
	InitiatedBy     string     `json:"initiatedBy,omitempty" dynamo:"initiatedBy,omitempty"` // user or business
	AgentID         string     `json:"agentId,omitempty" dynamo:"agentId,omitempty"`
	From            string     `json:"from,omitempty" dynamo:"from,omitempty"`
	To              string     `json:"to,omitempty" dynamo:"to,omitempty"`
	ContentType     string     `json:"contentType" dynamo:"contentType"` // text, image, audio, video, file, location, template, sticker
	Content         string     `json:"content,omitempty" dynamo:"content,omitempty"`
	TemplateID      string     `json:"templateId,omitempty" dynamo:"templateId,omitempty"`
	TemplateName    string     `json:"templateName,omitempty" dynamo:"templateName,omitempty"`
	MediaURL        string     `json:"mediaUrl,omitempty" dynamo:"mediaUrl,omitempty"`
	Status          string     `json:"status,omitempty" dynamo:"status,omitempty"` // sent, delivered, read, received, failed
	StatusUpdatedAt *time.Time `json:"statusUpdatedAt,omitempty" dynamo:"statusUpdatedAt,omitempty"`
}

// Participant is one member of a call or chat; a member who leaves and
// rejoins appears twice (seed 003).
type Participant struct {
	Type   string     `json:"type" dynamo:"type"` // agent, end_user, virtual_agent, third_party
	ID     string     `json:"id,omitempty" dynamo:"id,omitempty"`
	Name   string     `json:"name,omitempty" dynamo:"name,omitempty"`
	Joined *time.Time `json:"joined,omitempty" dynamo:"joined,omitempty"`
	Left   *time.Time `json:"left,omitempty" dynamo:"left,omitempty"`
}
