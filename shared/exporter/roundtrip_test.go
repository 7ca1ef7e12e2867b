package exporter

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// The acceptance round trip: export, download by the presigned link,
// parse, and hold the rows equal to the tracking report's rows for the
// same filters and the same caller, each once and in the report's order.
// A supervisor's file holds the rows of their queues the screen shows
// them, and no other.
func TestFileEqualsReport(t *testing.T) {
	e := newEnv(t, false, "pt-BR")
	end := time.Date(2026, 10, 11, 3, 0, 0, 0, time.UTC)
	e.load(t, 1500, end)
	period := map[string]any{"from": "2026-10-01", "to": "2026-10-10"}
	params := func(media string, more ...string) map[string]any {
		p := map[string]any{"media": media}
		for k, v := range period {
			p[k] = v
		}
		for i := 0; i+1 < len(more); i += 2 {
			p[more[i]] = more[i+1]
		}
		return p
	}
	sup := domain.Identity{Tenant: string(e.tenant), UserID: "sil", Role: domain.RoleSupervisor, Queues: []string{"Suporte", "Vendas"}}
	for _, tc := range []struct {
		name    string
		who     *domain.Identity // nil: the admin
		body    map[string]any
		format  string
		minRows int // a case with fewer rows than this tests little
	}{
		{"whatsapp csv comma en", nil, map[string]any{"params": params("whatsapp"), "format": "csv", "csv": map[string]any{"delimiter": ",", "bom": false, "language": "en"}}, "csv", 100},
		{"voice csv semicolon pt-BR bom", nil, map[string]any{"params": params("voice"), "format": "csv", "csv": map[string]any{"delimiter": ";", "bom": true, "language": "pt-BR"}}, "csv", 100},
		{"chat csv gzip tenant defaults", nil, map[string]any{"params": params("chat"), "gzip": true}, "csv", 50},
		{"whatsapp by agent, ascending", nil, map[string]any{"params": params("whatsapp", "agents", "ag-003", "sort", "asc"), "format": "csv"}, "csv", 5},
		{"email xlsx", nil, map[string]any{"params": params("email"), "format": "xlsx"}, "xlsx", 50},
		{"whatsapp xlsx of two services", nil, map[string]any{"params": params("whatsapp", "services", "Suporte Técnico,Financeiro"), "format": "xlsx"}, "xlsx", 30},
		{"voice jsonl gzip", nil, map[string]any{"params": params("voice"), "format": "jsonl", "gzip": true}, "jsonl", 100},
		{"whatsapp csv as a supervisor of two queues", &sup, map[string]any{"params": params("whatsapp"), "format": "csv"}, "csv", 50},
		{"voice xlsx as a supervisor of two queues", &sup, map[string]any{"params": params("voice"), "format": "xlsx"}, "xlsx", 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			who := e.admin
			if tc.who != nil {
				who = *tc.who
			}
			tc.body["report"] = "interactions"
			job, file := e.export(t, who, tc.body)
			q := url.Values{}
			for k, v := range tc.body["params"].(map[string]any) {
				q.Set(k, v.(string))
			}
			want := e.reportRows(t, who, q)
			if len(want) < tc.minRows {
				t.Fatalf("only %d rows in the report: the case tests little", len(want))
			}
			if tc.who != nil {
				all := e.reportRows(t, e.admin, q)
				for _, row := range want {
					if in := e.byID[row.Get("id").(string)]; !slices.Contains(who.Queues, in.Queue) {
						t.Fatalf("%s of queue %q in the file of a supervisor of %v", in.ID, in.Queue, who.Queues)
					}
				}
				if len(want) >= len(all) {
					t.Fatalf("the supervisor's %d rows are not fewer than the admin's %d: the case tests little", len(want), len(all))
				}
			}
			if job.Rows != int64(len(want)) {
				t.Fatalf("job says %d rows, the report has %d", job.Rows, len(want))
			}
			if job.Bytes != int64(len(file)) {
				t.Fatalf("job says %d bytes, the file has %d", job.Bytes, len(file))
			}
			if job.Options.Gzip {
				if !strings.HasSuffix(job.FileName, ".gz") {
					t.Fatalf("gzip file named %s", job.FileName)
				}
				file = gunzip(t, file)
			}
			media := domain.Media(q.Get("media"))
			switch tc.format {
			case "csv":
				e.checkCSV(t, file, job.Options, media, want)
			case "xlsx":
				e.checkXLSX(t, file, job.Options.Language, media, want)
			case "jsonl":
				e.checkJSONL(t, file, want)
			}
		})
	}
}

