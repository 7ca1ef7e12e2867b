package exportfile_test

import (
	"errors"
	"io"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
)

func TestOpenRefusesBadSpecs(t *testing.T) {
	good := spec(exportfile.CSV, domain.MediaVoice)
	cases := []struct {
		name  string
		edit  func(*exportfile.Spec)
		field string
	}{
		{"unknown format", func(s *exportfile.Spec) { s.Format = "pdf" }, "format"},
		{"tab delimiter", func(s *exportfile.Spec) { s.Delimiter = '\t' }, "delimiter"},
		{"no delimiter", func(s *exportfile.Spec) { s.Delimiter = 0 }, "delimiter"},
		{"unknown language", func(s *exportfile.Spec) { s.Lang = "fr" }, "lang"},
		{"no language", func(s *exportfile.Spec) { s.Lang = "" }, "lang"},
		{"no zone", func(s *exportfile.Spec) { s.Loc = nil }, "loc"},
		{"unknown media", func(s *exportfile.Spec) { s.Media = "fax" }, "media"},
		{"xlsx without media", func(s *exportfile.Spec) { s.Format, s.Media = exportfile.XLSX, "" }, "media"},
		{"gzipped xlsx", func(s *exportfile.Spec) { s.Format, s.Gzip = exportfile.XLSX, true }, "gzip"},
		{"jsonl without zone", func(s *exportfile.Spec) { s.Format, s.Loc = exportfile.JSONL, nil }, "loc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			c.edit(&s)
			f, err := exportfile.Open(io.Discard, s)
			var de *domain.Error
			if !errors.As(err, &de) || de.Field != c.field || de.Code != domain.CodeInvalid {
				t.Fatalf("Open = %v, %v; want an invalid error on %s", f, err, c.field)
			}
		})
	}
	for _, s := range []exportfile.Spec{
		{Format: exportfile.XLSX, Media: domain.MediaChat, Loc: saoPaulo, Lang: "pt-BR"},                          // no delimiter: CSV only
		{Format: exportfile.JSONL, Loc: saoPaulo, Lang: "en", Gzip: true},                                         // no media: documents carry their own
		{Format: exportfile.CSV, Media: domain.MediaReclameAqui, Loc: saoPaulo, Lang: "en", Delimiter: ';'},       // every media has a report
		{Format: exportfile.XLSX, Media: domain.MediaVoice, Loc: saoPaulo, Lang: "en", Delimiter: 'x', BOM: true}, // CSV options ignored
	} {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
}

func TestNames(t *testing.T) {
	cases := []struct {
		format     exportfile.Format
		gzip       bool
		ext, ctype string
	}{
		{exportfile.CSV, false, ".csv", "text/csv; charset=utf-8"},
		{exportfile.CSV, true, ".csv.gz", "application/gzip"},
		{exportfile.XLSX, false, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{exportfile.JSONL, false, ".jsonl", "application/jsonl"},
		{exportfile.JSONL, true, ".jsonl.gz", "application/gzip"},
	}
	for _, c := range cases {
		t.Run(exportfile.Extension(exportfile.Spec{Format: c.format, Gzip: c.gzip}), func(t *testing.T) {
			s := exportfile.Spec{Format: c.format, Gzip: c.gzip}
			if got := exportfile.Extension(s); got != c.ext {
				t.Errorf("Extension = %q, want %q", got, c.ext)
			}
			if got := exportfile.ContentType(s); got != c.ctype {
				t.Errorf("ContentType = %q, want %q", got, c.ctype)
			}
		})
	}
}

// failingWriter accepts limit bytes, then fails.
type failingWriter struct{ limit int }

var errDisk = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, errDisk
	}
	w.limit -= len(p)
	return len(p), nil
}

// A write failure surfaces from Add or Close, sticks, and Close still frees
// the file; nothing works after Close.
func TestFileErrors(t *testing.T) {
	for _, f := range exportfile.Formats {
		t.Run(string(f), func(t *testing.T) {
			file, err := exportfile.Open(&failingWriter{limit: 100}, spec(f, domain.MediaVoice))
			if err != nil {
				t.Fatal(err)
			}
			in := sample(domain.MediaVoice)
			var failed error
			for range 2000 {
				if failed = file.Add(&in); failed != nil {
					break
				}
			}
			if failed != nil && !errors.Is(failed, errDisk) {
				t.Errorf("Add = %v, want %v", failed, errDisk)
			}
			if failed != nil {
				if err := file.Add(&in); !errors.Is(err, errDisk) {
					t.Errorf("Add after a failure = %v, want the failure again", err)
				}
			}
			if err := file.Close(); !errors.Is(err, errDisk) {
				t.Errorf("Close = %v, want %v", err, errDisk)
			}
			if err := file.Add(&in); err == nil {
				t.Error("Add after Close succeeded")
			}
			if err := file.Close(); err == nil {
				t.Error("second Close succeeded")
			}
		})
	}
}
