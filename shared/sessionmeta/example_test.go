package sessionmeta_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

// The published example must stay a document Rastro accepts whole.
func TestPublishedExampleMapsWithoutProblems(t *testing.T) {
	b, err := os.ReadFile("../../docs/examples/session-metadata.json")
	if err != nil {
		t.Fatal(err)
	}
	in := MustMap(t, MustDocument(t, b))

	checks := []struct {
		what string
		ok   bool
	}{
		{"voice inbound", in.Media == domain.MediaVoice && in.Direction == "inbound"},
		{"closed and answered", in.State == domain.StateClosed && in.VoiceStatus == domain.VoiceAnswered},
		{"transferred once", in.Session != nil && in.Session.Transferred && len(in.Legs) == 2 && in.Status == domain.StatusServiceTransferred},
		{"CSAT", in.CSAT != nil && in.CSAT.Rating == 4 && in.CSAT.Comment != ""},
		{"disposition", in.Disposition != nil && in.Disposition.Code != "" && in.Disposition.Notes != ""},
		{"recording", in.Voice != nil && in.Voice.RecordingURL != "" && in.Voice.RecordingPermission == "granted"},
		{"participants", len(in.Participants) >= 3},
		{"contact", in.Contact != nil && in.Contact.Phone != ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("example: %s does not hold", c.what)
		}
	}
	if !bytes.Contains(b, []byte(`"session_type": "voice_inbound"`)) {
		t.Error("example must be a voice inbound call")
	}
}
