package sessionmeta_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

// FuzzSessionMetadata feeds the seed 003 mapper any document: decoding
// and mapping never panic, and a document mapped without problems is an
// interaction that passes the ingest validation as it stands.
func FuzzSessionMetadata(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`[{"ContactId": "x"}]`))
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := sessionmeta.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, d := range docs {
			in, problems := d.Interaction(now)
			if len(problems) > 0 {
				continue
			}
			in.Normalize()
			if p := in.Problems(now); len(p) > 0 {
				t.Fatalf("mapped without problems, but the interaction has %v", p)
			}
		}
	})
}
