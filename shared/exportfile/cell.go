package exportfile

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// neutralize keeps a spreadsheet from reading text as a formula (OWASP's
// CSV injection): a cell that starts with = + - @, a tab or a carriage
// return gets a leading single quote, which Excel, LibreOffice and Google
// Sheets show as text and hide. It applies to every value that came from
// outside (names, comments, protocols, phone numbers, tags) and to none
// Rastro writes itself (dates, durations, numbers), so a phone number
// reads '+5511999990000 and a negative jitter still reads -1.5.
func neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// lineBreaks turns a lone CR into LF: encoding/csv with CRLF line ends
// drops every CR inside a field and writes each LF as CRLF, so a comment
// broken with CRs alone would lose its breaks.
func lineBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// clock writes a duration as H:MM:SS, hours unbounded (a 26-hour chat is
// 26:00:00), whole seconds, truncated as the report's times are.
func clock(d domain.Duration) string {
	s := d.Millis() / 1000
	b := make([]byte, 0, 12)
	b = strconv.AppendInt(b, s/3600, 10)
	b = append(b, ':', byte('0'+s/60%60/10), byte('0'+s/60%60%10), ':', byte('0'+s%60/10), byte('0'+s%60%10))
	return string(b)
}

// number writes a measure plainly, '.' for the decimal point and no
// exponent, empty when the platform reported none.
func number(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// leg is the transfer path's pair of cells for leg i: who held the
// interaction (the agent's id when the platform sent no name) and where
// (the service, else the queue, else the menu a transfer sent it to).
// Legs past the end are empty.
func leg(legs []domain.Leg, i int) (agent, service string) {
	if i >= len(legs) {
		return "", ""
	}
	l := legs[i]
	return cmp.Or(l.AgentName, l.AgentID), cmp.Or(l.Service, l.Queue, l.Menu)
}
