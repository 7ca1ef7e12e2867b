package exportfile_test

import (
	"testing"

	"github.com/rastro-cc/rastro/shared/exportfile"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		report, media, from, to, ext string
		want                         string
	}{
		{"interactions", "whatsapp", "2026-10-01", "2026-10-31", "csv.gz", "interactions_whatsapp_2026-10-01_2026-10-31.csv.gz"},
		{"interactions", "voice", "2026-10-01", "2026-10-01", ".xlsx", "interactions_voice_2026-10-01_2026-10-01.xlsx"},
		{"interactions", "chat", "2026-10-01", "2026-10-02", "jsonl", "interactions_chat_2026-10-01_2026-10-02.jsonl"},
		{"in/../ter\"actions", "a b", "x;y", "", `csv"`, "in-ter-actions_a-b_x-y.csv"},
		{"", "", "", "", "", "export"},
	}
	for _, tc := range tests {
		if got := exportfile.FileName(tc.report, tc.media, tc.from, tc.to, tc.ext); got != tc.want {
			t.Errorf("FileName(%q, %q, %q, %q, %q) = %q, want %q", tc.report, tc.media, tc.from, tc.to, tc.ext, got, tc.want)
		}
	}
	if got := exportfile.ObjectKey("acme", "01KA0B7Z3Q8N4M2R5T6V7W8X9Y", 2, "f.csv"); got != "acme/exports/01KA0B7Z3Q8N4M2R5T6V7W8X9Y/2/f.csv" {
		t.Errorf("ObjectKey = %q", got)
	}
}
