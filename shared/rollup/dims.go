package rollup

import (
	"slices"
	"strings"
)

// Tuple is a cell's dimension values, in its family's Dims order. A set
// dimension (several values, such as an interaction's tags) is one
// component: its sorted values joined by ','; reports match it with
// Tuple.Has, the way the tracking report's "any of" filters match the
// row's set attribute.
type Tuple []string

// Has reports whether the set component i holds v.
func (t Tuple) Has(i int, v string) bool {
	return slices.Contains(t.Set(i), v)
}

// Set splits set component i into its values.
func (t Tuple) Set(i int) []string {
	if t[i] == "" {
		return nil
	}
	parts := strings.Split(t[i], ",")
	for j, p := range parts {
		parts[j] = setUnescape.Replace(p)
	}
	return parts
}

// SetOf is the set component of values: unique, sorted, escaped.
func SetOf(values []string) string {
	if len(values) == 0 {
		return ""
	}
	v := slices.Clone(values)
	slices.Sort(v)
	v = slices.Compact(v)
	for i := range v {
		v[i] = setEscape.Replace(v[i])
	}
	return strings.Join(v, ",")
}

var (
	setEscape   = strings.NewReplacer("%", "%25", ",", "%2C")
	setUnescape = strings.NewReplacer("%2C", ",", "%25", "%")
	dimEscape   = strings.NewReplacer("%", "%25", "|", "%7C")
	dimUnescape = strings.NewReplacer("%7C", "|", "%25", "%")
)

// encode joins a tuple into the cell key's dimension string.
func (t Tuple) encode() string {
	parts := make([]string, len(t))
	for i, p := range t {
		parts[i] = dimEscape.Replace(p)
	}
	return strings.Join(parts, "|")
}

// decodeTuple reverses encode.
func decodeTuple(s string) Tuple {
	parts := strings.Split(s, "|")
	for i, p := range parts {
		parts[i] = dimUnescape.Replace(p)
	}
	return parts
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
