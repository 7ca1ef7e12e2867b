package exports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// MaxBody bounds POST /v1/exports's body: a request is a report's filters,
// which take at most 100 values of at most 256 characters (tracking).
const MaxBody = 64 << 10

// Reports lists the reports that can be exported. The aggregate reports'
// exports come later.
var Reports = []string{"interactions"}

// refusedParams are report parameters that shape a page, not the data: a
// file holds every row.
var refusedParams = []string{"cursor", "limit"}

// body is POST /v1/exports's JSON.
type body struct {
	Report string                `json:"report"`
	Params map[string]paramValue `json:"params"`
	Format *string               `json:"format"`
	CSV    *csvBody              `json:"csv"`
	Gzip   *bool                 `json:"gzip"`
}

type csvBody struct {
	Delimiter *string `json:"delimiter"`
	BOM       *bool   `json:"bom"`
	Language  *string `json:"language"`
}

// paramValue is a report parameter's value: a string, or an array of
// strings (a parameter given several times in a query string).
type paramValue []string

var errParamValue = errors.New("must be a string or an array of strings")

func (p *paramValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*p = nil // refused by Parse, naming the parameter
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return errParamValue
		}
		*p = paramValue{s}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return errParamValue
	}
	*p = list
	return nil
}

// Request is a checked export request: the report's parameters with the
// period, zone and order resolved, and the file's format and options with
// every default applied.
type Request struct {
	Report  string
	Params  url.Values
	Format  exportfile.Format
	Options domain.ExportOptions
	// Tracking is the report request the parameters make.
	Tracking *tracking.Request
}

// Parse reads and checks POST /v1/exports's body for the caller, whose
// tenant has settings, at now. The parameters are checked exactly as the
// report checks its query string (tracking.Parse), and the errors name
// them as params.<name>.
func Parse(raw []byte, who domain.Identity, settings domain.Settings, now time.Time) (*Request, error) {
	var b body
	if err := httpapi.DecodeStrict(raw, &b); err != nil {
		return nil, err
	}
	r := &Request{Report: b.Report}
	switch {
	case b.Report == "":
		return nil, domain.FieldErr(domain.CodeInvalid, "report", "is required: one of "+strings.Join(Reports, ", "))
	case !slices.Contains(Reports, b.Report):
		return nil, domain.FieldErr(domain.CodeInvalid, "report", fmt.Sprintf("must be one of %s (got %q)", strings.Join(Reports, ", "), domain.Clip(b.Report)))
	}
	if err := r.options(&b, settings); err != nil {
		return nil, err
	}
	if err := r.params(b.Params, who, settings, now); err != nil {
		return nil, err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	return r, nil
}

// options applies the format and its options, defaulting to the tenant's
// locale: pt-BR readers open CSV in Excel set up for a comma decimal
// separator, which expects ';' and, to read UTF-8, a byte-order mark.
// Their values are checked with the file's own rules once the report's
// media and zone are known (check).
func (r *Request) options(b *body, settings domain.Settings) error {
	r.Format = exportfile.CSV
	if b.Format != nil {
		r.Format = exportfile.Format(*b.Format)
	}
	lang := "en"
	if settings.Locale == "pt-BR" {
		lang = "pt-BR"
	}
	r.Options = domain.ExportOptions{Language: lang}
	if b.Gzip != nil {
		r.Options.Gzip = *b.Gzip
	}
	if r.Format != exportfile.CSV {
		if b.CSV != nil {
			return domain.FieldErr(domain.CodeInvalid, "csv", "applies only to format csv")
		}
		return nil
	}
	r.Options.Delimiter, r.Options.BOM = ",", false
	if lang == "pt-BR" {
		r.Options.Delimiter, r.Options.BOM = ";", true
	}
	if b.CSV == nil {
		return nil
	}
	if d := b.CSV.Delimiter; d != nil {
		r.Options.Delimiter = *d
	}
	if b.CSV.BOM != nil {
		r.Options.BOM = *b.CSV.BOM
	}
	if l := b.CSV.Language; l != nil {
		r.Options.Language = *l
	}
	return nil
}

// specFields names the file's fields (exportfile.Spec.Validate) as the
// request body does.
var specFields = map[string]string{"delimiter": "csv.delimiter", "lang": "csv.language", "media": "params.media"}

// check holds the format and options to the rules the exporter will
// write the file by. Like every other refusal of an option, it names the
// first field at fault (details list the report's parameters only).
func (r *Request) check() error {
	err := renamed(exportfile.For(string(r.Format), r.Options, r.Tracking).Validate(), func(f string) string {
		if n, ok := specFields[f]; ok {
			return n
		}
		return f
	})
	var de *domain.Error
	if errors.As(err, &de) {
		de.Details = nil
	}
	return err
}

// params checks the report's parameters as the report does and resolves
// what depends on the day and the settings (the period, the zone) and the
// order, so the job reads the same rows whenever it runs and its stored
// request says exactly what the file holds.
func (r *Request) params(in map[string]paramValue, who domain.Identity, settings domain.Settings, now time.Time) error {
	names := make([]string, 0, len(in))
	for k := range in {
		names = append(names, k)
	}
	slices.Sort(names)
	q := url.Values{}
	for _, name := range names {
		if slices.Contains(refusedParams, name) {
			return domain.FieldErr(domain.CodeBadRequest, "params."+name, "is not taken by exports: a file includes every row")
		}
		if len(in[name]) == 0 {
			return domain.FieldErr(domain.CodeBadRequest, "params."+name, "must be a string or a non-empty array of strings")
		}
		q[name] = append([]string(nil), in[name]...)
	}
	req, err := tracking.Parse(q, who, settings, now)
	if err != nil {
		return renamed(err, func(f string) string { return "params." + f })
	}
	q.Set("from", req.Range.From.String())
	q.Set("to", req.Range.To.String())
	q.Set("zone", req.Range.Loc.String())
	q.Set("sort", req.SortName())
	r.Params, r.Tracking = q, req
	return nil
}

// renamed names the fields of a domain error as the body does, such as
// params.from for the report's from.
func renamed(err error, name func(field string) string) error {
	var de *domain.Error
	if !errors.As(err, &de) || de.Field == "" {
		return err
	}
	out := *de
	out.Field = name(de.Field)
	if rest, ok := strings.CutPrefix(de.Message, de.Field); ok {
		out.Message = out.Field + rest
	}
	out.Details = nil
	for _, d := range de.Details {
		d.Field = name(d.Field)
		out.Details = append(out.Details, d)
	}
	return &out
}
