package exports_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/tracking"
)

var (
	// 01:00 UTC on the 5th is still the 4th in São Paulo.
	parseNow = time.Date(2026, 11, 5, 1, 0, 0, 0, time.UTC)
	ptBR     = domain.Settings{TimeZone: "America/Sao_Paulo", Locale: "pt-BR", SLAMinutes: []int{1, 5}}
	en       = domain.Settings{TimeZone: "UTC", Locale: "en", SLAMinutes: []int{1, 5}}
	anAdmin  = domain.Identity{Tenant: "acme", UserID: "u-1", Role: domain.RoleAdmin, Queues: []string{}}
)

func TestParseRefuses(t *testing.T) {
	const ok = `"report":"interactions","params":{"media":"whatsapp","from":"2026-10-01","to":"2026-10-31"}`
	tests := []struct {
		name   string
		body   string
		status int
		field  string
	}{
		{"not JSON", `{`, 400, ""},
		{"not an object", `[1]`, 400, "body"},
		{"two values", `{` + ok + `} {}`, 400, ""},
		{"unknown field", `{` + ok + `,"sheet":"x"}`, 400, "sheet"},
		{"unknown csv field", `{` + ok + `,"csv":{"quote":"'"}}`, 400, "csv.quote"},
		{"report not a string", `{"report":1,"params":{"media":"voice"}}`, 400, "report"},
		{"no report", `{"params":{"media":"voice"}}`, 422, "report"},
		{"aggregate report", `{"report":"agents","params":{"media":"voice"}}`, 422, "report"},
		{"unknown format", `{` + ok + `,"format":"pdf"}`, 422, "format"},
		{"format not a string", `{` + ok + `,"format":true}`, 400, "format"},
		{"gzip not a bool", `{` + ok + `,"gzip":"yes"}`, 400, "gzip"},
		{"gzip with xlsx", `{` + ok + `,"format":"xlsx","gzip":true}`, 422, "gzip"},
		{"csv options with xlsx", `{` + ok + `,"format":"xlsx","csv":{"delimiter":";"}}`, 422, "csv"},
		{"csv options with jsonl", `{` + ok + `,"format":"jsonl","csv":{}}`, 422, "csv"},
		{"tab delimiter", `{` + ok + `,"csv":{"delimiter":"\t"}}`, 422, "csv.delimiter"},
		{"empty delimiter", `{` + ok + `,"csv":{"delimiter":""}}`, 422, "csv.delimiter"},
		{"unknown language", `{` + ok + `,"csv":{"language":"fr"}}`, 422, "csv.language"},
		{"bom not a bool", `{` + ok + `,"csv":{"bom":1}}`, 400, "csv.bom"},
		{"params not an object", `{"report":"interactions","params":["media"]}`, 400, "params"},
		{"no params", `{"report":"interactions"}`, 400, "params.media"},
		{"no media", `{"report":"interactions","params":{"from":"2026-10-01"}}`, 400, "params.media"},
		{"unknown media", `{"report":"interactions","params":{"media":"fax"}}`, 400, "params.media"},
		{"media twice", `{"report":"interactions","params":{"media":["voice","chat"]}}`, 400, "params.media"},
		{"bad from", `{"report":"interactions","params":{"media":"voice","from":"2026-13-01"}}`, 400, "params.from"},
		{"to before from", `{"report":"interactions","params":{"media":"voice","from":"2026-10-02","to":"2026-10-01"}}`, 400, "params.to"},
		{"unknown parameter", `{"report":"interactions","params":{"media":"voice","colour":"red"}}`, 400, "params.colour"},
		{"filter of another media", `{"report":"interactions","params":{"media":"voice","email":"a@b.co"}}`, 400, "params.email"},
		{"cursor", `{"report":"interactions","params":{"media":"voice","cursor":"abc"}}`, 400, "params.cursor"},
		{"limit", `{"report":"interactions","params":{"media":"voice","limit":"50"}}`, 400, "params.limit"},
		{"bad sort", `{"report":"interactions","params":{"media":"voice","sort":"up"}}`, 400, "params.sort"},
		{"empty array", `{"report":"interactions","params":{"media":"voice","agents":[]}}`, 400, "params.agents"},
		{"null value", `{"report":"interactions","params":{"media":"voice","agents":null}}`, 400, "params.agents"},
		{"number value", `{"report":"interactions","params":{"media":"voice","agents":5}}`, 400, "params.agents"},
		{"array of numbers", `{"report":"interactions","params":{"media":"voice","agents":[1,2]}}`, 400, "params.agents"},
		{"empty value", `{"report":"interactions","params":{"media":"voice","protocol":""}}`, 400, "params.protocol"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := exports.Parse([]byte(tc.body), anAdmin, en, parseNow)
			if err == nil {
				t.Fatal("accepted")
			}
			if got := httpapi.Status(err); got != tc.status {
				t.Errorf("status %d, want %d (%v)", got, tc.status, err)
			}
			var de *domain.Error
			if !asDomain(err, &de) || de.Field != tc.field {
				t.Errorf("field %q, want %q (%v)", fieldOf(de), tc.field, err)
			}
			if de != nil && tc.field != "" && !strings.HasPrefix(de.Message, tc.field+":") {
				t.Errorf("message %q does not start with the field", de.Message)
			}
			if de != nil {
				for _, d := range de.Details {
					if !strings.HasPrefix(d.Field, "params.") {
						t.Errorf("detail %+v is not named as the body's", d)
					}
				}
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	tests := []struct {
		name     string
		settings domain.Settings
		body     string
		format   exportfile.Format
		options  domain.ExportOptions
		params   url.Values
	}{
		{
			"pt-BR tenant, csv by default, today in its zone",
			ptBR, `{"report":"interactions","params":{"media":"whatsapp"}}`,
			exportfile.CSV, domain.ExportOptions{Delimiter: ";", BOM: true, Language: "pt-BR"},
			url.Values{"media": {"whatsapp"}, "from": {"2026-11-04"}, "to": {"2026-11-04"}, "zone": {"America/Sao_Paulo"}, "sort": {"desc"}},
		},
		{
			"en tenant",
			en, `{"report":"interactions","params":{"media":"voice","from":"2026-10-01"}}`,
			exportfile.CSV, domain.ExportOptions{Delimiter: ",", Language: "en"},
			url.Values{"media": {"voice"}, "from": {"2026-10-01"}, "to": {"2026-11-05"}, "zone": {"UTC"}, "sort": {"desc"}},
		},
		{
			"explicit csv options and gzip, a zone and sort",
			ptBR, `{"report":"interactions","params":{"media":"chat","to":"2026-10-31","zone":"Asia/Kolkata","sort":"asc","agents":["a2","a1"],"tags":"x"},` +
				`"format":"csv","csv":{"delimiter":",","bom":false,"language":"en"},"gzip":true}`,
			exportfile.CSV, domain.ExportOptions{Delimiter: ",", Language: "en", Gzip: true},
			url.Values{"media": {"chat"}, "from": {"2026-10-31"}, "to": {"2026-10-31"}, "zone": {"Asia/Kolkata"}, "sort": {"asc"}, "agents": {"a2", "a1"}, "tags": {"x"}},
		},
		{
			"xlsx: no csv options, the tenant's language",
			ptBR, `{"report":"interactions","params":{"media":"email","from":"2026-10-01","to":"2026-10-31"},"format":"xlsx","gzip":false}`,
			exportfile.XLSX, domain.ExportOptions{Language: "pt-BR"},
			url.Values{"media": {"email"}, "from": {"2026-10-01"}, "to": {"2026-10-31"}, "zone": {"America/Sao_Paulo"}, "sort": {"desc"}},
		},
		{
			"jsonl gzipped",
			en, `{"report":"interactions","params":{"media":"voice","from":"2026-10-01","to":"2026-10-31"},"format":"jsonl","gzip":true}`,
			exportfile.JSONL, domain.ExportOptions{Language: "en", Gzip: true},
			url.Values{"media": {"voice"}, "from": {"2026-10-01"}, "to": {"2026-10-31"}, "zone": {"UTC"}, "sort": {"desc"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := exports.Parse([]byte(tc.body), anAdmin, tc.settings, parseNow)
			if err != nil {
				t.Fatal(err)
			}
			if r.Report != "interactions" || r.Format != tc.format || r.Options != tc.options {
				t.Errorf("report %q format %q options %+v, want %q %+v", r.Report, r.Format, r.Options, tc.format, tc.options)
			}
			if r.Params.Encode() != tc.params.Encode() {
				t.Errorf("params %s\nwant   %s", r.Params.Encode(), tc.params.Encode())
			}
			// The stored params read the same rows later, in another
			// tenant zone, on another day.
			later, err := tracking.Parse(r.Params, anAdmin, en, parseNow.AddDate(0, 2, 0))
			if err != nil {
				t.Fatal(err)
			}
			if a, b := mustJSON(t, r.Tracking.Query()), mustJSON(t, later.Query()); a != b {
				t.Errorf("re-read query differs:\n%s\n%s", a, b)
			}
		})
	}
}

func TestFileExpires(t *testing.T) {
	started := time.Date(2026, 10, 1, 23, 50, 0, 0, time.UTC)
	tests := []struct {
		name string
		job  domain.ExportJob
		want string // "" = none
	}{
		{"succeeded", domain.ExportJob{Status: domain.ExportSucceeded, Started: &started}, "2026-10-09T00:00:00Z"},
		{"started at midnight", domain.ExportJob{Status: domain.ExportSucceeded, Started: tp(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))}, "2026-10-08T00:00:00Z"},
		{"failed", domain.ExportJob{Status: domain.ExportFailed, Started: &started}, ""},
		{"running", domain.ExportJob{Status: domain.ExportRunning, Started: &started}, ""},
	}
	for _, tc := range tests {
		got, ok := exports.FileExpires(&tc.job)
		if s := fmt.Sprint(ok); ok && got.Format(time.RFC3339) != tc.want || !ok && tc.want != "" {
			t.Errorf("%s: %v %s, want %q", tc.name, got, s, tc.want)
		}
	}
}

func tp(t time.Time) *time.Time { return &t }

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func asDomain(err error, de **domain.Error) bool {
	e, ok := err.(*domain.Error)
	*de = e
	return ok
}

func fieldOf(de *domain.Error) string {
	if de == nil {
		return "<no domain error>"
	}
	return de.Field
}
