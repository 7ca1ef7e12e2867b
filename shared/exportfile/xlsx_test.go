package exportfile_test

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/tracking"
	"github.com/xuri/excelize/v2"
)

func MustOpenBook(tb testing.TB, b []byte) *excelize.File {
	tb.Helper()
	book, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	tb.Cleanup(func() { _ = book.Close() })
	return book
}

// MustCell finds the cell under a header in row (1-based), by the first
// sheet's header.
func MustCell(tb testing.TB, book *excelize.File, sheet, name string, row int) string {
	tb.Helper()
	rows, err := book.GetRows(sheet)
	if err != nil {
		tb.Fatal(err)
	}
	col, err := excelize.ColumnNumberToName(column(tb, rows[0], name) + 1)
	if err != nil {
		tb.Fatal(err)
	}
	return col + strconv.Itoa(row)
}

func numberFormat(tb testing.TB, book *excelize.File, sheet, cell string) string {
	tb.Helper()
	id, err := book.GetCellStyle(sheet, cell)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := book.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func TestXLSX(t *testing.T) {
	cases := []struct {
		lang, sheet, date, duration, contact string
	}{
		{"en", "Interactions", "DATE", "DURATION", "CONTACT"},
		{"pt-BR", "Interações", "DATA", "DURAÇÃO", "CONTATO"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			s := spec(exportfile.XLSX, domain.MediaVoice)
			s.Lang = c.lang
			book := MustOpenBook(t, MustWrite(t, s, sample(domain.MediaVoice), domain.Interaction{ID: "i-2", Media: domain.MediaVoice, Start: start}))
			if got := book.GetSheetList(); len(got) != 1 || got[0] != c.sheet {
				t.Fatalf("sheets %q, want [%s]", got, c.sheet)
			}
			rows, err := book.GetRows(c.sheet)
			if err != nil {
				t.Fatal(err)
			}
			cols := tracking.Columns(domain.MediaVoice)
			if len(rows[0]) != len(cols)+2*domain.MaxLegs {
				t.Fatalf("header has %d cells", len(rows[0]))
			}
			mustBoldHeader(t, book, c.sheet, len(rows[0]))
			if panes, err := book.GetPanes(c.sheet); err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
			}
			createdCol, _ := excelize.ColumnNumberToName(columnKey(t, cols, "created") + 1)
			if w, err := book.GetColWidth(c.sheet, createdCol); err != nil || w != 20 {
				t.Errorf("column %s (a date and time) is %v wide (%v), want 20", createdCol, w, err)
			}

			created := cols[columnKey(t, cols, "created")]
			clientEnd := cols[columnKey(t, cols, "clientEnd")]
			// 2025-03-17 is day 45733 of Excel's 1900 system; 10:20:45 is 37245 s.
			typed := []struct {
				header, format, shown string
				raw                   float64
			}{
				{c.date, "yyyy-mm-dd", "2025-03-17", 45733},
				{headerOf(cols[1], c.lang), "hh:mm:ss", "10:20:45", 37245.0 / 86400},
				{headerOf(created, c.lang), "yyyy-mm-dd hh:mm:ss", "2025-03-17 10:20:45", 45733 + 37245.0/86400},
				{headerOf(clientEnd, c.lang), "dd-mm-yyyy hh:mm:ss", "17-03-2025 11:20:45", 45733 + 40845.0/86400},
				{c.duration, "[h]:mm:ss", "1:00:02", 3602.0 / 86400},
			}
			for _, ty := range typed {
				cell := MustCell(t, book, c.sheet, ty.header, 2)
				if kind, _ := book.GetCellType(c.sheet, cell); kind != excelize.CellTypeUnset && kind != excelize.CellTypeNumber {
					t.Errorf("%s (%s) has type %v, want a number", ty.header, cell, kind)
				}
				if got := numberFormat(t, book, c.sheet, cell); got != ty.format {
					t.Errorf("%s format %q, want %q", ty.header, got, ty.format)
				}
				raw, _ := book.GetCellValue(c.sheet, cell, excelize.Options{RawCellValue: true})
				if f, err := strconv.ParseFloat(raw, 64); err != nil || f != ty.raw {
					t.Errorf("%s raw %q, want %v", ty.header, raw, ty.raw)
				}
				if shown, _ := book.GetCellValue(c.sheet, cell); shown != ty.shown {
					t.Errorf("%s shows %q, want %q", ty.header, shown, ty.shown)
				}
			}

			contact := MustCell(t, book, c.sheet, c.contact, 2)
			if v, _ := book.GetCellValue(c.sheet, contact); v != "João da Silva" {
				t.Errorf("contact %q", v)
			}
			if kind, _ := book.GetCellType(c.sheet, contact); kind != excelize.CellTypeInlineString {
				t.Errorf("contact has type %v, want an inline string", kind)
			}
			jitter := MustCell(t, book, c.sheet, "JITTER", 2)
			if raw, _ := book.GetCellValue(c.sheet, jitter, excelize.Options{RawCellValue: true}); raw != "80.5" {
				t.Errorf("jitter %q", raw)
			}
			for _, row := range rows[1:] {
				if len(row) > len(rows[0]) {
					t.Errorf("row of %d cells under a header of %d", len(row), len(rows[0]))
				}
			}
			if end := MustCell(t, book, c.sheet, headerOf(clientEnd, c.lang), 3); mustValue(t, book, c.sheet, end) != "" {
				t.Errorf("missing client end is not empty")
			}
		})
	}
}

