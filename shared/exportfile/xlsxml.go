package exportfile

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The SpreadsheetML an export needs (ECMA-376 part 1, §18), written by
// hand: a workbook of worksheets with inline strings, numbers and a few
// cell formats. A library that models whole workbooks costs the exporter
// its size limit (docs/decisions.md) and still has to be kept from
// holding a sheet in memory.

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsMain         = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// Parts of the package, and what [Content_Types].xml says each is.
const (
	partContentTypes = "[Content_Types].xml"
	partRootRels     = "_rels/.rels"
	partWorkbook     = "xl/workbook.xml"
	partWorkbookRels = "xl/_rels/workbook.xml.rels"
	partStyles       = "xl/styles.xml"

	typeWorkbook  = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	typeWorksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	typeStyles    = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
)

// sheetPart is the n-th sheet's part (from 1); the workbook's relationship
// to it is "rId<n>".
func sheetPart(n int) string { return "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml" }

func contentTypesXML(sheets int) []byte {
	b := append([]byte(xmlDecl), `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`...)
	b = appendOverride(b, partWorkbook, typeWorkbook)
	b = appendOverride(b, partStyles, typeStyles)
	for n := 1; n <= sheets; n++ {
		b = appendOverride(b, sheetPart(n), typeWorksheet)
	}
	return append(b, `</Types>`...)
}

func appendOverride(b []byte, part, ctype string) []byte {
	return append(append(append(append(b, `<Override PartName="/`...), part...), `" ContentType="`...), ctype+`"/>`...)
}

const rootRelsXML = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + nsRelationship + `/officeDocument" Target="` + partWorkbook + `"/></Relationships>`

// workbookXML lists the sheets in order. sheetId only has to be unique;
// r:id is the relationship workbookRelsXML gives the sheet.
func workbookXML(names []string) []byte {
	b := append([]byte(xmlDecl), `<workbook xmlns="`+nsMain+`" xmlns:r="`+nsRelationship+`">`+
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`...)
	for i, name := range names {
		id := strconv.Itoa(i + 1)
		b = append(b, `<sheet name="`...)
		b = appendAttr(b, name)
		b = append(b, `" sheetId="`+id+`" r:id="rId`+id+`"/>`...)
	}
	return append(b, `</sheets></workbook>`...)
}

// workbookRelsXML points rId1…rId<sheets> at the sheets and the next id
// at the styles.
func workbookRelsXML(sheets int) []byte {
	b := append([]byte(xmlDecl), `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`...)
	for n := 1; n <= sheets+1; n++ {
		typ, target := "worksheet", sheetPart(n)
		if n > sheets {
			typ, target = "styles", partStyles
		}
		// Targets are relative to the workbook's folder.
		b = append(b, `<Relationship Id="rId`+strconv.Itoa(n)+`" Type="`+nsRelationship+`/`+typ+
			`" Target="`+strings.TrimPrefix(target, "xl/")+`"/>`...)
	}
	return append(b, `</Relationships>`...)
}

// Cell formats (the s attribute, an index into styles.xml's cellXfs).
const (
	styleDefault = 0
	styleHeader  = 1 // bold
	// styleNumFmt is the first of the number formats, in the order
	// cellStyles.numFmt first met them.
	styleNumFmt = 2
	// firstNumFmtID is the first id of a custom number format; Excel
	// reserves those below for its built-in formats.
	firstNumFmtID = 164
)

// cellStyles are the workbook's number formats; each has one cell format.
type cellStyles struct{ numFmts []string }

// numFmt is the cell format that shows numbers with code, so columns that
// share a code share a format.
func (s *cellStyles) numFmt(code string) int {
	i := slices.Index(s.numFmts, code)
	if i < 0 {
		i = len(s.numFmts)
		s.numFmts = append(s.numFmts, code)
	}
	return styleNumFmt + i
}

