package exportfile_test

import (
	"bufio"
	"bytes"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

func TestJSONL(t *testing.T) {
	ins := []domain.Interaction{sample(domain.MediaVoice), sample(domain.MediaWhatsApp), sample(domain.MediaChat), sample(domain.MediaSMS)}
	for i := range ins {
		ins[i].ID = string(ins[i].Media) + "-1"
		ins[i].InternalComments = "<b>&</b>\nlinha 2" // must not break the one-document-per-line rule
	}
	for _, gz := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "gzip"}[gz], func(t *testing.T) {
			s := spec(exportfile.JSONL, domain.MediaVoice)
			s.Gzip = gz
			raw := MustWrite(t, s, ins...)
			if gz {
				raw = MustGunzip(t, raw)
			}
			sc := bufio.NewScanner(bytes.NewReader(raw))
			sc.Buffer(nil, 1<<20)
			n := 0
			for sc.Scan() {
				docs, err := sessionmeta.Decode(bytes.NewReader(sc.Bytes()))
				if err != nil || len(docs) != 1 {
					t.Fatalf("line %d: %d documents, %v\n%s", n+1, len(docs), err, sc.Bytes())
				}
				got, problems := docs[0].Interaction(time.Now())
				if len(problems) > 0 {
					t.Errorf("line %d: %v", n+1, problems)
				}
				want := ins[n]
				if got.ID != want.ID || got.Media != want.Media || !got.Start.Equal(want.Start) || got.Agent.ID != want.Agent.ID || got.Queue != want.Queue || len(got.Legs) != len(want.Legs) {
					t.Errorf("line %d reads back as %+v", n+1, got)
				}
				n++
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if n != len(ins) {
				t.Errorf("%d lines, want %d", n, len(ins))
			}
			if docs, err := sessionmeta.Decode(bytes.NewReader(raw)); err != nil || len(docs) != len(ins) {
				t.Errorf("the file decodes as %d documents (%v), want %d", len(docs), err, len(ins))
			}
		})
	}
}
