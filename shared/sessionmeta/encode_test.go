package sessionmeta_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

// MustReread writes d as the JSONL export does and decodes it again, so the
// round trip goes through the wire and not just through Go values.
func MustReread(tb testing.TB, d sessionmeta.Document) sessionmeta.Document {
	tb.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		tb.Fatalf("marshal: %v", err)
	}
	return MustDocument(tb, b)
}

// Every sample document that maps cleanly comes back as the same
// interaction after FromInteraction, whole (participants included) and as
// the export sees it (from a list row, without participants or messages).
func TestFromInteractionInvertsInteraction(t *testing.T) {
	files, err := fs.Glob(testdata, "testdata/*.json*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		raw, err := testdata.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := sessionmeta.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for i, doc := range docs {
			want, problems := doc.Interaction(now)
			if len(problems) > 0 {
				continue
			}
			t.Run(strings.TrimPrefix(file, "testdata/")+"/"+want.ID, func(t *testing.T) {
				got := MustMap(t, MustReread(t, sessionmeta.FromInteraction(&want)))
				if !reflect.DeepEqual(got, want) {
					t.Errorf("document %d: round trip changed the interaction\n got %s\nwant %s", i, mustJSON(t, got), mustJSON(t, want))
				}

				row := want
				row.Participants, row.Messages = nil, nil
				got = MustMap(t, MustReread(t, sessionmeta.FromInteraction(&row)))
				if !reflect.DeepEqual(got, row) {
					t.Errorf("document %d: list-row round trip changed the interaction\n got %s\nwant %s", i, mustJSON(t, got), mustJSON(t, row))
				}
			})
		}
	}
}

// Interactions from the HTTP ingest have no seed 003 session; their
// documents must still read back cleanly, with the facts seed 003 can
// carry.
func TestFromInteractionOfOtherSources(t *testing.T) {
	start := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	after := func(d time.Duration) *time.Time { x := start.Add(d); return &x }
	cases := []struct {
		name       string
		in         domain.Interaction
		wantType   string
		wantStatus domain.SessionStatus
	}{
		{
			name: "closed inbound voice with a transfer",
			in: domain.Interaction{
				ID: "v-1", Media: domain.MediaVoice, State: domain.StateClosed, Direction: "inbound", Updated: start.Add(time.Hour), Start: start,
				Assigned: after(time.Minute), Answered: after(time.Minute), Finished: after(20 * time.Minute),
				From: "+5511999990000", DID: "551130001000", To: "551130001000", Queue: "Suporte",
				Agent:   &domain.Agent{ID: "a-2", Name: "Bruno"},
				Contact: &domain.Contact{Name: "João", Phone: "+5511999990000"},
				Legs: []domain.Leg{
					{Seq: 1, AgentID: "a-1", AgentName: "Ana", Queue: "Suporte", Start: start.Add(time.Minute), End: after(5 * time.Minute), EndReason: "transferred"},
					{Seq: 2, AgentID: "a-2", AgentName: "Bruno", Queue: "Nível 2", Start: start.Add(5 * time.Minute), End: after(20 * time.Minute), EndReason: "completed"},
				},
			},
			wantType: "voice_inbound", wantStatus: domain.SessionFinished,
		},
		{
			name: "outbound voice that never connected",
			in: domain.Interaction{
				ID: "v-2", Media: domain.MediaVoice, State: domain.StateClosed, Direction: "outbound", Updated: start, Start: start,
				Finished: after(time.Minute), From: "551130001000", VoiceStatus: domain.VoiceNotConnected,
			},
			wantType: "voice_outbound", wantStatus: domain.SessionFailed,
		},
		{
			name:     "open WhatsApp conversation",
			in:       domain.Interaction{ID: "w-1", Media: domain.MediaWhatsApp, State: domain.StateActive, Updated: start, Start: start, Answered: after(time.Minute)},
			wantType: "messaging_whatsapp", wantStatus: domain.SessionConnected,
		},
		{
			name:     "queued chat",
			in:       domain.Interaction{ID: "c-1", Media: domain.MediaChat, State: domain.StateNew, Updated: start, Start: start, Queued: after(time.Second)},
			wantType: "messaging_mobile", wantStatus: domain.SessionQueued,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := MustReread(t, sessionmeta.FromInteraction(&c.in))
			if d.SessionType != c.wantType || d.Status == nil || domain.SessionStatus(*d.Status) != c.wantStatus {
				t.Fatalf("session_type %q status %v, want %q %d", d.SessionType, d.Status, c.wantType, c.wantStatus)
			}
			got := MustMap(t, d)
			if got.ID != c.in.ID || got.Media != c.in.Media || !got.Start.Equal(c.in.Start) || (got.State == domain.StateClosed) != (c.in.State == domain.StateClosed) {
				t.Errorf("identity: got %s", mustJSON(t, got))
			}
			if c.in.Direction != "" && got.Direction != c.in.Direction {
				t.Errorf("direction %q, want %q", got.Direction, c.in.Direction)
			}
			if !reflect.DeepEqual(got.Agent, c.in.Agent) || !reflect.DeepEqual(got.Contact, c.in.Contact) || got.Queue != c.in.Queue {
				t.Errorf("agent, contact, queue: got %s", mustJSON(t, got))
			}
			if !reflect.DeepEqual(got.Legs, c.in.Legs) {
				t.Errorf("legs:\n got %s\nwant %s", mustJSON(t, got.Legs), mustJSON(t, c.in.Legs))
			}
			if got.From != c.in.From || got.DID != c.in.DID {
				t.Errorf("from %q did %q, want %q %q", got.From, got.DID, c.in.From, c.in.DID)
			}
		})
	}
}

func TestFromInteractionLeavesOutWhatSeed003Lacks(t *testing.T) {
	in := domain.Interaction{ID: "e-1", Media: domain.MediaEmail, Start: time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)}
	if d := sessionmeta.FromInteraction(&in); d.SessionType != "" {
		t.Errorf("email session_type = %q, want none: seed 003 has no email session type", d.SessionType)
	}
}
