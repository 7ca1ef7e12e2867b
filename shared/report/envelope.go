package report

import (
	"net/url"
	"slices"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
)

// Envelope is what every aggregate response carries besides its rows.
type Envelope struct {
	Report   string `json:"report"`
	View     string `json:"view,omitempty"`
	Zone     string `json:"zone"`
	From     string `json:"from"`
	To       string `json:"to"`
	TimeFrom string `json:"timeFrom,omitempty"`
	TimeTo   string `json:"timeTo,omitempty"`
	// GeneratedAt is when the response was computed. DataThrough is the
	// instant up to which it counts every stored interaction: rollups
	// change in the same transaction as the rows, so that is the earlier
	// of the period's end and GeneratedAt.
	GeneratedAt string `json:"generatedAt"`
	DataThrough string `json:"dataThrough"`
	// ReadUnits is the DynamoDB read capacity the response consumed;
	// admins only (HideCosts).
	ReadUnits float64 `json:"readUnits,omitempty"`
	Drill     *Drill  `json:"drill,omitempty"`
}

// HideCosts drops what the response cost to read (httpapi.ForCaller).
func (e *Envelope) HideCosts() { e.ReadUnits = 0 }

// NewEnvelope fills the envelope's period and watermarks.
func NewEnvelope(name, view string, r period.Range, now time.Time) Envelope {
	e := Envelope{
		Report: name, View: view, Zone: r.Loc.String(), From: r.From.String(), To: r.To.String(),
		GeneratedAt: domain.FormatInstant(now),
	}
	if w := r.Window; w != nil {
		e.TimeFrom, e.TimeTo = w.From.String(), w.To.String()
	}
	end := now
	if spans := r.Spans(); len(spans) > 0 {
		end = minTime(now, spans[len(spans)-1].To)
	}
	e.DataThrough = domain.FormatInstant(end)
	return e
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Drill links every number to the tracking-report query listing the
// interactions behind it. The query of a number is composed, so that a
// table of hundreds of rows doesn't repeat it hundreds of times: for each
// media in the row's media, the parameters of Base[media], then the row's
// drill, then Metrics[metric].Query, a parameter given by a later part
// replacing the earlier one's (a date row's from/to replace the period's);
// Query does it. A metric whose query doesn't apply to a media
// (Metrics[metric].Media lists those it does) lists the row's interactions
// for it; averages list the interactions averaged over.
type Drill struct {
	Path    string                  `json:"path"`
	Base    map[domain.Media]string `json:"base"`
	Metrics map[string]DrillMetric  `json:"metrics"`
}

// DrillMetric is the tracking filter that narrows a row to one metric.
type DrillMetric struct {
	Query string         `json:"query,omitempty"`
	Media []domain.Media `json:"media,omitempty"` // nil: every media
}

// TrackingPath is the tracking report's route.
const TrackingPath = "/v1/reports/interactions"

// NewDrill builds the base query per media: the period, zone and window,
// every interaction state, and the report's filters that apply to the
// media (filters(m) gives them as tracking parameters).
func NewDrill(r period.Range, media []domain.Media, filters func(m domain.Media) url.Values) *Drill {
	d := &Drill{Path: TrackingPath, Base: map[domain.Media]string{}, Metrics: map[string]DrillMetric{}}
	for _, m := range media {
		q := url.Values{}
		if filters != nil {
			q = filters(m)
		}
		q.Set("media", string(m))
		q.Set("from", r.From.String())
		q.Set("to", r.To.String())
		q.Set("zone", r.Loc.String())
		if w := r.Window; w != nil {
			q.Set("timeFrom", w.From.String())
			q.Set("timeTo", w.To.String())
		}
		// Aggregates count interactions in every state and with every
		// final status; the tracking report's defaults (closed, completed)
		// are switched off.
		q.Set("state", "all")
		if Applies("serviceStatus", m) {
			q.Set("serviceStatus", "all")
		}
		d.Base[m] = q.Encode()
	}
	return d
}

// Query is the complete tracking query of a number: the row's filters,
// the metric's, for media m.
func (d *Drill) Query(m domain.Media, row, metric string) string {
	parts := []string{d.Base[m], row}
	if dm, ok := d.Metrics[metric]; ok && (dm.Media == nil || slices.Contains(dm.Media, m)) {
		parts = append(parts, dm.Query)
	}
	q := url.Values{}
	for _, p := range parts {
		v, _ := url.ParseQuery(p)
		for k, x := range v {
			q[k] = x
		}
	}
	return d.Path + "?" + q.Encode()
}

// Avg is a mean in seconds from a sum in milliseconds, 0 when n is 0,
// rounded to the millisecond.
func Avg(sumMs, n int64) float64 {
	if n == 0 {
		return 0
	}
	return float64((sumMs+n/2)/n) / 1000
}

// Ratio is x/n as a mean rounded to two decimals (CSAT), 0 when n is 0.
func Ratio(x, n int64) float64 {
	if n == 0 {
		return 0
	}
	return float64((x*100+n/2)/n) / 100
}

// Percent is 100·x/n rounded to one decimal, 0 when n is 0.
func Percent(x, n int64) float64 {
	if n == 0 {
		return 0
	}
	return float64((x*1000+n/2)/n) / 10
}

// Column names a field of a report's rows, with its header.
type Column struct {
	Key    string `json:"key"`
	Header string `json:"header"`
}