func (e *env) checkCSV(t *testing.T, file []byte, o domain.ExportOptions, media domain.Media, want []tracking.Row) {
	t.Helper()
	hasBOM := bytes.HasPrefix(file, []byte("\ufeff"))
	if hasBOM != o.BOM {
		t.Fatalf("BOM %v, asked %v", hasBOM, o.BOM)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\ufeff"))))
	r.Comma = rune(o.Delimiter[0])
	recs, err := r.ReadAll() // FieldsPerRecord 0: every record as long as the header
	if err != nil {
		t.Fatal(err)
	}
	cols := tracking.Columns(media)
	if got, wantHead := recs[0], header(cols, o.Language); !slices.Equal(got, wantHead) {
		t.Fatalf("header\n got %q\nwant %q", got, wantHead)
	}
	if len(recs)-1 != len(want) {
		t.Fatalf("%d rows, the report has %d", len(recs)-1, len(want))
	}
	for i, row := range want {
		exp := expectedCSV(cols, row, e.byID[row.Get("id").(string)], o.Delimiter == ";")
		if !slices.Equal(recs[i+1], exp) {
			for j := range exp {
				if recs[i+1][j] != exp[j] {
					t.Fatalf("row %d (%s) column %q: got %q, want %q", i, row.Get("id"), recs[0][j], recs[i+1][j], exp[j])
				}
			}
		}
	}
}

// header is written out here rather than taken from exportfile, so the
// test states the columns a file must have.
func header(cols []tracking.Column, lang string) []string {
	var out []string
	agent, service := "Agent", "Service"
	if lang == "pt-BR" {
		agent, service = "Agente", "Serviço"
	}
	for _, c := range cols {
		if lang == "pt-BR" {
			out = append(out, c.HeaderPT)
		} else {
			out = append(out, c.Header)
		}
	}
	for i := 1; i <= domain.MaxLegs; i++ {
		out = append(out, fmt.Sprintf("%s %d", agent, i), fmt.Sprintf("%s %d", service, i))
	}
	return out
}

// expectedCSV is a report row as CSV text: OWASP's neutralization of any
// text that a spreadsheet would read as a formula, durations as H:MM:SS,
// lists joined, measures with a decimal comma in a ';' file, then the
// transfer path.
func expectedCSV(cols []tracking.Column, row tracking.Row, in *domain.Interaction, decimalComma bool) []string {
	var out []string
	for _, c := range cols {
		v := csvValue(row.Get(c.Key))
		if _, measure := row.Get(c.Key).(*float64); measure && decimalComma {
			v = strings.Replace(v, ".", ",", 1)
		}
		out = append(out, v)
	}
	for i := range domain.MaxLegs {
		if i < len(in.Legs) {
			l := in.Legs[i]
			out = append(out, inert(first(l.AgentName, l.AgentID)), inert(first(l.Service, l.Queue, l.Menu)))
		} else {
			out = append(out, "", "")
		}
	}
	return out
}

func csvValue(v any) string {
	switch v := v.(type) {
	case string:
		return inert(v)
	case []string:
		return inert(strings.Join(v, ", "))
	case domain.Duration:
		s := v.Millis() / 1000
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	case *float64:
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	panic(fmt.Sprintf("a report value of type %T", v))
}

// inert is how a text cell must read back: a leading quote before what a
// spreadsheet would run, and line breaks as LF.
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func (e *env) checkXLSX(t *testing.T, file []byte, lang string, media domain.Media, want []tracking.Row) {
	t.Helper()
	book, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheet := book.GetSheetList()[0]
	rows, err := book.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	cols := tracking.Columns(media)
	if got := rows[0]; !slices.Equal(got, header(cols, lang)) {
		t.Fatalf("header %q", got)
	}
	if len(rows)-1 != len(want) {
		t.Fatalf("%d rows, the report has %d", len(rows)-1, len(want))
	}
	for i, row := range want {
		in := e.byID[row.Get("id").(string)]
		got := rows[i+1]
		cell := func(j int) string {
			if j < len(got) {
				return got[j]
			}
			return ""
		}
		for j, c := range cols {
			raw := cell(j)
			name, _ := excelize.CoordinatesToCellName(j+1, i+2)
			switch v := row.Get(c.Key).(type) {
			case string:
				if c.Kind.IsInstant() {
					checkInstant(t, book, sheet, name, c, c.Instant(in), raw)
					continue
				}
				// Text as it is: Excel never evaluates a string cell.
				if raw != v {
					t.Fatalf("%s (%s, %s): got %q, want %q", name, c.Key, row.Get("id"), raw, v)
				}
				if f, _ := book.GetCellFormula(sheet, name); f != "" {
					t.Fatalf("%s holds a formula %q", name, f)
				}
			case []string:
				if raw != strings.Join(v, ", ") {
					t.Fatalf("%s (%s): got %q, want %q", name, c.Key, raw, strings.Join(v, ", "))
				}
			case domain.Duration:
				days, err := strconv.ParseFloat(raw, 64)
				if err != nil || time.Duration(days*86400*float64(time.Second)).Round(time.Second) != (time.Duration(v.Millis())*time.Millisecond).Truncate(time.Second) {
					t.Fatalf("%s (%s): duration %q, want %v", name, c.Key, raw, time.Duration(v.Millis())*time.Millisecond)
				}
			case *float64:
				if v == nil {
					if raw != "" {
						t.Fatalf("%s (%s): %q for no value", name, c.Key, raw)
					}
					continue
				}
				f, err := strconv.ParseFloat(raw, 64)
				if err != nil || f != *v {
					t.Fatalf("%s (%s): %q, want %v", name, c.Key, raw, *v)
				}
			}
		}
	}
}

// checkInstant holds a date or time cell to the instant: a number (Excel's
// serial date, in the report's zone) formatted as the seed says.
func checkInstant(t *testing.T, book *excelize.File, sheet, name string, c tracking.Column, at *time.Time, raw string) {
	t.Helper()
	if at == nil {
		if raw != "" {
			t.Fatalf("%s (%s): %q for no instant", name, c.Key, raw)
		}
		return
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s (%s): %q is not a serial date", name, c.Key, raw)
	}
	loc, _ := time.LoadLocation("America/Sao_Paulo")
	w := at.In(loc)
	wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)
	var wantSerial float64
	switch c.Kind {
	case tracking.KindTime:
		wantSerial = float64(wall.Hour()*3600+wall.Minute()*60+wall.Second()) / 86400
	case tracking.KindDate:
		wantSerial = float64(wall.Truncate(24*time.Hour).Sub(excelEpoch)) / float64(24*time.Hour)
	default:
		wantSerial = float64(wall.Sub(excelEpoch)) / float64(24*time.Hour)
	}
	if d := serial - wantSerial; d > 1e-6 || d < -1e-6 {
		t.Fatalf("%s (%s): serial %v, want %v (%v)", name, c.Key, serial, wantSerial, wall)
	}
	shown, err := book.GetCellValue(sheet, name)
	if err != nil || shown != w.Format(c.Layout) {
		t.Fatalf("%s (%s): shows %q, want %q", name, c.Key, shown, w.Format(c.Layout))
	}
}

// excelEpoch is day 0 of Excel's 1900 date system, as every date after
// March 1900 counts it.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// checkJSONL holds each line to seed 003's document of the row's
// interaction.
func (e *env) checkJSONL(t *testing.T, file []byte, want []tracking.Row) {
	t.Helper()
	lines := bytes.Split(bytes.TrimSuffix(file, []byte("\n")), []byte("\n"))
	if len(lines) != len(want) {
		t.Fatalf("%d lines, the report has %d", len(lines), len(want))
	}
	for i, row := range want {
		docs, err := sessionmeta.Decode(bytes.NewReader(lines[i]))
		if err != nil || len(docs) != 1 {
			t.Fatalf("line %d: %v", i, err)
		}
		// The list row the exporter reads has no messages or participants.
		in := *e.byID[row.Get("id").(string)]
		in.Messages, in.Participants = nil, nil
		exp := sessionmeta.FromInteraction(&in)
		a, _ := json.Marshal(docs[0])
		b, _ := json.Marshal(exp)
		if !bytes.Equal(a, b) {
			t.Fatalf("line %d (%s):\n got %s\nwant %s", i, in.ID, a, b)
		}
	}
}
