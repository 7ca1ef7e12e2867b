package exportfile

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
	"github.com/xuri/excelize/v2"
)

// Sheet limits. maxSheetRows is Excel's, header included. maxSheetBytes
// keeps each sheet's XML under 4 GiB: a larger part needs ZIP64, and Excel
// calls a workbook corrupt when a ZIP64 entry's local header says version
// 2.0, as archive/zip writes it. excelize patches those headers only in a
// workbook it holds whole in memory, which this writer never does. Both
// are variables so tests can roll sheets over early.
var (
	maxSheetRows  = 1_048_576
	maxSheetBytes = int64(4<<30 - 64<<20)
)

var sheetNames = map[string]string{"en": "Interactions", "pt-BR": "Interações"}

// xlsxRows writes a workbook through excelize's StreamWriter, which keeps
// a sheet's XML in memory only up to excelize.StreamChunkSize (16 MiB) and
// then in a temporary file (os.TempDir, /tmp in Lambda: size the
// function's ephemeral storage for the sheets' XML). File.Close zips the
// sheets straight into the output, so memory stays bounded whatever
// the number of rows; disk does not.
//
// Cells are typed: dates, times and durations are numbers with a date or
// time format, measures are numbers, the rest inline strings. A string
// cell is never evaluated, so text is written as it is, without the CSV's
// leading-quote neutralization: in XLSX the quote would be shown as part
// of the value and protect nothing.
type xlsxRows struct {
	book   *excelize.File
	sw     *excelize.StreamWriter
	cols   []tracking.Column
	loc    *time.Location
	head   []string
	sheet  string
	styles struct {
		header   int
		duration int
		instant  []int // by column; 0 for columns that are not instants
	}
	sheets   int   // sheets started
	row      int   // rows written to the current sheet, header included
	bytes    int64 // estimate of the current sheet's XML
	vals     []any
	cells    []any
	released bool
}

func newXLSX(out io.Writer, s Spec) (_ *xlsxRows, err error) {
	book := excelize.NewFile()
	// Write the ZIP straight to out; excelize's default builds it in a
	// bytes.Buffer first.
	book.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(out) })
	cols := tracking.Columns(s.Media)
	r := &xlsxRows{book: book, cols: cols, loc: s.Loc, head: header(cols, s.Lang), sheet: sheetNames[s.Lang]}
	defer func() {
		if err != nil {
			_ = r.release()
		}
	}()
	if err = r.makeStyles(); err != nil {
		return nil, err
	}
	if err = r.startSheet(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *xlsxRows) makeStyles() error {
	var err error
	if r.styles.header, err = r.book.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if r.styles.duration, err = r.numberFormat(durationFormat); err != nil {
		return err
	}
	r.styles.instant = make([]int, len(r.cols))
	for i, c := range r.cols {
		if c.Kind.IsInstant() {
			if r.styles.instant[i], err = r.numberFormat(excelFormat(c.Layout)); err != nil {
				return err
			}
		}
	}
	return nil
}

// numberFormat relies on excelize handing out one style id per distinct
// style, so columns that share a format share a style.
func (r *xlsxRows) numberFormat(format string) (int, error) {
	return r.book.NewStyle(&excelize.Style{CustomNumFmt: &format})
}

// startSheet ends the current sheet, if any, and starts the next with the
// header row: "Interactions", "Interactions 2", …
func (r *xlsxRows) startSheet() error {
	if r.sw != nil {
		if err := r.sw.Flush(); err != nil {
			return err
		}
	}
	r.sheets++
	name := r.sheet
	if r.sheets == 1 {
		if err := r.book.SetSheetName(r.book.GetSheetName(0), name); err != nil {
			return err
		}
	} else {
		name = fmt.Sprintf("%s %d", r.sheet, r.sheets)
		if _, err := r.book.NewSheet(name); err != nil {
			return err
		}
	}
	sw, err := r.book.NewStreamWriter(name)
	if err != nil {
		return err
	}
	r.sw = sw
	// The header stays on screen while scrolling, and columns are wide
	// enough for their header and for dates, which Excel otherwise shows
	// as ####.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, h := range r.head {
		if err := sw.SetColWidth(i+1, i+1, r.width(i, h)); err != nil {
			return err
		}
	}
	cells := make([]any, len(r.head))
	for i, h := range r.head {
		cells[i] = excelize.Cell{StyleID: r.styles.header, Value: h}
	}
	r.row, r.bytes = 0, 0
	return r.setRow(cells, rowBytes(cells))
}

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

func (r *xlsxRows) add(in *domain.Interaction) error {
	r.vals = tracking.Values(r.vals[:0], r.cols, in, r.loc)
	cells := r.cells[:0]
	for i, c := range r.cols {
		cells = append(cells, r.cell(i, c, in))
	}
	for i := range pathLegs {
		agent, service := leg(in.Legs, i)
		cells = append(cells, text(agent), text(service))
	}
	r.cells = cells
	size := rowBytes(cells)
	// A sheet holding only its header takes the row whatever its size:
	// the next sheet could not hold it either.
	if r.row > 1 && (r.row >= maxSheetRows || r.bytes+size > maxSheetBytes) {
		if err := r.startSheet(); err != nil {
			return err
		}
	}
	return r.setRow(cells, size)
}

// cell is column i's typed value; nil leaves the cell out, which is what
// an absent value is in a sheet.
func (r *xlsxRows) cell(i int, c tracking.Column, in *domain.Interaction) any {
	if c.Kind.IsInstant() {
		t := c.Instant(in)
		if t == nil {
			return nil
		}
		return excelize.Cell{StyleID: r.styles.instant[i], Value: excelInstant(c.Kind, t.In(r.loc))}
	}
	switch v := r.vals[i].(type) {
	case string:
		return text(v)
	case []string:
		return text(strings.Join(v, ", "))
	case domain.Duration:
		return excelize.Cell{StyleID: r.styles.duration, Value: excelDuration(v)}
	case *float64:
		if v == nil {
			return nil
		}
		return *v
	}
	return text(fmt.Sprint(r.vals[i]))
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (r *xlsxRows) setRow(cells []any, size int64) error {
	r.row++
	r.bytes += size
	return r.sw.SetRow("A"+strconv.Itoa(r.row), cells)
}

// rowBytes bounds a row's XML from above: each cell's markup, and its text
// escaped at worst six bytes a byte (a tab is &#x9;).
func rowBytes(cells []any) int64 {
	n := int64(32)
	for _, c := range cells {
		switch c := c.(type) {
		case nil:
		case string:
			n += 64 + 6*int64(len(c))
		case excelize.Cell:
			if s, ok := c.Value.(string); ok {
				n += 64 + 6*int64(len(s))
			} else {
				n += 64
			}
		default:
			n += 64
		}
	}
	return n
}

func (r *xlsxRows) finish() error {
	if err := r.sw.Flush(); err != nil {
		return err
	}
	// The ZIP goes to out through the zip writer set in newXLSX; what
	// excelize passes to Write is its own, now empty, buffer.
	return r.book.Write(io.Discard)
}

func (r *xlsxRows) release() error {
	if r.released {
		return nil
	}
	r.released = true
	return r.book.Close()
}
