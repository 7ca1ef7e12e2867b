package sessionmeta_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

// seed003Statuses is seed 003's table typed out again, so a change to the
// domain's copy has to be made on purpose.
var seed003Statuses = []struct {
	code  int
	name  string
	final bool
}{
	{0, "scheduled", false},
	{1, "queued", false},
	{2, "assigned", false},
	{3, "connecting", false},
	{4, "switching", false},
	{5, "connected", false},
	{8, "finished", true},
	{9, "failed", true},
	{10, "recovered", true},
	{11, "deflected", true},
	{12, "selecting", false},
	{13, "va_assigned", false},
	{14, "va_connected", false},
	{15, "preview_pending", false},
	{16, "preview_ready", false},
	{17, "campaign_connecting", false},
	{18, "campaign_connected", false},
	{19, "requeued", false},
	{20, "predictive_waiting", false},
	{21, "progressive_waiting", false},
	{22, "preview_waiting", false},
	{23, "campaign_dialing", false},
	{80, "voicemail", true},
	{81, "voicemail_received", true},
}

func TestEveryStatusCodeMaps(t *testing.T) {
	if got, want := len(domain.SessionStatuses()), len(seed003Statuses); got != want {
		t.Fatalf("domain defines %d status codes, seed 003 has %d", got, want)
	}
	for _, tc := range seed003Statuses {
		t.Run(fmt.Sprintf("%d_%s", tc.code, tc.name), func(t *testing.T) {
			patch := map[string]any{"status": fmt.Sprint(tc.code)}
			if tc.final {
				patch["ended_at"] = `"2023-09-11T09:50:00.000+03:00"`
			}
			in := MustMap(t, MustDocument(t, MustPatch(t, "minimal.json", patch)))
			if in.SessionStatus == nil || int(*in.SessionStatus) != tc.code {
				t.Fatalf("SessionStatus = %v, want %d", in.SessionStatus, tc.code)
			}
			if got := in.SessionStatus.Name(); got != tc.name {
				t.Errorf("Name() = %q, want %q", got, tc.name)
			}
			if got := in.SessionStatus.Final(); got != tc.final {
				t.Errorf("Final() = %v, want %v", got, tc.final)
			}
			wantState := domain.StateActive
			if tc.final {
				wantState = domain.StateClosed
			}
			if in.State != wantState {
				t.Errorf("State = %q, want %q", in.State, wantState)
			}
			if !tc.final && (in.Status != "" || in.VoiceStatus != "") {
				t.Errorf("a live session has Status %q, VoiceStatus %q; want neither", in.Status, in.VoiceStatus)
			}
		})
	}
}

func TestStatusByName(t *testing.T) {
	for _, tc := range seed003Statuses {
		t.Run(tc.name, func(t *testing.T) {
			patch := map[string]any{"status": `"` + tc.name + `"`}
			if tc.final {
				patch["ended_at"] = `"2023-09-11T09:50:00.000+03:00"`
			}
			in := MustMap(t, MustDocument(t, MustPatch(t, "minimal.json", patch)))
			if in.SessionStatus == nil || int(*in.SessionStatus) != tc.code {
				t.Fatalf("SessionStatus = %v, want %d", in.SessionStatus, tc.code)
			}
		})
	}
}

func TestUndefinedStatusIsRejected(t *testing.T) {
	tests := []struct {
		name  string
		value any // raw JSON; nil removes the key
	}{
		{"6", "6"},
		{"7", "7"},
		{"24", "24"},
		{"79", "79"},
		{"82", "82"},
		{"-1", "-1"},
		{"missing", nil},
		{"null", "null"},
		{"unknown name", `"hung_up"`},
		{"fraction", "8.5"},
		{"boolean", "true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{"status": tc.value}))
			in, problems := d.Interaction(now)
			if got := fields(problems); len(got) != 1 || got[0] != "status" {
				t.Fatalf("problems on %v, want only status: %v", got, problems)
			}
			reason, _ := reasonFor(problems, "status")
			if !containsAll(reason, "0 (scheduled)", "23 (campaign_dialing)", "81 (voicemail_received)") {
				t.Errorf("reason %q does not list the codes that exist", reason)
			}
			if in.SessionStatus != nil {
				t.Errorf("SessionStatus = %d, want nil for an undefined code", *in.SessionStatus)
			}
		})
	}
}