// xml is styles.xml: the default font and its bold, the two fills and the
// border Excel requires in every workbook, the default cell format, the
// header's and one per number format.
func (s *cellStyles) xml() []byte {
	b := append([]byte(xmlDecl), `<styleSheet xmlns="`+nsMain+`">`...)
	b = append(b, `<numFmts count="`+strconv.Itoa(len(s.numFmts))+`">`...)
	for i, code := range s.numFmts {
		b = append(b, `<numFmt numFmtId="`+strconv.Itoa(firstNumFmtID+i)+`" formatCode="`...)
		b = appendAttr(b, code)
		b = append(b, `"/>`...)
	}
	b = append(b, `</numFmts>`+
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`+
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`+
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`+
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`...)
	b = append(b, `<cellXfs count="`+strconv.Itoa(styleNumFmt+len(s.numFmts))+`">`+
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`+
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>`...)
	for i := range s.numFmts {
		b = append(b, `<xf numFmtId="`+strconv.Itoa(firstNumFmtID+i)+`" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`...)
	}
	return append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`...)
}

// sheetStartXML is what precedes a sheet's rows: the header row frozen
// on screen while scrolling, the columns' widths, and the rows' opening
// tag. The first sheet is the one selected.
func sheetStartXML(widths []float64, first bool) []byte {
	b := append([]byte(xmlDecl), `<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRelationship+`"><sheetViews><sheetView`...)
	if first {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/><cols>`...)
	for i, w := range widths {
		n := strconv.Itoa(i + 1)
		b = append(b, `<col min="`+n+`" max="`+n+`" width="`...)
		b = strconv.AppendFloat(b, w, 'f', -1, 64)
		b = append(b, `" customWidth="1"/>`...)
	}
	return append(b, `</cols><sheetData>`...)
}

const sheetEndXML = `</sheetData></worksheet>`

// columnName is the letters of the column at index i (from 0): A, …, Z,
// AA, ….
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append(b, byte('A'+(i-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}

// A row is <row r="n">, its cells, </row>; a cell names its column and
// row (ref), because absent values leave gaps.

func appendRowStart(b []byte, row int) []byte {
	return append(strconv.AppendInt(append(b, `<row r="`...), int64(row), 10), `">`...)
}

func appendRowEnd(b []byte) []byte { return append(b, `</row>`...) }

func appendCellStart(b []byte, col string, row, style int) []byte {
	b = append(append(b, `<c r="`...), col...)
	b = strconv.AppendInt(b, int64(row), 10)
	if style != styleDefault {
		b = strconv.AppendInt(append(b, `" s="`...), int64(style), 10)
	}
	return append(b, '"')
}

// appendNumber writes v with the cell format style. A value Excel can't
// hold (NaN, ±Inf) leaves the cell out, as an absent value does.
func appendNumber(b []byte, col string, row, style int, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b
	}
	b = append(appendCellStart(b, col, row, style), `><v>`...)
	return append(strconv.AppendFloat(b, v, 'f', -1, 64), `</v></c>`...)
}

// appendString writes s as an inline string: a string cell, which Excel
// never evaluates, so a leading = or @ is shown, not run. "" leaves the
// cell out.
func appendString(b []byte, col string, row, style int, s string) []byte {
	if s == "" {
		return b
	}
	b = append(appendCellStart(b, col, row, style), ` t="inlineStr"><is><t>`...)
	at := len(b) - len(`>`)
	b, edgeSpace := appendText(b, s)
	if edgeSpace {
		// Excel trims white space around a string unless told not to.
		b = slices.Insert(b, at, []byte(` xml:space="preserve"`)...)
	}
	return append(b, `</t></is></c>`...)
}

// maxCellChars is Excel's limit on a cell's text, in UTF-16 code units;
// Excel calls a workbook with a longer cell corrupt.
const maxCellChars = 32767

// appendText writes s as element content, so that Excel reads back s:
// markup escaped, CR as a reference (a parser turns a bare CR into LF),
// characters XML 1.0 forbids dropped (they would make the part unreadable),
// invalid UTF-8 as U+FFFD, "_x" before four hex digits and "_" written
// with its "_" escaped (Excel reads _xHHHH_ as the character U+HHHH), and
// cut at maxCellChars. It reports whether what it wrote starts or ends
// with white space.
func appendText(b []byte, s string) (_ []byte, edgeSpace bool) {
	units, first := 0, true
	var last rune
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i0 := i
		i += n
		if !xmlChar(r) {
			continue
		}
		if units += utf16.RuneLen(r); units > maxCellChars {
			break
		}
		if first {
			edgeSpace, first = space(r), false
		}
		last = r
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '_' && excelEscape(s[i0:]):
			b = append(b, "_x005F_"...)
		case r == utf8.RuneError && n == 1:
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, s[i0:i]...)
		}
	}
	return b, edgeSpace || space(last)
}

func space(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// xmlChar reports whether XML 1.0 allows r in a document (its Char
// production).
func xmlChar(r rune) bool {
	switch {
	case r >= 0x20:
		return r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= utf8.MaxRune
	default:
		return r == '\t' || r == '\n' || r == '\r'
	}
}

// excelEscape reports whether s starts with _xHHHH_.
func excelEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendAttr writes s as an attribute value between double quotes: a
// parser would turn white space other than ' ' into spaces.
func appendAttr(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case !xmlChar(r):
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == '\t' || r == '\n' || r == '\r':
			b = append(strconv.AppendInt(append(b, "&#x"...), int64(r), 16), ';')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
