package exportfile

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Sheet limits. maxSheetRows is Excel's, header included. maxSheetBytes
// keeps each sheet's XML under 4 GiB: a larger part needs ZIP64, and Excel
// calls a workbook corrupt when a ZIP64 entry's local header says version
// 2.0, as archive/zip writes it for an entry streamed without knowing its
// size. The margin leaves room for the sheet's closing tags. Both are
// variables so tests can roll sheets over early.
var (
	maxSheetRows  = 1_048_576
	maxSheetBytes = int64(4<<30 - 64<<20)
)

var sheetNames = map[string]string{"en": "Interactions", "pt-BR": "Interações"}

// xlsxRows writes a workbook as a ZIP straight to out: each sheet's XML
// goes into its ZIP entry, compressed, as its rows come, and the parts that
// list the sheets are written at the end, when their number is known (see
// xlsxml.go). It holds one row's XML, so memory stays flat whatever the
// number of rows, and it needs no disk.
//
// Cells are typed: dates, times and durations are numbers with a date or
// time format, measures are numbers, the rest inline strings. A string
// cell is never evaluated, so text is written as it is, without the CSV's
// leading-quote neutralization: in XLSX the quote would be shown as part
// of the value and protect nothing.
type xlsxRows struct {
	zip    *zip.Writer
	sheet  io.Writer // the current sheet's ZIP entry
	cols   []tracking.Column
	loc    *time.Location
	head   []string
	refs   []string  // column letters, by column
	widths []float64 // by column
	name   string    // the first sheet's; the next are "<name> 2", …
	sheets []string  // names of the sheets started
	styles cellStyles
	// cell formats: one for durations, one by instant column (styleDefault
	// for columns that are not instants).
	duration int
	instant  []int
	row      int   // rows written to the current sheet, header included
	bytes    int64 // the current sheet's XML written so far
	vals     []any
	buf      []byte // the row being written
}

func newXLSX(out io.Writer, s Spec) (*xlsxRows, error) {
	cols := tracking.Columns(s.Media)
	r := &xlsxRows{zip: zip.NewWriter(out), cols: cols, loc: s.Loc, head: header(cols, s.Lang), name: sheetNames[s.Lang]}
	r.duration = r.styles.numFmt(durationFormat)
	r.instant = make([]int, len(cols))
	for i, c := range cols {
		if c.Kind.IsInstant() {
			r.instant[i] = r.styles.numFmt(excelFormat(c.Layout))
		}
	}
	for i, h := range r.head {
		r.refs = append(r.refs, columnName(i))
		r.widths = append(r.widths, r.width(i, h))
	}
	if err := r.startSheet(); err != nil {
		return nil, err
	}
	return r, nil
}

// width is wide enough for the column's header and for dates, which Excel
// otherwise shows as ####.
func (r *xlsxRows) width(col int, head string) float64 {
	w := 14
	if col < len(r.cols) {
		switch r.cols[col].Kind {
		case tracking.KindDateTime:
			w = 20
		case tracking.KindDate:
			w = 12
		case tracking.KindTime, tracking.KindDuration:
			w = 10
		}
	}
	return float64(max(w, utf8.RuneCountInString(head)+2))
}

// startSheet ends the current sheet, if any, and starts the next with the
// header row: "Interactions", "Interactions 2", …
func (r *xlsxRows) startSheet() error {
	if r.sheet != nil {
		if err := r.write([]byte(sheetEndXML)); err != nil {
			return err
		}
	}
	name := r.name
	if n := len(r.sheets); n > 0 {
		name = fmt.Sprintf("%s %d", r.name, n+1)
	}
	r.sheets = append(r.sheets, name)
	// Creating an entry ends the previous one.
	w, err := r.zip.Create(sheetPart(len(r.sheets)))
	if err != nil {
		return err
	}
	r.sheet, r.row, r.bytes = w, 0, 0
	if err := r.write(sheetStartXML(r.widths, len(r.sheets) == 1)); err != nil {
		return err
	}
	b := appendRowStart(r.buf[:0], 1)
	for i, h := range r.head {
		b = appendString(b, r.refs[i], 1, styleHeader, h)
	}
	r.buf = appendRowEnd(b)
	return r.writeRow()
}

func (r *xlsxRows) add(in *domain.Interaction) error {
	r.vals = tracking.Values(r.vals[:0], r.cols, in, r.loc)
	r.buf = r.appendRow(r.buf[:0], r.row+1, in)
	// A sheet holding only its header takes the row whatever its size:
	// the next sheet could not hold it either.
	if r.row > 1 && (r.row >= maxSheetRows || r.bytes+int64(len(r.buf)) > maxSheetBytes) {
		if err := r.startSheet(); err != nil {
			return err
		}
		r.buf = r.appendRow(r.buf[:0], r.row+1, in)
	}
	return r.writeRow()
}

// appendRow writes in's cells as row n; r.vals holds its values.
func (r *xlsxRows) appendRow(b []byte, n int, in *domain.Interaction) []byte {
	b = appendRowStart(b, n)
	for i, c := range r.cols {
		b = r.appendCell(b, n, i, c, in)
	}
	for i := range pathLegs {
		agent, service := leg(in.Legs, i)
		col := len(r.cols) + 2*i
		b = appendString(b, r.refs[col], n, styleDefault, agent)
		b = appendString(b, r.refs[col+1], n, styleDefault, service)
	}
	return appendRowEnd(b)
}

// appendCell writes column i's typed value; an absent value leaves the
// cell out, which is what it is in a sheet.
func (r *xlsxRows) appendCell(b []byte, n, i int, c tracking.Column, in *domain.Interaction) []byte {
	ref := r.refs[i]
	if c.Kind.IsInstant() {
		t := c.Instant(in)
		if t == nil {
			return b
		}
		return appendNumber(b, ref, n, r.instant[i], excelInstant(c.Kind, t.In(r.loc)))
	}
	switch v := r.vals[i].(type) {
	case string:
		return appendString(b, ref, n, styleDefault, v)
	case []string:
		return appendString(b, ref, n, styleDefault, strings.Join(v, ", "))
	case domain.Duration:
		return appendNumber(b, ref, n, r.duration, excelDuration(v))
	case *float64:
		if v == nil {
			return b
		}
		return appendNumber(b, ref, n, styleDefault, *v)
	}
	return appendString(b, ref, n, styleDefault, fmt.Sprint(r.vals[i]))
}

func (r *xlsxRows) writeRow() error {
	if err := r.write(r.buf); err != nil {
		return err
	}
	r.row++
	return nil
}

func (r *xlsxRows) write(b []byte) error {
	n, err := r.sheet.Write(b)
	r.bytes += int64(n)
	return err
}

// finish ends the last sheet and writes the parts that list the sheets.
// [Content_Types].xml comes last, which is allowed: readers find parts
// through the ZIP's central directory, not by their order.
func (r *xlsxRows) finish() error {
	if err := r.write([]byte(sheetEndXML)); err != nil {
		return err
	}
	parts := []struct {
		name string
		xml  []byte
	}{
		{partWorkbook, workbookXML(r.sheets)},
		{partWorkbookRels, workbookRelsXML(len(r.sheets))},
		{partStyles, r.styles.xml()},
		{partRootRels, []byte(rootRelsXML)},
		{partContentTypes, contentTypesXML(len(r.sheets))},
	}
	for _, p := range parts {
		w, err := r.zip.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.xml); err != nil {
			return err
		}
	}
	// Writes the central directory; out stays open.
	return r.zip.Close()
}

// release has nothing to free: the workbook lives in out and in memory.
func (r *xlsxRows) release() error { return nil }
