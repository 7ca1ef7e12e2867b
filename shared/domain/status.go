package domain

import "sort"

// SessionStatus is seed 003's numbered session status. The numbers are the
// platform's own and are kept as they arrive; names are for people.
type SessionStatus int

// Seed 003's statuses that rules refer to by meaning.
const (
	SessionScheduled         SessionStatus = 0
	SessionQueued            SessionStatus = 1
	SessionConnected         SessionStatus = 5
	SessionFinished          SessionStatus = 8
	SessionFailed            SessionStatus = 9
	SessionRecovered         SessionStatus = 10
	SessionDeflected         SessionStatus = 11
	SessionVoicemail         SessionStatus = 80
	SessionVoicemailReceived SessionStatus = 81
)

// sessionStatusNames is seed 003's table, complete: codes 6, 7 and 24–79
// are not defined there and are rejected.
var sessionStatusNames = map[SessionStatus]string{
	0:  "scheduled",
	1:  "queued",
	2:  "assigned",
	3:  "connecting",
	4:  "switching",
	5:  "connected",
	8:  "finished",
	9:  "failed",
	10: "recovered",
	11: "deflected",
	12: "selecting",
	13: "va_assigned",
	14: "va_connected",
	15: "preview_pending",
	16: "preview_ready",
	17: "campaign_connecting",
	18: "campaign_connected",
	19: "requeued",
	20: "predictive_waiting",
	21: "progressive_waiting",
	22: "preview_waiting",
	23: "campaign_dialing",
	80: "voicemail",
	81: "voicemail_received",
}

// Name is the seed's name of the status, "" for an unknown code.
func (s SessionStatus) Name() string { return sessionStatusNames[s] }

// Valid reports whether the code is in seed 003's table.
func (s SessionStatus) Valid() bool { _, ok := sessionStatusNames[s]; return ok }

// Final reports whether a session in this status is over: finished, failed,
// recovered, deflected (redirected) or a voicemail that was left.
func (s SessionStatus) Final() bool {
	switch s {
	case SessionFinished, SessionFailed, SessionRecovered, SessionDeflected, SessionVoicemail, SessionVoicemailReceived:
		return true
	}
	return false
}

// SessionStatusByName finds a status by its name.
func SessionStatusByName(name string) (SessionStatus, bool) {
	for c, n := range sessionStatusNames {
		if n == name {
			return c, true
		}
	}
	return 0, false
}

// SessionStatuses lists every defined code in ascending order.
func SessionStatuses() []SessionStatus {
	out := make([]SessionStatus, 0, len(sessionStatusNames))
	for c := range sessionStatusNames {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
