package domain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Code classifies an error for the caller. The HTTP layer maps each code to
// a status in one table; nothing else decides statuses.
type Code string

const (
	CodeInvalid      Code = "invalid"      // the input breaks a rule (422)
	CodeBadRequest   Code = "bad_request"  // the request itself is malformed (400)
	CodeUnauthorized Code = "unauthorized" // no or bad credentials (401)
	CodeForbidden    Code = "forbidden"    // identity lacks the role or scope (403)
	CodeNotFound     Code = "not_found"    // unknown id, or outside the caller's scope (404)
	CodeConflict     Code = "conflict"     // a concurrent change won (409)
	CodeTooLarge     Code = "too_large"    // body or batch over its limit (413)
	CodeURITooLong   Code = "uri_too_long" // query string over its limit (414)
	CodeInternal     Code = "internal"     // anything else; its text never reaches a client
)

// Error is an error with a code, a message safe to show a client and,
// when one field is to blame, that field's name.
type Error struct {
	Code    Code
	Message string
	Field   string
	Details []FieldError
	Err     error // wrapped cause, never shown to clients
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an Error with a formatted client-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErr is an Error blaming one field.
func FieldErr(code Code, field, reason string) *Error {
	return &Error{Code: code, Field: field, Message: field + ": " + reason}
}

// ErrorCode returns the code of err, CodeInternal for errors without one.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrNotFound is returned by lookups that find nothing; compare with errors.Is.
var ErrNotFound = &Error{Code: CodeNotFound, Message: "not found"}

// Is lets errors.Is(err, ErrNotFound) match any not-found Error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t == ErrNotFound && e.Code == CodeNotFound
}

// FieldError is one broken rule: which record (Index, for batches), which
// field (a JSON path such as "legs[2].agentId") and why.
type FieldError struct {
	Index  int    `json:"index"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// Problems collects FieldErrors while validating one record. Nested
// collectors share the parent's list, so the parent sees every problem.
type Problems struct {
	prefix string
	list   *[]FieldError
}

func (p *Problems) ensure() {
	if p.list == nil {
		p.list = &[]FieldError{}
	}
}

// Add records that field breaks a rule.
func (p *Problems) Add(field, reason string) {
	p.ensure()
	*p.list = append(*p.list, FieldError{Field: p.prefix + field, Reason: reason})
}

// Addf records a formatted reason.
func (p *Problems) Addf(field, format string, args ...any) {
	p.Add(field, fmt.Sprintf(format, args...))
}

// Nested returns a collector that prefixes its fields with prefix (such as
// "legs[2].") and adds to this one.
func (p *Problems) Nested(prefix string) *Problems {
	p.ensure()
	return &Problems{prefix: p.prefix + prefix, list: p.list}
}

// List returns the problems in field order, so messages are deterministic.
func (p *Problems) List() []FieldError {
	if p.list == nil {
		return nil
	}
	out := append([]FieldError(nil), *p.list...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// Err returns nil when nothing was added, else an invalid Error whose
// message names the first field.
func (p *Problems) Err() error {
	l := p.List()
	if len(l) == 0 {
		return nil
	}
	msg := l[0].Field + ": " + l[0].Reason
	if len(l) > 1 {
		msg += fmt.Sprintf(" (and %d more)", len(l)-1)
	}
	return &Error{Code: CodeInvalid, Message: msg, Field: l[0].Field, Details: l}
}

// BatchError combines the problems of many records, each tagged with its
// index in the batch.
func BatchError(byIndex map[int][]FieldError) error {
	if len(byIndex) == 0 {
		return nil
	}
	idx := make([]int, 0, len(byIndex))
	for i := range byIndex {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	var all []FieldError
	for _, i := range idx {
		for _, fe := range byIndex[i] {
			fe.Index = i
			all = append(all, fe)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d invalid record(s); first: [%d] %s: %s", len(idx), all[0].Index, all[0].Field, all[0].Reason)
	return &Error{Code: CodeInvalid, Message: b.String(), Field: all[0].Field, Details: all}
}
