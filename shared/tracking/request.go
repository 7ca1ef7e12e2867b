package tracking

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// Request is a parsed and checked report request, already scoped to the
// caller: a supervisor's request carries their queues.
type Request struct {
	Media  domain.Media
	Range  period.Range
	Filter store.RowFilter
	Desc   bool
	Limit  int
	Cursor string

	from, to         *period.Date
	timeFrom, timeTo *period.Clock
	timeToPrec       time.Duration
	queue            string
	serviceStatusSet bool
	stateSet         bool
}

// Parse reads the report's query string for the caller. Unknown
// parameters, values that don't parse and filters given for a media they
// don't apply to are bad requests naming the parameter; a supervisor
// asking for a queue that isn't theirs is forbidden.
func Parse(q url.Values, id domain.Identity, settings domain.Settings, now time.Time) (*Request, error) {
	var bad []domain.FieldError
	fail := func(field, reason string) { bad = append(bad, domain.FieldError{Field: field, Reason: reason}) }

	r := &Request{Limit: DefaultLimit, Desc: true}
	media := domain.Media(q.Get("media"))
	switch {
	case len(q["media"]) == 0 || media == "":
		fail("media", "is required: one of "+mediaNames())
	case len(q["media"]) > 1:
		fail("media", "must be given once")
	case !media.Valid():
		fail("media", "must be one of "+mediaNames()+" (got \""+domain.Clip(string(media))+"\")")
	}
	r.Media = media

	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	sort.Strings(names)
	total := 0 // values of the multi-valued filters together
	for _, name := range names {
		p, ok := paramByName(name)
		if !ok {
			fail(name, "is not a parameter of this report")
			continue
		}
		if name == "media" {
			continue
		}
		if media.Valid() && p.media != nil && !slices.Contains(p.media, media) {
			fail(name, "does not apply to media "+string(media))
			continue
		}
		vals, reason := values(q[name], p)
		if reason == "" && p.multi {
			if total += len(vals); total > maxValues {
				reason = fmt.Sprintf("takes too many values: the filters together take at most %d", maxValues)
			}
		}
		if reason != "" {
			fail(name, reason)
			continue
		}
		if err := p.set(r, vals); err != nil {
			fail(name, err.Error())
		}
	}
	if len(bad) == 0 {
		r.finish(settings, now, fail)
	}
	if len(bad) > 0 {
		return nil, badRequest(bad)
	}
	return r, r.scope(id)
}

// values reads a parameter's values: one, or for a list every value of
// every occurrence (repeated parameters and comma-separated lists both
// give several; see ParseList), unique and sorted. reason says what is
// wrong, "" when nothing is.
func values(raw []string, p *param) ([]string, string) {
	if !p.multi {
		if len(raw) > 1 {
			return nil, "must be given once"
		}
		if err := checkValue(raw[0]); err != nil {
			return nil, err.Error()
		}
		return raw, ""
	}
	var out []string
	for _, r := range raw {
		vals, err := ParseList(r)
		if err != nil {
			return nil, err.Error()
		}
		out = append(out, vals...)
	}
	sort.Strings(out)
	out = slices.Compact(out)
	if reason := checkList(out, p); reason != "" {
		return nil, reason
	}
	return out, ""
}

// checkList checks a list's values: None where the parameter takes it,
// else a value checkValue accepts; at most maxValues of them.
func checkList(vals []string, p *param) string {
	for _, v := range vals {
		if v == None {
			if !p.none {
				return `does not take "" (no value): it selects interactions by the values they have`
			}
			continue
		}
		if err := checkValue(v); err != nil {
			return "values " + err.Error()
		}
	}
	if len(vals) > maxValues {
		return fmt.Sprintf("takes at most %d values", maxValues)
	}
	return ""
}

// Takes reports whether the report takes the parameter name with these
// values (already split: a list's, or a single value) for media m, as
// Parse would: aggregate reports state their drill-downs with it and
// must not link to a query the report refuses.
func Takes(name string, m domain.Media, vals []string) bool {
	p, ok := paramByName(name)
	if !ok || p.media != nil && !slices.Contains(p.media, m) || len(vals) == 0 {
		return false
	}
	if p.multi {
		vals = slices.Compact(slices.Sorted(slices.Values(vals)))
		if checkList(vals, p) != "" {
			return false
		}
	} else if len(vals) != 1 || checkValue(vals[0]) != nil {
		return false
	}
	return p.set(&Request{Media: m}, vals) == nil
}

