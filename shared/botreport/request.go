package botreport

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
	Range    period.Range
	Channels []domain.Media // the channels named, sorted; every text channel when none is
	Filter   store.BotFilter
	Desc     bool
	Limit    int
	Cursor   string

	from, to *period.Date
	valueSet bool
}

// info is the request's additional-information condition, made on first
// use by info, op or value.
func (r *Request) info() *store.InfoFilter {
	if r.Filter.Info == nil {
		r.Filter.Info = &store.InfoFilter{}
	}
	return r.Filter.Info
}

// Parse reads the report's query string for the caller. An unknown
// parameter, a value that doesn't parse and a combination that doesn't
// make sense are bad requests naming the parameter, every one of them in
// the error's details.
func Parse(q url.Values, id domain.Identity, settings domain.Settings, now time.Time) (*Request, error) {
	var bad []domain.FieldError
	fail := func(field, reason string) { bad = append(bad, domain.FieldError{Field: field, Reason: reason}) }
	r := &Request{Limit: DefaultLimit, Desc: true}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		p, ok := params[name]
		if !ok {
			fail(domain.Clip(name), "is not a parameter of this report")
			continue
		}
		vals, err := split(q[name], p.multi, p.max)
		if err == nil {
			err = p.set(r, vals)
		}
		if err != nil {
			fail(name, err.Error())
		}
	}
	if len(bad) == 0 {
		r.finish(settings, now, fail)
	}
	if len(bad) > 0 {
		msg := bad[0].Field + ": " + bad[0].Reason
		if len(bad) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(bad)-1)
		}
		return nil, &domain.Error{Code: domain.CodeBadRequest, Message: msg, Field: bad[0].Field, Details: bad}
	}
	r.Filter.Queues = queueScope(id)
	return r, nil
}

// finish checks what depends on several parameters and fills in the
// defaults: the tenant's zone, every text channel, and the period.
func (r *Request) finish(settings domain.Settings, now time.Time, fail func(field, reason string)) {
	if in := r.Filter.Info; in != nil {
		switch {
		case in.Key == "":
			fail("info", "is required with op and value: the additional-information key")
		case in.Op == "":
			fail("op", "is required with info: one of "+opNames())
		case in.Op == store.InfoExists && r.valueSet:
			fail("value", "is not used with op=exists")
		case in.Op != store.InfoExists && !r.valueSet:
			fail("value", "is required with op="+string(in.Op))
		}
	}
	if r.Channels == nil {
		r.Channels = domain.TextMedia // a bot converses on every text media
	}
	if r.Range.Loc == nil {
		loc, err := domain.LoadZone(settings.TimeZone)
		if err != nil {
			loc = time.UTC
		}
		r.Range.Loc = loc
	}
	// The screen opens on the latest sessions: without dates, the longest
	// period allowed, ending today.
	today := period.Today(now, r.Range.Loc)
	switch {
	case r.from == nil && r.to == nil:
		r.Range.From, r.Range.To = today.AddDays(1-MaxDays), today
	case r.from == nil:
		r.Range.From, r.Range.To = r.to.AddDays(1-MaxDays), *r.to
	case r.to == nil:
		r.Range.From, r.Range.To = *r.from, r.from.AddDays(MaxDays-1)
		if today.Before(r.Range.To) {
			r.Range.To = today
		}
		if r.Range.To.Before(*r.from) {
			r.Range.To = *r.from
		}
	default:
		r.Range.From, r.Range.To = *r.from, *r.to
	}
	if r.Range.To.Before(r.Range.From) {
		fail("to", "must not be before from")
	} else if r.Range.From.DaysUntil(r.Range.To)+1 > MaxDays {
		fail("to", fmt.Sprintf("the period may cover at most %d days (from %s to %s is %d)", MaxDays, r.Range.From, r.Range.To, r.Range.From.DaysUntil(r.Range.To)+1))
	}
}

// queueScope is the queues the caller may see sessions of: every one for
// an admin (nil), the assigned ones for a supervisor (maybe none), none
// for anyone else. A session that never reached a human queue has none,
// so only admins see it.
func queueScope(id domain.Identity) []string {
	switch id.Role {
	case domain.RoleAdmin:
		return nil
	case domain.RoleSupervisor:
		q := append([]string{}, id.Queues...)
		slices.Sort(q)
		return slices.Compact(q)
	}
	return []string{}
}

// Query is the store query the request asks for.
func (r *Request) Query() store.BotQuery {
	var spans []store.Span
	for _, s := range r.Range.Spans() {
		spans = append(spans, store.Span{From: s.From, To: s.To})
	}
	return store.BotQuery{Channels: r.Channels, Spans: spans, Filter: r.Filter, Desc: r.Desc}
}

// End is the instant the period ends (exclusive).
func (r *Request) End() time.Time {
	spans := r.Range.Spans()
	return spans[len(spans)-1].To
}

// Scope digests everything that decides which sessions the request reads
// and in what order, the caller's queues included, so a cursor is only
// good for the request (and the kind of caller) that made it.
func (r *Request) Scope() string {
	f, _ := json.Marshal(r.Filter)
	return cursor.Scope("bot-conversations", r.Range.Loc.String(), r.Range.From.String(), r.Range.To.String(),
		strings.Join(strs(r.Channels), ","), string(f), r.SortName())
}

// SortName is the order as the request names it.
func (r *Request) SortName() string {
	if r.Desc {
		return "desc"
	}
	return "asc"
}