// mustBoldHeader checks that a sheet's header row, and only it, is bold.
func mustBoldHeader(tb testing.TB, book *excelize.File, sheet string, cells int) {
	tb.Helper()
	for i := range cells {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		id, err := book.GetCellStyle(sheet, cell)
		if err != nil {
			tb.Fatal(err)
		}
		if st, err := book.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
			tb.Fatalf("%s!%s is not bold (style %d, %v)", sheet, cell, id, err)
		}
	}
	if id, _ := book.GetCellStyle(sheet, "B2"); id != 0 {
		if st, _ := book.GetStyle(id); st.Font != nil && st.Font.Bold {
			tb.Errorf("%s!B2 is bold", sheet)
		}
	}
}

func mustValue(tb testing.TB, book *excelize.File, sheet, cell string) string {
	tb.Helper()
	v, err := book.GetCellValue(sheet, cell)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func columnKey(tb testing.TB, cols []tracking.Column, key string) int {
	tb.Helper()
	for i, c := range cols {
		if c.Key == key {
			return i
		}
	}
	tb.Fatalf("no column %s", key)
	return -1
}

func headerOf(c tracking.Column, lang string) string {
	if lang == "pt-BR" {
		return c.HeaderPT
	}
	return c.Header
}

// In XLSX a payload is a plain string cell: never a formula, and shown as
// written, without the CSV's quote.
func TestXLSXWritesFormulasAsText(t *testing.T) {
	for _, p := range slices.Concat(payloads, []string{`=cmd|'/c calc'!A1`, `=1+1 `}) {
		t.Run(fmt.Sprintf("%q", p), func(t *testing.T) {
			book := MustOpenBook(t, MustWrite(t, spec(exportfile.XLSX, domain.MediaVoice), poisoned(domain.MediaVoice, p)))
			rows, err := book.GetRows("Interactions")
			if err != nil {
				t.Fatal(err)
			}
			carried := 0
			for i := range rows[0] {
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				if f, err := book.GetCellFormula("Interactions", cell); err != nil || f != "" {
					t.Errorf("%s (%s) has formula %q (%v)", rows[0][i], cell, f, err)
				}
				if v := mustValue(t, book, "Interactions", cell); v == p {
					carried++
					if kind, _ := book.GetCellType("Interactions", cell); kind != excelize.CellTypeInlineString {
						t.Errorf("%s holds %q as %v, want an inline string", rows[0][i], v, kind)
					}
				}
			}
			if carried < 15 {
				t.Errorf("only %d cells carry the payload as written", carried)
			}
		})
	}
}

func TestXLSXRollsOverToNewSheets(t *testing.T) {
	ins := make([]domain.Interaction, 5)
	for i := range ins {
		ins[i] = sample(domain.MediaChat)
		ins[i].ID = fmt.Sprintf("i-%d", i)
		ins[i].Protocol = fmt.Sprintf("P-%d", i)
	}
	cases := []struct {
		name      string
		rows      int
		bytes     int64
		wantSheet []int // data rows per sheet
	}{
		{"by rows", 3, 1 << 40, []int{2, 2, 1}},
		{"by size", 1 << 20, 1, []int{1, 1, 1, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exportfile.SetSheetLimits(t, c.rows, c.bytes)
			book := MustOpenBook(t, MustWrite(t, spec(exportfile.XLSX, domain.MediaChat), ins...))
			sheets := book.GetSheetList()
			if len(sheets) != len(c.wantSheet) {
				t.Fatalf("sheets %q, want %d", sheets, len(c.wantSheet))
			}
			next := 0
			for i, name := range sheets {
				want := "Interactions"
				if i > 0 {
					want = fmt.Sprintf("Interactions %d", i+1)
				}
				if name != want {
					t.Errorf("sheet %d is %q, want %q", i+1, name, want)
				}
				rows, err := book.GetRows(name)
				if err != nil {
					t.Fatal(err)
				}
				if len(rows)-1 != c.wantSheet[i] || rows[0][0] != "DATE" {
					t.Fatalf("sheet %q: %d data rows under %q, want %d", name, len(rows)-1, rows[0][0], c.wantSheet[i])
				}
				mustBoldHeader(t, book, name, len(rows[0]))
				if v, _ := book.GetCellValue(name, "A2"); v != "2025-03-17" {
					t.Errorf("sheet %q: A2 shows %q, want the date", name, v)
				}
				for _, row := range rows[1:] {
					if got := row[column(t, rows[0], "PROTOCOL")]; got != fmt.Sprintf("P-%d", next) {
						t.Errorf("sheet %q: protocol %q, want P-%d", name, got, next)
					}
					next++
				}
			}
		})
	}
}