func TestFinalStatusNeedsEndedAt(t *testing.T) {
	d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{"status": "9"}))
	_, problems := d.Interaction(now)
	reason, ok := reasonFor(problems, "ended_at")
	if !ok || !strings.Contains(reason, "9 failed") {
		t.Fatalf("want a problem on ended_at naming the status, got %v", problems)
	}
	if len(problems) != 1 {
		t.Errorf("want one problem, got %v", problems)
	}
}

// TestOutcome pins the documented rule for each final code.
func TestOutcome(t *testing.T) {
	const (
		ended     = `"2023-09-11T09:50:00.000+03:00"`
		connected = `"2023-09-11T09:43:00.000+03:00"`
	)
	agents := `[{"id": 1, "name": "A"}]`
	tests := []struct {
		name        string
		patch       map[string]any
		status      domain.FinalStatus
		voiceStatus domain.VoiceStatus
		legEnd      string
	}{
		{"finished connected", map[string]any{"status": "8", "connected_at": connected}, domain.StatusServiceCompleted, domain.VoiceAnswered, "completed"},
		{"finished connected transferred", map[string]any{"status": "8", "connected_at": connected, "agent_info": `[{"id": 1}, {"id": 2}]`, "transfer_info": `[{"from_agent_id": 1, "to_agent_id": 2, "transferred_at": "2023-09-11T09:45:00.000+03:00"}]`}, domain.StatusServiceTransferred, domain.VoiceAnswered, "completed"},
		{"finished never connected inbound", map[string]any{"status": "8"}, domain.StatusAbandoned, domain.VoiceAbandoned, "abandoned"},
		{"finished never connected outbound", map[string]any{"status": "8", "session_type": `"voice_outbound"`}, "", domain.VoiceNotAnswered, "abandoned"},
		{"recovered connected", map[string]any{"status": "10", "connected_at": connected}, domain.StatusServiceCompleted, domain.VoiceAnswered, "completed"},
		{"failed", map[string]any{"status": "9"}, "", domain.VoiceNotConnected, "failed"},
		{"failed after connecting", map[string]any{"status": "9", "connected_at": connected}, domain.StatusServiceCompleted, domain.VoiceAnswered, "completed"},
		{"deflected to a message", map[string]any{"status": "11", "deflection": `"after_hours_message_only"`}, "", domain.VoiceMessage, "abandoned"},
		{"deflected to voicemail", map[string]any{"status": "11", "deflection": `"overcapacity_voicemail"`}, "", domain.VoiceVoicemail, "abandoned"},
		{"voicemail", map[string]any{"status": "80"}, "", domain.VoiceVoicemail, "abandoned"},
		{"voicemail received", map[string]any{"status": "81"}, "", domain.VoiceVoicemail, "abandoned"},
		{"messaging finished", map[string]any{"status": "8", "connected_at": connected, "session_type": `"messaging_web"`}, domain.StatusServiceCompleted, "", "completed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.patch["ended_at"] = ended
			if _, ok := tc.patch["agent_info"]; !ok {
				tc.patch["agent_info"] = agents
			}
			in := MustMap(t, MustDocument(t, MustPatch(t, "minimal.json", tc.patch)))
			if in.Status != tc.status {
				t.Errorf("Status = %q, want %q", in.Status, tc.status)
			}
			if in.VoiceStatus != tc.voiceStatus {
				t.Errorf("VoiceStatus = %q, want %q", in.VoiceStatus, tc.voiceStatus)
			}
			last := in.Legs[len(in.Legs)-1]
			if last.EndReason != tc.legEnd {
				t.Errorf("last leg EndReason = %q, want %q", last.EndReason, tc.legEnd)
			}
			if last.End == nil || !last.End.Equal(instant(t, "2023-09-11T09:50:00.000+03:00")) {
				t.Errorf("last leg End = %v, want ended_at", last.End)
			}
		})
	}
}
