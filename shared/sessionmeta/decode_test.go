package sessionmeta_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

func TestDecodeAcceptsObjectArrayAndLines(t *testing.T) {
	lines := MustFixture(t, "batch.jsonl")
	tests := []struct {
		name    string
		input   []byte
		wantIDs []string
	}{
		{"one object", MustFixture(t, "minimal.json"), []string{"1001"}},
		{"array", MustFixture(t, "batch.json"), []string{"1", "2", "3"}},
		{"json lines", lines, []string{"1", "2", "3"}},
		{"json lines with CRLF and blank lines", bytes.ReplaceAll(lines, []byte("\n"), []byte("\r\n\r\n")), []string{"1", "2", "3"}},
		{"objects back to back", bytes.ReplaceAll(lines, []byte("\n"), nil), []string{"1", "2", "3"}},
		{"leading space and BOM", append([]byte("\xef\xbb\xbf \n\t"), MustFixture(t, "batch.json")...), []string{"1", "2", "3"}},
		{"one-element array", []byte("[" + string(MustFixture(t, "minimal.json")) + "]"), []string{"1001"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := sessionmeta.Decode(bytes.NewReader(tc.input))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			var ids []string
			for _, d := range docs {
				ids = append(ids, MustMap(t, d).ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.wantIDs) {
				t.Errorf("ids = %v, want %v", ids, tc.wantIDs)
			}
		})
	}
}

func TestDecodeRefusesBadFiles(t *testing.T) {
	doc := string(MustFixture(t, "minimal.json"))
	compact := strings.Join(strings.Fields(doc), "")
	tests := []struct {
		name     string
		input    string
		code     domain.Code
		contains string
	}{
		{"empty", "", domain.CodeBadRequest, "empty"},
		{"only spaces", " \n\t ", domain.CodeBadRequest, "empty"},
		{"not json", "session_id=1", domain.CodeBadRequest, "JSON object"},
		{"scalar", "42", domain.CodeBadRequest, "JSON object"},
		{"empty array", "[]", domain.CodeBadRequest, "empty array"},
		{"array of numbers", "[1, 2]", domain.CodeBadRequest, "document [0]: must be a JSON object"},
		{"array with a nested array", "[" + compact + ", [" + compact + "]]", domain.CodeBadRequest, "document [1]: must be a JSON object"},
		{"line that is not an object", compact + "\n7\n", domain.CodeBadRequest, "document [1]"},
		{"line that is an array", compact + "\n[" + compact + "]\n", domain.CodeBadRequest, "document [1]"},
		{"stray bracket after lines", compact + "\n]", domain.CodeBadRequest, "document [1]"},
		{"syntax error in a line", compact + "\n{\"session_id\": 2,,}\n", domain.CodeBadRequest, "document [1]: invalid JSON at byte"},
		{"truncated array", "[" + compact + ", {\"session_id\": 2", domain.CodeBadRequest, "document [1]: invalid JSON"},
		{"data after the array", "[" + compact + "] " + compact, domain.CodeBadRequest, "after the closing ]"},
		{"unterminated object", "{\"session_id\": 1", domain.CodeBadRequest, "invalid JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := sessionmeta.Decode(strings.NewReader(tc.input))
			if err == nil {
				t.Fatalf("Decode accepted %q: %d documents", clipped(tc.input), len(docs))
			}
			if got := domain.ErrorCode(err); got != tc.code {
				t.Errorf("code = %q, want %q (%v)", got, tc.code, err)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %q does not mention %q", err, tc.contains)
			}
		})
	}
}

func TestDecodeBounds(t *testing.T) {
	line := strings.Join(strings.Fields(string(MustFixture(t, "minimal.json"))), "")
	many := func(n int, sep, open, end string) string {
		return open + strings.TrimSuffix(strings.Repeat(line+sep, n), sep) + end
	}
	tests := []struct {
		name  string
		input string
		ok    bool
	}{
		{"500 lines", many(sessionmeta.MaxDocuments, "\n", "", ""), true},
		{"501 lines", many(sessionmeta.MaxDocuments+1, "\n", "", ""), false},
		{"500 in an array", many(sessionmeta.MaxDocuments, ",", "[", "]"), true},
		{"501 in an array", many(sessionmeta.MaxDocuments+1, ",", "[", "]"), false},
		{"exactly the byte limit", padTo(line, sessionmeta.MaxFileBytes), true},
		{"one byte over the limit", padTo(line, sessionmeta.MaxFileBytes+1), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := sessionmeta.Decode(strings.NewReader(tc.input))
			if tc.ok {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if len(docs) == 0 {
					t.Fatal("no documents")
				}
				return
			}
			if domain.ErrorCode(err) != domain.CodeTooLarge {
				t.Fatalf("want a too_large error, got %v", err)
			}
			if !containsAll(err.Error(), "than") {
				t.Errorf("error %q should state the limit", err)
			}
		})
	}
}

// padTo pads a document with a key the platform does not define up to n
// bytes, so the limit is hit by size alone.
func padTo(doc string, n int) string {
	head := strings.TrimSuffix(doc, "}") + `,"padding":"`
	tail := `"}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

func TestDecodeReportsReadFailure(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := sessionmeta.Decode(io.MultiReader(strings.NewReader("[{"), errReader{boom}))
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want it to wrap the read error", err)
	}
	if domain.ErrorCode(err) != domain.CodeInternal {
		t.Errorf("a failed read is not the sender's fault; code = %q", domain.ErrorCode(err))
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestDecodeKeepsGoingPastWrongTypes(t *testing.T) {
	input := `{"session_id": 1, "session_type": "voice_inbound", "status": 1, "created_at": "2023-09-11T09:42:01Z", "updated_at": "2023-09-11T09:42:05Z", "csat_rating": "four"}
{"session_id": 2, "session_type": "voice_inbound", "status": 1, "created_at": "2023-09-11T09:42:01Z", "updated_at": "2023-09-11T09:42:05Z"}`
	docs, err := sessionmeta.Decode(strings.NewReader(input))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if _, problems := docs[0].Interaction(now); fmt.Sprint(fields(problems)) != "[csat_rating]" {
		t.Errorf("first document: problems %v, want one on csat_rating", problems)
	}
	MustMap(t, docs[1])
}

func clipped(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