// finish applies the defaults that depend on other parameters and checks
// the period.
func (r *Request) finish(settings domain.Settings, now time.Time, fail func(field, reason string)) {
	if r.Range.Loc == nil {
		loc, err := domain.LoadZone(settings.TimeZone)
		if err != nil {
			loc = time.UTC
		}
		r.Range.Loc = loc
	}
	today := period.Today(now, r.Range.Loc)
	switch {
	case r.from == nil && r.to == nil:
		r.Range.From, r.Range.To = today, today
	case r.from == nil:
		r.Range.From, r.Range.To = *r.to, *r.to
	case r.to == nil:
		r.Range.From, r.Range.To = *r.from, today
		if today.Before(*r.from) {
			r.Range.To = *r.from
		}
	default:
		r.Range.From, r.Range.To = *r.from, *r.to
	}
	if r.Range.To.Before(r.Range.From) {
		fail("to", "must not be before from")
	} else if n := r.Range.From.DaysUntil(r.Range.To) + 1; n > MaxDays {
		fail("to", "the period may cover at most 366 days")
	}
	if r.timeFrom != nil || r.timeTo != nil {
		w := &period.Window{To: period.Clock(24*time.Hour - time.Second), ToPrec: time.Second}
		if r.timeFrom != nil {
			w.From = *r.timeFrom
		}
		if r.timeTo != nil {
			w.To, w.ToPrec = *r.timeTo, r.timeToPrec
		}
		r.Range.Window = w
	}
	// Seed 000 reports finalized interactions; seed 004's active ones are
	// asked for with state=active or all.
	if !r.stateSet {
		r.Filter.States = []domain.State{domain.StateClosed}
	}
	// Seed 000: "Service Completed is selected by default" where service
	// status applies, on its list of finalized interactions. Active ones
	// have no final status yet, so the default would hide every one of
	// them: it applies only to the closed list.
	closedOnly := len(r.Filter.States) == 1 && r.Filter.States[0] == domain.StateClosed
	if !r.serviceStatusSet && closedOnly && slices.Contains(serviceStatusMedia, r.Media) {
		r.Filter.Statuses = []domain.FinalStatus{domain.StatusServiceCompleted}
	}
}

// scope narrows the request to what the caller may see: a supervisor's
// queues, or the one queue asked for if it is one of them.
func (r *Request) scope(id domain.Identity) error {
	switch {
	case r.queue != "" && !id.CanSeeQueue(r.queue):
		return domain.FieldErr(domain.CodeForbidden, "queue", "is not one of your queues")
	case r.queue != "":
		r.Filter.Queues = []string{r.queue}
	case id.Role != domain.RoleAdmin:
		r.Filter.Queues = append([]string{}, id.Queues...)
		sort.Strings(r.Filter.Queues)
	}
	return nil
}

// Query is the store query the request asks for.
func (r *Request) Query() store.RowQuery {
	var spans []store.Span
	for _, s := range r.Range.Spans() {
		spans = append(spans, store.Span{From: s.From, To: s.To})
	}
	return store.RowQuery{Media: r.Media, Spans: spans, Filter: r.Filter, Desc: r.Desc}
}

// Scope digests everything that decides which rows the request reads and
// in what order, so a cursor is only good for the request that made it.
func (r *Request) Scope() string {
	f, _ := json.Marshal(r.Filter)
	var w string
	if r.Range.Window != nil {
		w = r.Range.Window.From.String() + "-" + r.Range.Window.To.String() + "/" + r.Range.Window.ToPrec.String()
	}
	return cursor.Scope("interactions", string(r.Media), r.Range.Loc.String(), r.Range.From.String(), r.Range.To.String(), w, string(f), r.SortName())
}

func badRequest(l []domain.FieldError) error {
	msg := l[0].Field + ": " + l[0].Reason
	if len(l) > 1 {
		msg += fmt.Sprintf(" (and %d more)", len(l)-1)
	}
	return &domain.Error{Code: domain.CodeBadRequest, Message: msg, Field: l[0].Field, Details: l}
}

func mediaNames() string {
	var s []string
	for _, m := range domain.AllMedia {
		s = append(s, string(m))
	}
	return strings.Join(s, ", ")
}

// SortName is the sort order as the request names it.
func (r *Request) SortName() string {
	if r.Desc {
		return "desc"
	}
	return "asc"
}
