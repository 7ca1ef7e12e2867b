package report

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Limits of a request.
const (
	MaxDays   = 366 // the longest period, in days
	maxValues = 100 // values of the "any of" filters together
	maxText   = 200 // characters of a value
)

// Params reads a report's query string, collecting every problem so the
// 400 lists them all; a parameter no reader asked for is one of them.
type Params struct {
	q     url.Values
	asked map[string]bool
	bad   []domain.FieldError
	total int
}

// NewParams starts reading q.
func NewParams(q url.Values) *Params { return &Params{q: q, asked: map[string]bool{}} }

// Fail records a problem with a parameter.
func (p *Params) Fail(field, reason string) {
	p.bad = append(p.bad, domain.FieldError{Field: field, Reason: reason})
}

// One is a single-valued parameter ("" when absent); with allowed values
// given, it must be one of them.
func (p *Params) One(name string, allowed ...string) string {
	p.asked[name] = true
	raw, ok := p.q[name]
	if !ok {
		return ""
	}
	if len(raw) > 1 {
		p.Fail(name, "must be given once")
		return ""
	}
	if reason := checkValue(raw[0]); reason != "" {
		p.Fail(name, reason)
		return ""
	}
	if len(allowed) > 0 && !slices.Contains(allowed, raw[0]) {
		p.Fail(name, fmt.Sprintf("must be one of %s (got %q)", strings.Join(allowed, ", "), domain.Clip(raw[0])))
		return ""
	}
	return raw[0]
}

// List is an "any of" parameter: repeated parameters, each a list as the
// tracking report reads it (comma-separated, a value with a comma
// double-quoted: tracking.ParseList), unique and sorted; nil when absent.
// The tracking report's "" (no value) isn't taken: an aggregate report
// filters by the values interactions have.
func (p *Params) List(name string) []string {
	p.asked[name] = true
	var out []string
	for _, r := range p.q[name] {
		vals, err := tracking.ParseList(r)
		if err != nil {
			p.Fail(name, err.Error())
			return nil
		}
		for _, v := range vals {
			if v == tracking.None {
				p.Fail(name, `does not take "" (no value): it selects interactions by the values they have`)
				return nil
			}
			if reason := checkValue(v); reason != "" {
				p.Fail(name, "values "+reason)
				return nil
			}
			out = append(out, v)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if p.total += len(out); p.total > maxValues {
		p.Fail(name, fmt.Sprintf("takes too many values: the filters together take at most %d", maxValues))
		return nil
	}
	return out
}

// Media is a list of media names, each checked.
func (p *Params) Media(name string, allowed []domain.Media) []domain.Media {
	var out []domain.Media
	for _, v := range p.List(name) {
		m := domain.Media(v)
		if !slices.Contains(allowed, m) {
			p.Fail(name, fmt.Sprintf("must be among %s (got %q)", mediaNames(allowed), domain.Clip(v)))
			return nil
		}
		out = append(out, m)
	}
	return out
}

// Int is an integer parameter in [lo, hi]; def when absent.
func (p *Params) Int(name string, lo, hi, def int) int {
	s := p.One(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.Fail(name, fmt.Sprintf("must be a whole number from %d to %d (got %q)", lo, hi, domain.Clip(s)))
		return def
	}
	return n
}

// Period reads from, to and zone (and timeFrom/timeTo when window) into a
// range. Dates default like the tracking report's (today; a lone date is
// that day); the window must start and end on quarter-hours, because
// aggregates are kept per UTC quarter-hour.
func (p *Params) Period(settings domain.Settings, now time.Time, maxDays int, window bool) period.Range {
	var r period.Range
	zone := p.One("zone")
	r.Loc = time.UTC
	if zone != "" {
		loc, err := domain.LoadZone(zone)
		if err != nil {
			p.Fail("zone", fmt.Sprintf("is not an IANA time zone (got %q)", domain.Clip(zone)))
		} else {
			r.Loc = loc
		}
	} else if loc, err := domain.LoadZone(settings.TimeZone); err == nil {
		r.Loc = loc
	}
	from, to := p.date("from"), p.date("to")
	today := period.Today(now, r.Loc)
	switch {
	case from == nil && to == nil:
		r.From, r.To = today, today
	case from == nil:
		r.From, r.To = *to, *to
	case to == nil:
		r.From, r.To = *from, today
		if today.Before(*from) {
			r.To = *from
		}
	default:
		r.From, r.To = *from, *to
	}
	if r.To.Before(r.From) {
		p.Fail("to", "must not be before from")
	} else if n := r.From.DaysUntil(r.To) + 1; n > maxDays {
		p.Fail("to", fmt.Sprintf("the period may cover at most %d days (got %d)", maxDays, n))
	}
	if window {
		r.Window = p.window()
	}
	return r
}

func (p *Params) date(name string) *period.Date {
	s := p.One(name)
	if s == "" {
		return nil
	}
	d, err := period.ParseDate(s)
	if err != nil {
		p.Fail(name, err.Error())
		return nil
	}
	return &d
}

// window reads timeFrom/timeTo. timeTo is inclusive at its precision, as
// in the tracking report: 11:59 ends at 11:59:59.999, so a window ending
// on a quarter-hour is written 11:59 or 11:59:59.
func (p *Params) window() *period.Window {
	fromS, toS := p.One("timeFrom"), p.One("timeTo")
	if fromS == "" && toS == "" {
		return nil
	}
	w := &period.Window{To: period.Clock(24*time.Hour - time.Second), ToPrec: time.Second}
	if fromS != "" {
		c, _, err := period.ParseClock(fromS)
		switch {
		case err != nil:
			p.Fail("timeFrom", err.Error())
		case time.Duration(c)%(15*time.Minute) != 0:
			p.Fail("timeFrom", fmt.Sprintf("must be on a quarter-hour (hh:00, hh:15, hh:30 or hh:45; got %q)", fromS))
		default:
			w.From = c
		}
	}
	if toS != "" {
		c, prec, err := period.ParseClock(toS)
		switch {
		case err != nil:
			p.Fail("timeTo", err.Error())
		case (time.Duration(c)+prec)%(15*time.Minute) != 0:
			p.Fail("timeTo", fmt.Sprintf("must end a quarter-hour (hh:14, hh:29, hh:44 or hh:59; got %q)", toS))
		default:
			w.To, w.ToPrec = c, prec
		}
	}
	return w
}

// Err is the 400 listing every problem, including parameters nobody
// asked for; nil when there are none.
func (p *Params) Err() error {
	var unknown []string
	for name := range p.q {
		if !p.asked[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		p.Fail(name, "is not a parameter of this report")
	}
	if len(p.bad) == 0 {
		return nil
	}
	msg := p.bad[0].Field + ": " + p.bad[0].Reason
	if len(p.bad) > 1 {
		msg += fmt.Sprintf(" (and %d more)", len(p.bad)-1)
	}
	return &domain.Error{Code: domain.CodeBadRequest, Message: msg, Field: p.bad[0].Field, Details: p.bad}
}

// checkValue rejects empty, overlong and control-character values.
func checkValue(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty"
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	case utf8.RuneCountInString(s) > maxText:
		return fmt.Sprintf("must be at most %d characters", maxText)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "must not contain control characters"
		}
	}
	return ""
}

func mediaNames(m []domain.Media) string {
	s := make([]string, len(m))
	for i, x := range m {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
