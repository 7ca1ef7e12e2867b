package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
)

// expr builds a DynamoDB condition with placeholder names and values, so
// no attribute name or user value is ever spliced into the expression.
type expr struct {
	names  map[string]string
	values map[string]types.AttributeValue
	terms  []string
}

func newExpr() *expr {
	return &expr{names: map[string]string{}, values: map[string]types.AttributeValue{}}
}

// path turns a dotted attribute path ("contact.email") into placeholders.
func (e *expr) path(p string) string {
	parts := strings.Split(p, ".")
	for i, name := range parts {
		ph := "#" + name
		e.names[ph] = name
		parts[i] = ph
	}
	return strings.Join(parts, ".")
}

func (e *expr) value(v types.AttributeValue) string {
	ph := fmt.Sprintf(":v%d", len(e.values))
	e.values[ph] = v
	return ph
}

func (e *expr) str(s string) string { return e.value(&types.AttributeValueMemberS{Value: s}) }

func (e *expr) and(term string) { e.terms = append(e.terms, term) }

// eq: the attribute equals s.
func (e *expr) eq(attr, s string) { e.and(e.path(attr) + " = " + e.str(s)) }

// in: the attribute equals one of vals. DynamoDB allows 100 operands per
// IN, so longer lists become an OR of INs.
func (e *expr) in(attr string, vals []string) { e.and(e.inTerm(attr, vals)) }

func (e *expr) inTerm(attr string, vals []string) string {
	p := e.path(attr)
	var groups []string
	for i := 0; i < len(vals); i += 100 {
		var phs []string
		for _, v := range vals[i:min(i+100, len(vals))] {
			phs = append(phs, e.str(v))
		}
		groups = append(groups, p+" IN ("+strings.Join(phs, ", ")+")")
	}
	return or(groups)
}

// containsAny: the list, set or string attribute contains one of vals.
func (e *expr) containsAny(attr string, vals []string) { e.and(e.containsTerm(attr, vals)) }

func (e *expr) containsTerm(attr string, vals []string) string {
	p := e.path(attr)
	var terms []string
	for _, v := range vals {
		terms = append(terms, "contains("+p+", "+e.str(v)+")")
	}
	return or(terms)
}

// orNone is an "any of" list that may hold None: the values other than
// None are tested by has (inTerm or containsTerm), and None matches a row
// without the attribute. The item layout stores no empty value (the
// marshaler omits empty strings and sets), so a missing attribute is
// exactly "no value"; a list of only None is just that test.
func (e *expr) orNone(attr string, vals []string, has func(attr string, vals []string) string) {
	values := slices.DeleteFunc(slices.Clone(vals), func(v string) bool { return v == None })
	var terms []string
	if len(values) < len(vals) {
		terms = append(terms, e.missing(attr))
	}
	if len(values) > 0 {
		terms = append(terms, has(attr, values))
	}
	e.and(or(terms))
}

// exists and missing test whether the attribute is present at all.
func (e *expr) exists(attr string) string  { return "attribute_exists(" + e.path(attr) + ")" }
func (e *expr) missing(attr string) string { return "attribute_not_exists(" + e.path(attr) + ")" }

// flag: nil adds nothing; true means the BOOL attribute is true; false
// means it is not true, which includes a missing attribute or parent map
// (a plain "= false" would drop those rows).
func (e *expr) flag(attr string, want *bool) {
	switch {
	case want == nil:
	case *want:
		e.and(e.path(attr) + " = " + e.value(&types.AttributeValueMemberBOOL{Value: true}))
	default:
		e.and("(" + e.missing(attr) + " OR " + e.path(attr) + " = " + e.value(&types.AttributeValueMemberBOOL{Value: false}) + ")")
	}
}

// positive: nil adds nothing; true means the number attribute is greater
// than 0; false means it is not, which includes a missing attribute.
func (e *expr) positive(attr string, want *bool) {
	switch {
	case want == nil:
	case *want:
		e.and(e.path(attr) + " > " + e.value(&types.AttributeValueMemberN{Value: "0"}))
	default:
		e.and("(" + e.missing(attr) + " OR " + e.path(attr) + " <= " + e.value(&types.AttributeValueMemberN{Value: "0"}) + ")")
	}
}

func or(terms []string) string {
	if len(terms) == 1 {
		return terms[0]
	}
	return "(" + strings.Join(terms, " OR ") + ")"
}

// condition is the conjunction of every term, "" when there is none.
func (e *expr) condition() string { return strings.Join(e.terms, " AND ") }

// DynamoDB's limits on one expression: 4 KB of text and 300 operators and
// functions.
const (
	maxExprBytes = 4096
	maxExprOps   = 300
)

// tooLarge reports a filter DynamoDB would refuse. The values are
// placeholders, so the text grows with their count, not their length: a
// request with hundreds of filter values (or a supervisor with hundreds of
// queues) is the way to reach it.
func (e *expr) tooLarge() error {
	c := e.condition()
	ops := strings.Count(c, " OR ") + strings.Count(c, " AND ") + strings.Count(c, "contains(") +
		strings.Count(c, " IN (") + strings.Count(c, " = ") + strings.Count(c, ", ") +
		strings.Count(c, " <= ") + strings.Count(c, " > ") + strings.Count(c, "attribute_exists(") + strings.Count(c, "attribute_not_exists(")
	if len(c) > maxExprBytes-200 || ops > maxExprOps-10 {
		return domain.FieldErr(domain.CodeBadRequest, "filters", "the filters together are too many for one query; give fewer values")
	}
	return nil
}
