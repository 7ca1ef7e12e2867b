package tracking

import (
	"errors"
	"strings"

	"github.com/rastro-cc/rastro/shared/store"
)

// The "any of" filters take a list: values separated by commas, each
// either bare or double-quoted as in a CSV field (RFC 4180). A bare value
// runs to the next comma and is trimmed of surrounding spaces; it can't
// start with a quote. A quoted value is taken exactly as written between
// its quotes, commas and spaces included, with "" standing for one quote.
// The quoted empty value, "", is None: it selects the interactions that
// have no value at all (no IVR, no final agent, no service, no channel).
//
// Quoting is what CSV-aware clients already do, it leaves every list that
// was valid before it unchanged (no real value is empty, and a bare value
// starting with a quote was refused), and it gives "none" a spelling no
// real value can have: a value must contain something other than spaces.
// docs/decisions.md weighs it against the alternatives.

// None is the list value that selects interactions without a value; the
// store's filter takes it in the same lists (store.None).
const None = store.None

var (
	errBareEmpty  = errors.New(`has an empty value (two commas, or a comma at an end); write "" (two double quotes) to select interactions without a value`)
	errUnclosed   = errors.New("has a quoted value without its closing double quote")
	errAfterQuote = errors.New("has characters after a quoted value's closing double quote; separate values with commas, and write a quote inside a quoted value as \"\"")
)

// ParseList splits one occurrence of a list parameter into its values, in
// order, duplicates kept.
func ParseList(s string) ([]string, error) {
	var out []string
	for {
		rest := strings.TrimLeft(s, " ")
		if !strings.HasPrefix(rest, `"`) {
			v, after, more := strings.Cut(s, ",")
			v = strings.TrimSpace(v)
			if v == "" {
				return nil, errBareEmpty
			}
			out = append(out, v)
			if !more {
				return out, nil
			}
			s = after
			continue
		}
		var b strings.Builder
		i := 1
		for {
			j := strings.IndexByte(rest[i:], '"')
			if j < 0 {
				return nil, errUnclosed
			}
			b.WriteString(rest[i : i+j])
			i += j + 1
			if i < len(rest) && rest[i] == '"' { // "" inside: one quote
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		out = append(out, b.String())
		after := strings.TrimLeft(rest[i:], " ")
		switch {
		case after == "":
			return out, nil
		case after[0] != ',':
			return nil, errAfterQuote
		}
		s = after[1:]
	}
}

// FormatList writes values as one list parameter that ParseList reads
// back exactly: a value is quoted when bare writing would change it (it is
// None, holds a comma, starts with a quote, or has surrounding spaces).
func FormatList(values []string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		if v == None || strings.Contains(v, ",") || strings.HasPrefix(v, `"`) || strings.TrimSpace(v) != v {
			v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
		}
		parts[i] = v
	}
	return strings.Join(parts, ",")
}
