package sessionmeta_test

import (
	"bytes"
	"embed"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

//go:embed testdata
var testdata embed.FS

// now is after every fixture's instants, so none counts as future.
var now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func MustFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := testdata.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return b
}

// MustDocument decodes a file that must hold exactly one document.
func MustDocument(tb testing.TB, b []byte) sessionmeta.Document {
	tb.Helper()
	docs, err := sessionmeta.Decode(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("Decode: %v", err)
	}
	if len(docs) != 1 {
		tb.Fatalf("Decode: got %d documents, want 1", len(docs))
	}
	return docs[0]
}

// MustMap maps a document that must have no problems.
func MustMap(tb testing.TB, d sessionmeta.Document) domain.Interaction {
	tb.Helper()
	in, problems := d.Interaction(now)
	if len(problems) > 0 {
		tb.Fatalf("Interaction: unexpected problems: %v", problems)
	}
	return in
}

// MustPatch returns the fixture with top-level keys replaced by raw JSON
// values; a nil value deletes the key.
func MustPatch(tb testing.TB, fixture string, patch map[string]any) []byte {
	tb.Helper()
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(MustFixture(tb, fixture), &obj); err != nil {
		tb.Fatalf("patch %s: %v", fixture, err)
	}
	for k, v := range patch {
		if v == nil {
			delete(obj, k)
			continue
		}
		raw, ok := v.(string)
		if !ok || !json.Valid([]byte(raw)) {
			tb.Fatalf("patch %s: value of %s must be a string of valid JSON, got %#v", fixture, k, v)
		}
		obj[k] = json.RawMessage(raw)
	}
	b, err := json.Marshal(obj)
	if err != nil {
		tb.Fatalf("patch %s: %v", fixture, err)
	}
	return b
}

func fields(problems []domain.FieldError) []string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Field)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func reasonFor(problems []domain.FieldError, field string) (string, bool) {
	for _, p := range problems {
		if p.Field == field {
			return p.Reason, true
		}
	}
	return "", false
}

func instant(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t.UTC()
}

func instantPtr(tb testing.TB, s string) *time.Time {
	tb.Helper()
	t := instant(tb, s)
	return &t
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
