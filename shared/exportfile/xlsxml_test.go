package exportfile_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
)

// Text comes back as written, except for what XML 1.0 can't carry and
// what Excel can't hold.
func TestXLSXText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"markup", `a & b < c > d "q" 'a' ]]> &amp;`, `a & b < c > d "q" 'a' ]]> &amp;`},
		{"line breaks", "1\r\n2\r3\n4", "1\r\n2\r3\n4"},
		{"white space around", " \t padded \n", " \t padded \n"},
		{"control characters", "a\x00b\x01c\x08d\x0Be\x0Cf\x1Fg\x7Fh", "abcdefg\x7Fh"},
		{"non-characters", "a\uFFFEb\uFFFFc\uFFFDd", "abc\uFFFDd"},
		{"only forbidden", "\x00\x01\x02", ""},
		{"forbidden then space", "\x01 x \x02", " x "},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"Excel escapes", "_x0041_ _x005F_ _x00e9_x0042_ _xZZZZ_ _x004_", "_x0041_ _x005F_ _x00e9_x0042_ _xZZZZ_ _x004_"},
		{"accents and emoji", "Ação, São Paulo, 😀, 日本", "Ação, São Paulo, 😀, 日本"},
		{"Excel's limit", strings.Repeat("a", 40000), strings.Repeat("a", 32767)},
		{"Excel's limit in UTF-16", strings.Repeat("😀", 20000), strings.Repeat("😀", 16383)},
		{"formula", `=HYPERLINK("http://x","y")`, `=HYPERLINK("http://x","y")`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := sample(domain.MediaVoice)
			in.InternalComments, in.Contact.Name = c.in, c.in
			file := MustWrite(t, spec(exportfile.XLSX, domain.MediaVoice), in)
			MustWellFormed(t, file)
			book := MustOpenBook(t, file)
			for _, name := range []string{"INTERNAL COMMENTS", "CONTACT"} {
				cell := MustCell(t, book, "Interactions", name, 2)
				if got := mustValue(t, book, "Interactions", cell); got != c.want {
					t.Errorf("%s = %q, want %q", name, abbrev(got), abbrev(c.want))
				}
			}
		})
	}
}

func abbrev(s string) string {
	if len(s) > 80 {
		return fmt.Sprintf("%s… (%d bytes)", s[:40], len(s))
	}
	return s
}

// An export of nothing is a workbook of one sheet holding the header.
func TestXLSXEmpty(t *testing.T) {
	for lang, sheet := range map[string]string{"en": "Interactions", "pt-BR": "Interações"} {
		t.Run(lang, func(t *testing.T) {
			s := spec(exportfile.XLSX, domain.MediaWhatsApp)
			s.Lang = lang
			file := MustWrite(t, s)
			MustWellFormed(t, file)
			book := MustOpenBook(t, file)
			if got := book.GetSheetList(); !slices.Equal(got, []string{sheet}) {
				t.Fatalf("sheets %q, want [%s]", got, sheet)
			}
			rows, err := book.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || !slices.Equal(rows[0], MustHeader(t, domain.MediaWhatsApp, lang)) {
				t.Fatalf("rows %q, want the header alone", rows)
			}
			mustBoldHeader(t, book, sheet, len(rows[0]))
		})
	}
}

// MustHeader is the CSV's header, which an XLSX shares.
func MustHeader(tb testing.TB, m domain.Media, lang string) []string {
	tb.Helper()
	s := spec(exportfile.CSV, m)
	s.Lang = lang
	return MustParseCSV(tb, MustWrite(tb, s), ',')[0]
}

// The package lists exactly the sheets written: [Content_Types].xml, the
// workbook and its relationships agree with the ZIP's entries, and every
// part is well-formed XML.
func TestXLSXPackage(t *testing.T) {
	cases := []struct {
		name   string
		rows   int // sheet limit, header included
		ins    int
		sheets int
	}{
		{"one sheet", 1 << 20, 3, 1},
		{"three sheets", 3, 5, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exportfile.SetSheetLimits(t, c.rows, 1<<40)
			ins := make([]domain.Interaction, c.ins)
			for i := range ins {
				ins[i] = sample(domain.MediaVoice)
			}
			file := MustWrite(t, spec(exportfile.XLSX, domain.MediaVoice), ins...)
			parts := MustWellFormed(t, file)

			var sheets []string
			for n := 1; n <= c.sheets; n++ {
				sheets = append(sheets, fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
			}
			want := slices.Concat([]string{"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"}, sheets)
			slices.Sort(want)
			got := slices.Sorted(func(yield func(string) bool) {
				for name := range parts {
					if !yield(name) {
						return
					}
				}
			})
			if !slices.Equal(got, want) {
				t.Fatalf("parts %q, want %q", got, want)
			}

			var types struct {
				Overrides []struct {
					PartName    string `xml:",attr"`
					ContentType string `xml:",attr"`
				} `xml:"Override"`
			}
			mustUnmarshal(t, parts["[Content_Types].xml"], &types)
			var worksheets []string
			for _, o := range types.Overrides {
				if strings.HasSuffix(o.ContentType, ".worksheet+xml") {
					worksheets = append(worksheets, strings.TrimPrefix(o.PartName, "/"))
				}
			}
			if !slices.Equal(worksheets, sheets) {
				t.Errorf("content types list worksheets %q, want %q", worksheets, sheets)
			}

			var rels struct {
				Rels []relationship `xml:"Relationship"`
			}
			mustUnmarshal(t, parts["xl/_rels/workbook.xml.rels"], &rels)
			var book struct {
				Sheets []struct {
					Name string `xml:"name,attr"`
					ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
				} `xml:"sheets>sheet"`
			}
			mustUnmarshal(t, parts["xl/workbook.xml"], &book)
			if len(book.Sheets) != c.sheets {
				t.Fatalf("workbook lists %d sheets, want %d", len(book.Sheets), c.sheets)
			}
			for i, s := range book.Sheets {
				r := slices.IndexFunc(rels.Rels, func(r relationship) bool { return r.ID == s.ID })
				if r < 0 || "xl/"+rels.Rels[r].Target != sheets[i] {
					t.Errorf("sheet %q (%s) does not point at %s", s.Name, s.ID, sheets[i])
				}
			}
		})
	}
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:",attr"`
}

// MustWellFormed reads a workbook's ZIP and parses each part as XML,
// returning the parts by name.
func MustWellFormed(tb testing.TB, file []byte) map[string][]byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		tb.Fatalf("zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
		_ = rc.Close()
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				tb.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		parts[f.Name] = b
	}
	return parts
}

func mustUnmarshal(tb testing.TB, b []byte, v any) {
	tb.Helper()
	if err := xml.Unmarshal(b, v); err != nil {
		tb.Fatal(err)
	}
}

// A workbook reaches w while rows are added, not at Close: the sheet is
// never held whole.
func TestXLSXStreams(t *testing.T) {
	var w countingWriter
	f, err := exportfile.Open(&w, spec(exportfile.XLSX, domain.MediaVoice))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Discard()
	in := sample(domain.MediaVoice)
	for i := range 20_000 {
		in.Protocol = fmt.Sprintf("P-%d", i) // against compressing to nothing
		if err := f.Add(&in); err != nil {
			t.Fatal(err)
		}
	}
	before := w.n
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if before == 0 || before < w.n/2 {
		t.Errorf("%d of %d bytes written before Close", before, w.n)
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
