package exportfile_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
)

var saoPaulo = MustZone("America/Sao_Paulo")

func MustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func ptr[T any](v T) *T { return &v }

// start is 13:20:45.678 UTC, 10:20:45 in São Paulo.
var start = time.Date(2025, 3, 17, 13, 20, 45, 678e6, time.UTC)

func after(d time.Duration) *time.Time { t := start.Add(d); return &t }

// sample is an interaction of media m with every field the report shows,
// accented text and a transfer path of three legs.
func sample(m domain.Media) domain.Interaction {
	in := domain.Interaction{
		ID: "i-1", Media: m, State: domain.StateClosed, Updated: start.Add(2 * time.Hour), Start: start,
		Queued: after(2 * time.Second), Assigned: after(3 * time.Second), Answered: after(5 * time.Second),
		FirstMessage: after(6 * time.Second), Finished: after(time.Hour + 7*time.Second),
		Protocol: "2025-03-17-13-20-45", ExternalProtocol: "EXT 9", Queue: "Atendimento São Paulo", Service: "São Paulo",
		Agent: &domain.Agent{ID: "a-3", Name: "Maria Conceição"}, Origin: "Portal",
		From: "5511999990000", To: "1005", DID: "551130001000",
		Contact:          &domain.Contact{Name: "João da Silva", Phone: "+5511999990000", ExternalID: "ext-7", Document: "12345678901", CRMContactID: "crm-1"},
		Status:           domain.StatusServiceTransferred,
		Portfolio:        true,
		Tags:             []string{"Ação", "reclamação"},
		Disposition:      &domain.Disposition{Code: "Resolvido"},
		InternalComments: "Cliente pediu 2ª via;\r\nAção: \"reenviar\", amanhã",
		LastResponse:     "agent",
		Duration:         domain.Duration(3_602_999), ACW: domain.Duration(30_000),
		AFRT: domain.Duration(4_500), ART: domain.Duration(61_000),
		Legs: []domain.Leg{
			{Seq: 1, AgentID: "a-1", AgentName: "Ana", Service: "Suporte", Start: *after(3 * time.Second)},
			{Seq: 2, AgentID: "a-2", Queue: "Nível 2", Start: *after(time.Minute)},
			{Seq: 3, AgentID: "a-3", AgentName: "Maria Conceição", Menu: "Retenção", Start: *after(2 * time.Minute)},
		},
	}
	switch m {
	case domain.MediaVoice:
		in.Direction = "inbound"
		in.ClientEnd, in.AgentEnd = after(time.Hour), after(time.Hour+time.Second)
		in.Voice = &domain.VoiceDetails{JitterMs: ptr(80.5), PacketLossPct: ptr(0.25), Server: "server.voip.example.com", DialedNumber: "5511999990000"}
	case domain.MediaChat, domain.MediaWhatsApp:
		in.Expiration = "active"
		in.APT, in.AUT = domain.Duration(90_000), domain.Duration(15_000)
		if m == domain.MediaWhatsApp {
			in.InitiatedBy = "customer"
		}
	}
	return in
}

func spec(f exportfile.Format, m domain.Media) exportfile.Spec {
	return exportfile.Spec{Format: f, Media: m, Loc: saoPaulo, Delimiter: ',', Lang: "en"}
}

// MustWrite writes ins as one file and returns its bytes.
func MustWrite(tb testing.TB, s exportfile.Spec, ins ...domain.Interaction) []byte {
	tb.Helper()
	var buf bytes.Buffer
	f, err := exportfile.Open(&buf, s)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	for i := range ins {
		if err := f.Add(&ins[i]); err != nil {
			tb.Fatalf("Add: %v", err)
		}
	}
	if err := f.Close(); err != nil {
		tb.Fatalf("Close: %v", err)
	}
	if got := f.Rows(); got != int64(len(ins)) {
		tb.Errorf("Rows() = %d, want %d", got, len(ins))
	}
	return buf.Bytes()
}

func MustGunzip(tb testing.TB, b []byte) []byte {
	tb.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("gunzip: %v", err)
	}
	return out
}

// MustParseCSV reads a CSV file as a spreadsheet would, the BOM removed,
// and checks that every record has the header's width.
func MustParseCSV(tb testing.TB, b []byte, comma rune) [][]string {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma = comma
	r.FieldsPerRecord = 0 // every record as wide as the first
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("parse CSV: %v\n%s", err, b)
	}
	return recs
}

// column finds a header's position.
func column(tb testing.TB, header []string, name string) int {
	tb.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	tb.Fatalf("no column %q in %s", name, strings.Join(header, "|"))
	return -1
}
