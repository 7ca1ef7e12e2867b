package sessionmeta

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// outboundTypes are the session types the contact center starts. SMS by API
// is outbound too: seed 003 lists it as "Mensagens de saída (SMS por API)".
// A web callback is inbound even though the platform dials: the customer
// asked for it.
var outboundTypes = map[domain.SessionType]bool{
	"voice_outbound":         true,
	"voice_outbound_api":     true,
	"voice_campaign":         true,
	"messaging_sms_outbound": true,
	"messaging_sms_api":      true,
}

func direction(t domain.SessionType) string {
	if outboundTypes[t] {
		return "outbound"
	}
	return "inbound"
}

// outcome is what the final status says about how the session ended.
type outcome struct {
	state       domain.State
	status      domain.FinalStatus
	voiceStatus domain.VoiceStatus
	lastLegEnd  string // EndReason of the last leg; "" while the session is live
}

// outcomeOf reads the end of a session from its numbered status and facts
// the status alone does not carry: whether an agent was ever connected,
// whether it was transferred, its direction and its deflection. The
// package comment states the rule for each code.
func outcomeOf(code domain.SessionStatus, connected, transferred, outbound bool, deflection string) outcome {
	if !code.Final() {
		return outcome{state: domain.StateActive}
	}
	o := outcome{state: domain.StateClosed, lastLegEnd: "abandoned"}
	if connected {
		o.status = domain.StatusServiceCompleted
		if transferred {
			o.status = domain.StatusServiceTransferred
		}
		o.lastLegEnd = "completed"
	}
	switch code {
	case domain.SessionFinished, domain.SessionRecovered: // a recovered call is a failed one retried and completed
		switch {
		case connected:
			o.voiceStatus = domain.VoiceAnswered
		case outbound:
			o.voiceStatus = domain.VoiceNotAnswered
		default:
			o.voiceStatus = domain.VoiceAbandoned
			o.status = domain.StatusAbandoned
		}
	case domain.SessionFailed:
		o.voiceStatus = domain.VoiceNotConnected
		if connected {
			o.voiceStatus = domain.VoiceAnswered
		} else {
			o.lastLegEnd = "failed"
		}
	case domain.SessionDeflected: // redirected by the queue's after-hours or overflow rules
		o.voiceStatus = domain.VoiceMessage
		if strings.Contains(deflection, "voicemail") {
			o.voiceStatus = domain.VoiceVoicemail
		}
	case domain.SessionVoicemail, domain.SessionVoicemailReceived:
		o.voiceStatus = domain.VoiceVoicemail
	}
	return o
}

// statusList names every defined code, for messages that must say which
// codes exist.
func statusList() string {
	var b strings.Builder
	for i, c := range domain.SessionStatuses() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d (%s)", int(c), c.Name())
	}
	return b.String()
}

func sessionTypeList() string {
	names := make([]string, 0, len(domain.SessionTypes))
	for t := range domain.SessionTypes {
		names = append(names, string(t))
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
