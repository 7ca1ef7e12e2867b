package exportfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// bom is UTF-8's byte-order mark: Excel on Windows reads a CSV without it
// in the system's ANSI code page, and São Paulo becomes SÃ£o Paulo.
const bom = "\ufeff"

// csvRows writes RFC 4180 CSV: CRLF line ends, fields quoted only when
// they must be.
type csvRows struct {
	w *csv.Writer
	// decimalComma writes measures with a decimal comma: a file with ';'
	// is for a spreadsheet whose list separator is ';' because its decimal
	// mark is ',' (Brazil's Excel), which reads 12.5 as 125 or as text.
	decimalComma bool
	cols         []tracking.Column
	loc          *time.Location
	vals         []any
	rec          []string
}

func newCSV(out io.Writer, s Spec) (*csvRows, error) {
	if s.BOM {
		if _, err := io.WriteString(out, bom); err != nil {
			return nil, err
		}
	}
	w := csv.NewWriter(out)
	w.Comma, w.UseCRLF = s.Delimiter, true
	cols := tracking.Columns(s.Media)
	r := &csvRows{w: w, cols: cols, loc: s.Loc, decimalComma: s.Delimiter == ';'}
	head := header(cols, s.Lang)
	r.rec = make([]string, 0, len(head))
	if err := w.Write(head); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *csvRows) add(in *domain.Interaction) error {
	r.vals = tracking.Values(r.vals[:0], r.cols, in, r.loc)
	rec := r.rec[:0]
	for i, c := range r.cols {
		rec = append(rec, csvCell(c.Kind, r.vals[i], r.decimalComma))
	}
	for i := range pathLegs {
		agent, service := leg(in.Legs, i)
		rec = append(rec, csvText(agent), csvText(service))
	}
	r.rec = rec
	return r.w.Write(rec)
}

func (r *csvRows) finish() error {
	r.w.Flush()
	return r.w.Error()
}

func (r *csvRows) release() error { return nil }

// csvCell writes one report value the way the JSON row shows it, in text:
// the row's own date and time strings, durations as H:MM:SS, lists joined
// with ", ", measures with the file's decimal mark. Dates and times are Rastro's own text and are not
// neutralized; every other string is.
func csvCell(k tracking.Kind, v any, decimalComma bool) string {
	switch v := v.(type) {
	case string:
		if k.IsInstant() {
			return v
		}
		return csvText(v)
	case []string:
		return csvText(strings.Join(v, ", "))
	case domain.Duration:
		return clock(v)
	case *float64:
		if decimalComma {
			return strings.Replace(number(v), ".", ",", 1)
		}
		return number(v)
	}
	return csvText(fmt.Sprint(v))
}

func csvText(s string) string { return lineBreaks(neutralize(s)) }
