package demodata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

const examplesDir = "../../docs/examples"

// decodeStrict decodes one ingest request body the way a typo should be
// caught: unknown fields and trailing data fail.
func decodeStrict(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if dec.More() {
		tb.Fatalf("%s: data after the request body", path)
	}
}

// TestExamplesAreValid decodes every example request body in docs/examples
// (except the session-metadata document, which has its own shape and
// owner) and validates every record as ingestion does.
func TestExamplesAreValid(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples in %s (%v)", examplesDir, err)
	}
	now := time.Now()
	interactionIDs := map[string]bool{}
	mediaSeen := map[domain.Media]bool{}
	var botLinks []string
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			switch {
			case name == "session-metadata.json":
				t.Skip("seed 003 session metadata: not a domain record")
			case strings.HasPrefix(name, "interactions-"):
				var body struct {
					Interactions []domain.Interaction `json:"interactions"`
				}
				decodeStrict(t, path, &body)
				want := domain.Media(strings.TrimSuffix(strings.TrimPrefix(name, "interactions-"), ".json"))
				if !want.Valid() {
					t.Fatalf("%s names no media", name)
				}
				if len(body.Interactions) == 0 {
					t.Fatal("no interactions")
				}
				for i, in := range body.Interactions {
					in.Normalize()
					if err := in.Validate(now); err != nil {
						t.Errorf("[%d] %s: %v", i, in.ID, err)
					}
					if in.Media != want {
						t.Errorf("[%d] %s: media %s in %s", i, in.ID, in.Media, name)
					}
					if interactionIDs[in.ID] {
						t.Errorf("[%d] id %s used by another example", i, in.ID)
					}
					interactionIDs[in.ID] = true
					mediaSeen[in.Media] = true
				}
			case name == "agent-events.json":
				var body struct {
					Events []domain.AgentEvent `json:"events"`
				}
				decodeStrict(t, path, &body)
				types := map[string]bool{}
				for i, e := range body.Events {
					e.Normalize()
					if err := e.Validate(now); err != nil {
						t.Errorf("[%d]: %v", i, err)
					}
					types[e.Type] = true
				}
				for _, typ := range domain.AgentEventTypes {
					if !types[typ] {
						t.Errorf("no %s event", typ)
					}
				}
			case name == "bot-sessions.json":
				var body struct {
					Sessions []domain.BotSession `json:"sessions"`
				}
				decodeStrict(t, path, &body)
				if len(body.Sessions) == 0 {
					t.Fatal("no sessions")
				}
				for i, s := range body.Sessions {
					s.Normalize()
					if err := s.Validate(now); err != nil {
						t.Errorf("[%d] %s: %v", i, s.ID, err)
					}
					if s.InteractionID != "" {
						botLinks = append(botLinks, s.InteractionID)
					}
				}
			default:
				t.Fatalf("%s: unknown example; teach this test its request shape", name)
			}
		})
	}
	for _, m := range domain.AllMedia {
		if !mediaSeen[m] {
			t.Errorf("no example for media %s (docs/examples/interactions-%s.json)", m, m)
		}
	}
	for _, id := range botLinks {
		if !interactionIDs[id] {
			t.Errorf("a bot session example points at interaction %s, which no example defines", id)
		}
	}
}
