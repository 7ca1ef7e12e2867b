package worktime

import (
	"fmt"
	"strconv"
	"strings"
)

// Encode writes a day's spans as one short string, the day item's
// payload: "from,to,s[,reason];…" with s 'a' (available), 'p' (paused
// by an earlier day's event) or 'P' (paused by an event at from), and the
// reason's ',', ';' and '%' percent-encoded. A month of working time is
// read as these strings, so they are kept small: about 20 bytes a span.
func Encode(spans []Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(strconv.FormatInt(s.From, 10))
		b.WriteByte(',')
		b.WriteString(strconv.FormatInt(s.To, 10))
		b.WriteByte(',')
		switch {
		case s.Status == Paused && s.Event:
			b.WriteByte('P')
		case s.Status == Paused:
			b.WriteByte('p')
		case s.Event:
			b.WriteByte('A')
		default:
			b.WriteByte('a')
		}
		if s.Status == Paused {
			b.WriteByte(',')
			b.WriteString(reasonEscaper.Replace(s.Reason))
		}
	}
	return b.String()
}

var (
	reasonEscaper   = strings.NewReplacer("%", "%25", ",", "%2C", ";", "%3B")
	reasonUnescaper = strings.NewReplacer("%25", "%", "%2C", ",", "%3B", ";")
)

// Decode reads what Encode wrote.
func Decode(s string) ([]Span, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ";")
	out := make([]Span, 0, len(parts))
	for _, p := range parts {
		f := strings.SplitN(p, ",", 4)
		if len(f) < 3 {
			return nil, fmt.Errorf("worktime: span %q has %d fields", p, len(f))
		}
		from, err1 := strconv.ParseInt(f[0], 10, 64)
		to, err2 := strconv.ParseInt(f[1], 10, 64)
		if err1 != nil || err2 != nil || from < 0 || to < from || to > dayMs {
			return nil, fmt.Errorf("worktime: span %q has bad bounds", p)
		}
		sp := Span{From: from, To: to}
		switch f[2] {
		case "a", "A":
			sp.Status, sp.Event = Available, f[2] == "A"
		case "p", "P":
			sp.Status, sp.Event = Paused, f[2] == "P"
			if len(f) == 4 {
				sp.Reason = reasonUnescaper.Replace(f[3])
			}
		default:
			return nil, fmt.Errorf("worktime: span %q has status %q", p, f[2])
		}
		out = append(out, sp)
	}
	return out, nil
}
