package exportfile

import (
	"time"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Format is the kind of file an export writes.
type Format string

const (
	CSV   Format = "csv"
	XLSX  Format = "xlsx"
	JSONL Format = "jsonl" // seed 003's session metadata, one document per line
)

// Formats lists the formats, in the order error messages name them.
var Formats = []Format{CSV, XLSX, JSONL}

// Spec is everything about a file that is not its rows: the caller's
// choices and the zone its dates and times are shown in. Open refuses a
// Spec that Validate refuses.
type Spec struct {
	Format    Format
	Media     domain.Media   // the tracking report's media: which columns the file has
	Loc       *time.Location // dates and times are written in this zone
	Delimiter rune           // CSV only: ',' or ';'
	BOM       bool           // CSV only: start with a UTF-8 byte-order mark (Excel on Windows)
	Lang      string         // header language: "en" or "pt-BR"
	Gzip      bool           // CSV and JSONL: the file is gzip-compressed
}

// For is the file an export job asks for: its format and options, the
// report's media, in the report's zone. The API checks a request with it
// and the exporter builds its file from it, so both hold a job to the same
// rules (Validate).
func For(format string, o domain.ExportOptions, req *tracking.Request) Spec {
	s := Spec{
		Format: Format(format), Media: req.Media, Loc: req.Range.Loc,
		BOM: o.BOM, Lang: o.Language, Gzip: o.Gzip,
	}
	// A delimiter is one character; anything else is left to Validate
	// (as the zero rune) to refuse in a CSV and to ignore elsewhere.
	if r, n := utf8.DecodeRuneInString(o.Delimiter); n == len(o.Delimiter) && r != utf8.RuneError {
		s.Delimiter = r
	}
	return s
}
