package sessionmeta_test

import (
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

func TestEverySessionTypeMaps(t *testing.T) {
	tests := []struct {
		sessionType string
		media       domain.Media
		direction   string
	}{
		{"voice_inbound", domain.MediaVoice, "inbound"},
		{"voice_inbound_mobile_ivr", domain.MediaVoice, "inbound"},
		{"voice_inbound_mobile", domain.MediaVoice, "inbound"},
		{"voice_callback_web", domain.MediaVoice, "inbound"},
		{"voice_inbound_api", domain.MediaVoice, "inbound"},
		{"voice_scheduled_mobile", domain.MediaVoice, "inbound"},
		{"voice_scheduled_web", domain.MediaVoice, "inbound"},
		{"voice_outbound", domain.MediaVoice, "outbound"},
		{"voice_outbound_api", domain.MediaVoice, "outbound"},
		{"voice_campaign", domain.MediaVoice, "outbound"},
		{"messaging_whatsapp", domain.MediaWhatsApp, "inbound"},
		{"messaging_sms_inbound", domain.MediaSMS, "inbound"},
		{"messaging_sms_outbound", domain.MediaSMS, "outbound"},
		{"messaging_sms_api", domain.MediaSMS, "outbound"},
		{"messaging_web", domain.MediaWebchat, "inbound"},
		{"messaging_mobile", domain.MediaChat, "inbound"},
	}
	if len(tests) != len(domain.SessionTypes) {
		t.Fatalf("test covers %d session types, domain has %d", len(tests), len(domain.SessionTypes))
	}
	for _, tc := range tests {
		t.Run(tc.sessionType, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{
				"session_type":         `"` + tc.sessionType + `"`,
				"recording_url":        `"https://rec.example.com/1"`,
				"recording_permission": `"granted"`,
				"end_user":             `{"phone": "+5511999990000"}`,
				"support_number":       `"+551130000000"`,
				"outbound_number":      `"+551130000001"`,
			}))
			in := MustMap(t, d)
			if in.Media != tc.media {
				t.Errorf("Media = %q, want %q", in.Media, tc.media)
			}
			if in.Direction != tc.direction {
				t.Errorf("Direction = %q, want %q", in.Direction, tc.direction)
			}
			if in.Session == nil || string(in.Session.Type) != tc.sessionType {
				t.Errorf("Session.Type = %v, want %q", in.Session, tc.sessionType)
			}
			if gotVoice := in.Voice != nil; gotVoice != (tc.media == domain.MediaVoice) {
				t.Errorf("Voice = %+v: recording details belong to voice sessions only", in.Voice)
			}
			wantFrom, wantTo := "+5511999990000", "+551130000000"
			if tc.direction == "outbound" {
				wantFrom, wantTo = "+551130000001", "+5511999990000"
			}
			if in.From != wantFrom || in.To != wantTo {
				t.Errorf("From, To = %q, %q; want %q, %q", in.From, in.To, wantFrom, wantTo)
			}
		})
	}
}

func TestUnknownSessionTypeIsRejected(t *testing.T) {
	tests := []struct {
		name  string
		value any
	}{
		{"legacy display name", `"Voice Inbound (App)"`},
		{"unknown", `"voice_internal"`},
		{"missing", nil},
		{"empty", `""`},
		{"number", `3`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{"session_type": tc.value}))
			in, problems := d.Interaction(now)
			if got := fields(problems); len(got) != 1 || got[0] != "session_type" {
				t.Fatalf("problems on %v, want only session_type: %v", got, problems)
			}
			if in.Media != "" {
				t.Errorf("Media = %q, want none", in.Media)
			}
		})
	}
}
