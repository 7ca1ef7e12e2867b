package sessionmeta

import "github.com/rastro-cc/rastro/shared/domain"

// Document is one session-metadata file as the platform writes it (seed
// 003), keys in the platform's snake_case. Optional instants are zero when
// the session never reached that step; optional numbers are pointers where
// 0 is a value the platform could send and Rastro must reject rather than
// mistake for "absent" (status 0 is "scheduled"; priority and rating start
// at 1).
//
// Decoding is lenient about keys the platform adds (they are ignored) and
// strict about the type of every key it knows: a wrong type does not abort
// the file but becomes a problem on that key, reported by Interaction.
type Document struct {
	Lang        string      `json:"lang,omitempty"`
	SessionID   ID          `json:"session_id"`
	SessionType string      `json:"session_type"`
	Status      *StatusCode `json:"status"`

	CreatedAt     Timestamp `json:"created_at,omitzero"`
	QueuedAt      Timestamp `json:"queued_at,omitzero"`
	AssignedAt    Timestamp `json:"assigned_at,omitzero"`
	ConnectedAt   Timestamp `json:"connected_at,omitzero"`
	EndedAt       Timestamp `json:"ended_at,omitzero"`
	ScheduledAt   Timestamp `json:"scheduled_at,omitzero"`
	UpdatedAt     Timestamp `json:"updated_at,omitzero"`
	VAAssignedAt  Timestamp `json:"va_assigned_at,omitzero"`
	VAConnectedAt Timestamp `json:"va_connected_at,omitzero"`

	HandleDuration domain.Duration `json:"handle_duration"`
	HoldDuration   domain.Duration `json:"hold_duration"`

	AnswerType          string `json:"answer_type,omitempty"` // human or virtual
	OutTicketID         ID     `json:"out_ticket_id,omitempty"`
	OutTicketURL        string `json:"out_ticket_url,omitempty"`
	RecordingPermission string `json:"recording_permission,omitempty"` // granted, denied, not_asked
	RecordingURL        string `json:"recording_url,omitempty"`
	SupportNumber       string `json:"support_number,omitempty"`
	OutboundNumber      string `json:"outbound_number,omitempty"`

	MenuPath      *MenuPath `json:"menu_path,omitempty"`
	MenuPathID    string    `json:"menu_path_id,omitempty"` // materialized queue-id path, e.g. 2420/4563/6205
	QueuePriority *int      `json:"queue_priority,omitempty"`

	CSATRating  *int   `json:"csat_rating,omitempty"`
	CSATComment string `json:"csat_comment,omitempty"`

	SmartActions *SmartActions  `json:"smart_actions,omitempty"`
	AgentInfo    []AgentInfo    `json:"agent_info,omitempty"`
	TransferInfo []TransferInfo `json:"transfer_info,omitempty"`

	Deflection       string `json:"deflection,omitempty"` // e.g. after_hours_message_only; null when not deflected
	DispositionCode  string `json:"disposition_code,omitempty"`
	DispositionNotes string `json:"disposition_notes,omitempty"`
	InCallSMS        bool   `json:"in_call_sms"`
	WaitTimeSMS      bool   `json:"wait_time_sms"`

	Participants []Participant `json:"participants,omitempty"`
	EndUser      *EndUser      `json:"end_user,omitempty"`

	// decodeProblems are the wrong-typed keys found by UnmarshalJSON. They
	// travel with the document so that one bad key costs one record, not
	// the whole file, and are reported with the mapping's own problems.
	decodeProblems []domain.FieldError
}

// MenuPath is the leaf of the menu path the session was routed through.
type MenuPath struct {
	ID   ID     `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"` // ivr, web or mobile: the channel the menu belongs to
}

// SmartActions records what the platform's SmartActions collected.
type SmartActions struct {
	VerificationStatus string `json:"verification_status,omitempty"` // verified, failed, not_verified
	PhotosSent         bool   `json:"photos_sent"`
	VideosSent         bool   `json:"videos_sent"`
	TextInput          bool   `json:"text_input"`
}

// AgentInfo is one agent assigned to the session; agent_info lists them in
// the order they were assigned.
type AgentInfo struct {
	ID    ID     `json:"id"`
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
}

// TransferInfo is one transfer, to an agent, a menu or a queue.
type TransferInfo struct {
	FromAgentID   ID        `json:"from_agent_id,omitempty"`
	ToAgentID     ID        `json:"to_agent_id,omitempty"`
	ToAgentName   string    `json:"to_agent_name,omitempty"`
	ToMenu        string    `json:"to_menu,omitempty"`
	ToQueue       string    `json:"to_queue,omitempty"`
	TransferredAt Timestamp `json:"transferred_at,omitzero"`
}

// Participant is one stint of one member on the call or chat; a member who
// leaves and joins again is listed twice (seed 003).
type Participant struct {
	Type     string    `json:"type"` // agent, end_user, virtual_agent, third_party
	ID       ID        `json:"id,omitempty"`
	Name     string    `json:"name,omitempty"`
	JoinedAt Timestamp `json:"joined_at,omitzero"`
	LeftAt   Timestamp `json:"left_at,omitzero"`
}

// EndUser is the customer.
type EndUser struct {
	ID    ID     `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}
