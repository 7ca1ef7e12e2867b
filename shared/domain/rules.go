package domain

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on one record. They keep an interaction inside one DynamoDB
// transaction (≤ 4 MB, ≤ 100 items with room left for rollup updates).
const (
	MaxIDLen          = 128
	MaxTextLen        = 256  // names, queues, services, numbers
	MaxLongTextLen    = 4000 // comments, notes, message content
	MaxTags           = 50
	MaxLegs           = 20
	MaxMessageBytes   = 1 << 20 // all message contents of one record together
	MaxMessages       = 1000
	MaxParticipants   = 100
	MaxFutureSkew     = 24 * time.Hour
	earliestSupported = 2000
)

var (
	idPattern       = regexp.MustCompile(`^[A-Za-z0-9._:@/+=-]+$`)
	protocolPattern = regexp.MustCompile(`^[A-Za-z0-9 ._:/#-]+$`)
	phonePattern    = regexp.MustCompile(`^\+?[0-9]{3,20}$`)
	digitsPattern   = regexp.MustCompile(`^[0-9]+$`)
	// Seed 000's email rule: local part of letters, digits, dot, underscore,
	// hyphen and plus; one @; a domain of letters, digits, dots and hyphens;
	// a top-level domain of at least two letters.
	emailPattern = regexp.MustCompile(`^[A-Za-z0-9._+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$`)
)

// ValidEmail applies seed 000's email rule. Labels may not be empty, so
// "test@.com" and "a@b..com" fail; spaces, accents and <>()[]:;\,"' can't
// match the character classes.
func ValidEmail(s string) bool {
	if len(s) > 254 || !emailPattern.MatchString(s) {
		return false
	}
	domain := s[strings.LastIndexByte(s, '@')+1:]
	for _, label := range strings.Split(domain, ".") {
		if strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return false
		}
	}
	return true
}

// checkText reports a problem when s is too long or holds control
// characters (other than newline and tab where allowed).
func checkText(p *Problems, field, s string, max int, multiline bool) {
	if s == "" {
		return
	}
	if !utf8.ValidString(s) {
		p.Add(field, "must be valid UTF-8")
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		p.Addf(field, "must be at most %d characters (got %d)", max, n)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')) {
			p.Add(field, "must not contain control characters")
			return
		}
	}
}

func checkID(p *Problems, field, s string, required bool) {
	if s == "" {
		if required {
			p.Add(field, "is required")
		}
		return
	}
	if len(s) > MaxIDLen {
		p.Addf(field, "must be at most %d characters", MaxIDLen)
	} else if !idPattern.MatchString(s) {
		p.Add(field, "may contain only letters, digits and . _ : @ / + = -")
	}
}

func checkEnum(p *Problems, field, s string, allowed ...string) {
	if s == "" {
		return
	}
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	p.Addf(field, "must be one of %s (got %q)", strings.Join(allowed, ", "), Clip(s))
}

func checkURL(p *Problems, field, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(s) > 2048 {
		p.Add(field, "must be an absolute http(s) URL of at most 2048 characters")
	}
}

// checkInstant rejects zero, pre-2000 and far-future instants.
func checkInstant(p *Problems, field string, t time.Time, now time.Time, required bool) {
	if t.IsZero() {
		if required {
			p.Add(field, "is required (RFC 3339 instant)")
		}
		return
	}
	if t.Year() < earliestSupported {
		p.Addf(field, "must not be before %d", earliestSupported)
	}
	if t.After(now.Add(MaxFutureSkew)) {
		p.Add(field, "must not be more than 24 hours in the future")
	}
}

func checkNotBefore(p *Problems, field string, t *time.Time, ref time.Time, refField string, now time.Time) {
	if t == nil {
		return
	}
	checkInstant(p, field, *t, now, false)
	if t.Before(ref) {
		p.Addf(field, "must not be before %s", refField)
	}
}

func checkTags(p *Problems, field string, tags []string) {
	if len(tags) > MaxTags {
		p.Addf(field, "must have at most %d tags", MaxTags)
	}
	for i, t := range tags {
		f := fmt.Sprintf("%s[%d]", field, i)
		if strings.TrimSpace(t) == "" {
			p.Add(f, "must not be blank")
		}
		checkText(p, f, t, 100, false)
	}
}

// Clip shortens a value quoted back in an error message to 40
// characters, never splitting one.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
