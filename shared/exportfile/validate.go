package exportfile

import (
	"slices"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Validate reports every way s can't describe a file, each by its field.
// Options that belong to another format (a delimiter or a BOM on an XLSX
// file) are ignored rather than refused, except gzip on XLSX, which would
// make a file no spreadsheet opens. Lang and Loc are checked for every
// format so that a caller's mistake shows on the first file it asks for,
// not on the first CSV.
func (s Spec) Validate() error {
	p := &domain.Problems{}
	tabular := s.Format == CSV || s.Format == XLSX
	if !slices.Contains(Formats, s.Format) {
		names := make([]string, len(Formats))
		for i, f := range Formats {
			names[i] = string(f)
		}
		p.Addf("format", "must be one of %s (got %q)", strings.Join(names, ", "), domain.Clip(string(s.Format)))
	}
	if s.Format == CSV && s.Delimiter != ',' && s.Delimiter != ';' {
		got := ""
		if s.Delimiter != 0 {
			got = string(s.Delimiter)
		}
		p.Addf("delimiter", `must be "," or ";" (got %q)`, got)
	}
	// Headers come in the languages Rastro speaks.
	if !slices.Contains(domain.Locales, s.Lang) {
		p.Addf("lang", "must be one of %s (got %q)", strings.Join(domain.Locales, ", "), domain.Clip(s.Lang))
	}
	if s.Loc == nil {
		p.Add("loc", "is required: the zone dates and times are written in")
	}
	if s.Format == XLSX && s.Gzip {
		p.Add("gzip", "applies to csv and jsonl only: an xlsx file is already a zip archive")
	}
	if tabular && !s.Media.Valid() {
		p.Addf("media", "must be one of the tracking report's media (got %q)", domain.Clip(string(s.Media)))
	}
	return p.Err()
}

// Extension is the file name's suffix for s, dot included.
func Extension(s Spec) string {
	ext := "." + string(s.Format)
	if s.Gzip && s.Format != XLSX {
		ext += ".gz"
	}
	return ext
}

// ContentType is the media type to store the file under. A gzipped file is
// application/gzip, not its inner type with Content-Encoding: gzip,
// because browsers undo a Content-Encoding while downloading and would
// save plain text under a .gz name.
func ContentType(s Spec) string {
	switch {
	case s.Gzip && s.Format != XLSX:
		return "application/gzip"
	case s.Format == CSV:
		return "text/csv; charset=utf-8"
	case s.Format == XLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case s.Format == JSONL:
		return "application/jsonl" // jsonlines.org's type; none is registered
	}
	return "application/octet-stream"
}
