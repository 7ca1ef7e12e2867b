package exportfile

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Format is the kind of file an export writes.
type Format string

const (
	CSV   Format = "csv"
	XLSX  Format = "xlsx"
	JSONL Format = "jsonl" // seed 003's session metadata, one document per line
)

// Formats lists the formats in the order the API documents them.
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
