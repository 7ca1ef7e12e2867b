package botreport

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// Limits of one request.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	MaxDays      = 31 // seed 002: the interval "may not exceed thirty-one days"
	maxLabels    = 100
	maxText      = 256
	maxCursor    = 4096 // a position per channel
)

var (
	// The ingestion rules of an id and of an info key (shared/domain).
	sessionPattern = regexp.MustCompile(`^[A-Za-z0-9._:@/+=-]{1,128}$`)
	infoKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)
)

// setter reads one parameter's values into the request.
type setter func(r *Request, vals []string) error

// params are the report's query parameters; the multi-valued ones take
// comma-separated lists or repeat. Values are at most maxText characters
// unless the parameter says otherwise (max).
var params = map[string]struct {
	multi bool
	max   int
	set   setter
}{
	"from": {set: func(r *Request, v []string) error { return parseDate(&r.from, v[0]) }},
	"to":   {set: func(r *Request, v []string) error { return parseDate(&r.to, v[0]) }},
	"zone": {set: func(r *Request, v []string) error {
		loc, err := domain.LoadZone(v[0])
		if err != nil {
			return fmt.Errorf("is not an IANA time zone (got %q)", domain.Clip(v[0]))
		}
		r.Range.Loc = loc
		return nil
	}},
	"session": {set: func(r *Request, v []string) error {
		if !sessionPattern.MatchString(v[0]) {
			return fmt.Errorf("must be a session id: 1-128 letters, digits and . _ : @ / + = - (got %q)", domain.Clip(v[0]))
		}
		r.Filter.Session = v[0]
		return nil
	}},
	"protocol": {set: func(r *Request, v []string) error {
		if !domain.ValidBotProtocol(v[0]) {
			return fmt.Errorf("must be 17 digits beginning with a date as YYYYMMDD, e.g. 20251007092633646 (got %q)", domain.Clip(v[0]))
		}
		r.Filter.Protocol = v[0]
		return nil
	}},
	"labels": {multi: true, set: func(r *Request, v []string) error {
		if len(v) > maxLabels {
			return fmt.Errorf("takes at most %d labels", maxLabels)
		}
		r.Filter.LabelsAny = v
		return nil
	}},
	"info": {set: func(r *Request, v []string) error {
		if !infoKeyPattern.MatchString(v[0]) {
			return fmt.Errorf("must be an additional-information key: 1-64 letters, digits and _ . - (got %q)", domain.Clip(v[0]))
		}
		r.info().Key = v[0]
		return nil
	}},
	"op": {set: func(r *Request, v []string) error {
		op := store.InfoOp(v[0])
		if !slices.Contains(store.InfoOps, op) {
			return fmt.Errorf("must be one of %s (got %q)", opNames(), domain.Clip(v[0]))
		}
		r.info().Op = op
		return nil
	}},
	"value": {set: func(r *Request, v []string) error {
		r.info().Value = v[0]
		r.valueSet = true
		return nil
	}},
	"channel": {multi: true, set: func(r *Request, v []string) error {
		for _, c := range v {
			if !domain.Media(c).IsText() {
				return fmt.Errorf("must be channels among %s (got %q)", strings.Join(strs(domain.TextMedia), ", "), domain.Clip(c))
			}
			r.Channels = append(r.Channels, domain.Media(c))
		}
		return nil
	}},
	"contact": {set: func(r *Request, v []string) error {
		if strings.TrimSpace(store.Fold(v[0])) == "" {
			return fmt.Errorf("must contain letters or digits to search for (got %q)", domain.Clip(v[0]))
		}
		r.Filter.Contact = strings.TrimSpace(v[0])
		return nil
	}},
	"sort": {set: func(r *Request, v []string) error {
		switch v[0] {
		case "desc", "asc":
			r.Desc = v[0] == "desc"
			return nil
		}
		return fmt.Errorf("must be desc (newest first) or asc (got %q)", domain.Clip(v[0]))
	}},
	"limit": {set: func(r *Request, v []string) error {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > MaxLimit {
			return fmt.Errorf("must be a whole number from 1 to %d (got %q)", MaxLimit, domain.Clip(v[0]))
		}
		r.Limit = n
		return nil
	}},
	"cursor": {max: maxCursor, set: func(r *Request, v []string) error { r.Cursor = v[0]; return nil }},
}

func parseDate(dst **period.Date, s string) error {
	d, err := period.ParseDate(s)
	if err == nil {
		*dst = &d
	}
	return err
}

// split reads a parameter's raw values: one value, or, for a multi-valued
// parameter, every comma-separated item, deduplicated and sorted; each at
// most max characters.
func split(raw []string, multi bool, max int) ([]string, error) {
	if !multi {
		if len(raw) != 1 {
			return nil, fmt.Errorf("must be given once")
		}
		return raw, plainText(raw[0], max)
	}
	var out []string
	for _, r := range raw {
		for _, v := range strings.Split(r, ",") {
			v = strings.TrimSpace(v)
			if err := plainText(v, max); err != nil {
				return nil, fmt.Errorf("values %w", err)
			}
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// plainText refuses an empty value, one over max characters (maxText
// when 0), or one with control characters.
func plainText(s string, max int) error {
	if max == 0 {
		max = maxText
	}
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("must not be empty")
	case !utf8.ValidString(s):
		return fmt.Errorf("must be valid UTF-8")
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("must be at most %d characters", max)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("must not contain control characters")
	}
	return nil
}

func opNames() string { return strings.Join(strs(store.InfoOps), ", ") }

func strs[S ~string](v []S) []string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = string(s)
	}
	return out
}
