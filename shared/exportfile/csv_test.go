package exportfile_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/tracking"
)

func TestCSV(t *testing.T) {
	cases := []struct {
		name  string
		media domain.Media
		delim rune
		bom   bool
		gzip  bool
		lang  string
	}{
		{"comma", domain.MediaVoice, ',', false, false, "en"},
		{"semicolon with BOM", domain.MediaChat, ';', true, false, "en"},
		{"gzip", domain.MediaWhatsApp, ',', true, true, "en"},
		{"pt-BR", domain.MediaVoice, ';', true, false, "pt-BR"},
		{"pt-BR gzip", domain.MediaEmail, ',', false, true, "pt-BR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := exportfile.Spec{Format: exportfile.CSV, Media: c.media, Loc: saoPaulo, Delimiter: c.delim, BOM: c.bom, Gzip: c.gzip, Lang: c.lang}
			in := sample(c.media)
			raw := MustWrite(t, s, in, domain.Interaction{ID: "i-2", Media: c.media, Start: start})
			if c.gzip {
				raw = MustGunzip(t, raw)
			}
			if got := bytes.HasPrefix(raw, []byte("\ufeff")); got != c.bom {
				t.Errorf("BOM %v, want %v", got, c.bom)
			}
			if n := bytes.Count(raw, []byte("\n")); n != bytes.Count(raw, []byte("\r\n")) {
				t.Errorf("%d LF but %d CRLF: every line end must be CRLF", n, bytes.Count(raw, []byte("\r\n")))
			}

			recs := MustParseCSV(t, raw, c.delim)
			if len(recs) != 3 {
				t.Fatalf("%d records, want header and 2 rows", len(recs))
			}
			head := recs[0]
			cols := tracking.Columns(c.media)
			if len(head) != len(cols)+2*domain.MaxLegs {
				t.Fatalf("header has %d fields, want %d columns and %d path pairs", len(head), len(cols), domain.MaxLegs)
			}
			for i, col := range cols {
				want := col.Header
				if c.lang == "pt-BR" {
					want = col.HeaderPT
				}
				if head[i] != want {
					t.Errorf("header[%d] = %q, want %q", i, head[i], want)
				}
			}
			agent, service := "Agent", "Service"
			if c.lang == "pt-BR" {
				agent, service = "Agente", "Serviço"
			}
			for i := range domain.MaxLegs {
				a, s := head[len(cols)+2*i], head[len(cols)+2*i+1]
				if a != fmt.Sprintf("%s %d", agent, i+1) || s != fmt.Sprintf("%s %d", service, i+1) {
					t.Errorf("path header %d = %q, %q", i+1, a, s)
				}
			}

			row := recs[1]
			at := func(key string) string {
				for i, col := range cols {
					if col.Key == key {
						return row[i]
					}
				}
				t.Fatalf("no column %s", key)
				return ""
			}
			want := map[string]string{
				"date": "2025-03-17", "time": "10:20:45", "dateAnswered": "2025-03-17 10:20:50",
				"contact": "João da Silva", "service": "São Paulo", "agent": "Maria Conceição",
				"duration": "1:00:02", "afrt": "0:00:04", "art": "0:01:01", "acw": "0:00:30",
				"tags": "Ação, reclamação", "portfolio": "Yes", "status": "service_transferred",
				"internalComments": "Cliente pediu 2ª via;\nAção: \"reenviar\", amanhã",
			}
			if c.media == domain.MediaVoice {
				want["clientEnd"], want["jitterMs"], want["packetLossPct"], want["callQuality"] = "17-03-2025 11:20:45", "80.5", "0.25", "medium"
				if c.delim == ';' { // the decimal mark of the spreadsheets that use ';'
					want["jitterMs"], want["packetLossPct"] = "80,5", "0,25"
				}
			}
			for k, v := range want {
				if got := at(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			path := row[len(cols):]
			for i, v := range []string{"Ana", "Suporte", "a-2", "Nível 2", "Maria Conceição", "Retenção"} {
				if path[i] != v {
					t.Errorf("path cell %d = %q, want %q", i, path[i], v)
				}
			}
			for i, v := range path[6:] {
				if v != "" {
					t.Errorf("path cell %d = %q past the last leg", i+6, v)
				}
			}

			empty := recs[2]
			for i, col := range cols {
				if col.Kind.IsInstant() && col.Key != "date" && col.Key != "time" && col.Key != "created" && empty[i] != "" {
					t.Errorf("missing %s = %q, want empty", col.Key, empty[i])
				}
			}
		})
	}
}

// payloads are OWASP's CSV injection examples and the starts a spreadsheet
// reads as a formula.
var payloads = []string{`=1+1`, `+cmd|' /C calc'!A0`, `-2+3`, `@SUM(A1)`, "\tx", "\rx", `=HYPERLINK("http://x")`}

// poisoned puts payload in every text field of an interaction, the
// transfer path included.
func poisoned(m domain.Media, payload string) domain.Interaction {
	in := sample(m)
	in.Protocol, in.ExternalProtocol, in.Queue, in.Service = payload, payload, payload, payload
	in.Agent.Name, in.Origin, in.Direction, in.InitiatedBy = payload, payload, payload, payload
	in.From, in.To, in.DID = payload, payload, payload
	in.Contact = &domain.Contact{Name: payload, Phone: payload, ExternalID: payload, Document: payload, CRMContactID: payload}
	in.Status, in.State, in.Expiration = domain.FinalStatus(payload), domain.State(payload), payload
	in.Tags = []string{payload, "b"}
	in.Disposition = &domain.Disposition{Code: payload}
	in.InternalComments, in.LastResponse = payload, payload
	if in.Voice != nil {
		in.Voice.Server, in.Voice.DialedNumber, in.Voice.ExternalChannel, in.Voice.InternalChannel = payload, payload, payload, payload
	}
	for i := range in.Legs {
		in.Legs[i].AgentName, in.Legs[i].Service = payload, payload
	}
	return in
}

func TestCSVNeutralizesFormulas(t *testing.T) {
	for _, m := range []domain.Media{domain.MediaVoice, domain.MediaWhatsApp, domain.MediaChat} {
		for _, p := range payloads {
			t.Run(fmt.Sprintf("%s/%q", m, p), func(t *testing.T) {
				recs := MustParseCSV(t, MustWrite(t, spec(exportfile.CSV, m), poisoned(m, p)), ',')
				head, row := recs[0], recs[1]
				// encoding/csv writes CRLF line ends, so a CR that opens a
				// value comes back as a line break after the quote.
				want := "'" + strings.ReplaceAll(p, "\r", "\n")
				neutralized := 0
				for i, v := range row {
					if v == "" {
						continue
					}
					if strings.ContainsRune("=+-@\t\r", rune(v[0])) {
						t.Errorf("%s = %q starts a formula", head[i], v)
					}
					if strings.HasPrefix(v, want) {
						neutralized++
					}
				}
				for _, name := range []string{"PROTOCOL", "CONTACT", "FROM", "TAGS", "INTERNAL COMMENTS", "DISPOSITION", "CLIENT", "Agent 1", "Service 3"} {
					if v := row[column(t, head, name)]; v != want && !strings.HasPrefix(v, want+", ") {
						t.Errorf("%s = %q, want %q", name, v, want)
					}
				}
				if neutralized < 15 {
					t.Errorf("only %d cells carry the neutralized payload", neutralized)
				}
			})
		}
	}
}

func TestCSVDurations(t *testing.T) {
	cases := []struct {
		ms   int64
		want string
	}{
		{0, "0:00:00"},
		{999, "0:00:00"},
		{59_999, "0:00:59"},
		{60_000, "0:01:00"},
		{3_600_000, "1:00:00"},
		{93_784_000, "26:03:04"},
		{31 * 24 * 3_600_000, "744:00:00"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			in := domain.Interaction{ID: "d", Media: domain.MediaEmail, Start: start, Duration: domain.Duration(c.ms)}
			recs := MustParseCSV(t, MustWrite(t, spec(exportfile.CSV, domain.MediaEmail), in), ',')
			if got := recs[1][column(t, recs[0], "DURATION")]; got != c.want {
				t.Errorf("%d ms = %q, want %q", c.ms, got, c.want)
			}
		})
	}
}
