package sessionmeta

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// ID is an identifier the platform writes as a JSON number in some records
// and as a string in others (session ids, agent ids, CRM ticket ids). It is
// kept as the literal text so that ids beyond 2^53 survive, which a float64
// round trip would not guarantee.
type ID string

// UnmarshalJSON accepts a string or a whole number.
func (id *ID) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("must be a string or a whole number")
		}
		*id = ID(s)
		return nil
	}
	if !isWholeNumber(b) {
		return fmt.Errorf("must be a string or a whole number (got %s)", domain.Clip(string(b)))
	}
	*id = ID(b)
	return nil
}

// MarshalJSON always writes a string: the schema accepts both, and one form
// out keeps documents that were read and written again comparable.
func (id ID) MarshalJSON() ([]byte, error) { return json.Marshal(string(id)) }

func isWholeNumber(b []byte) bool {
	if len(b) == 0 || len(b) > 40 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// timestampLayout is how the platform writes instants (seed 003's example
// 2023-09-11T09:42:01.000+03:00); it is what Rastro writes back too.
const timestampLayout = "2006-01-02T15:04:05.000Z07:00"

// Timestamp is an RFC 3339 instant with a UTC offset. The zero value means
// the platform did not record the instant: null and "" both decode to it,
// because the platform writes either for steps a session never reached.
type Timestamp struct{ time.Time }

// At wraps t, for documents built in code.
func At(t time.Time) Timestamp { return Timestamp{t} }

// UnmarshalJSON refuses instants without an offset: the platform's
// customers span time zones, and a guessed zone would move the interaction
// to another day in every report.
func (ts *Timestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*ts = Timestamp{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("must be an RFC 3339 time string such as 2023-09-11T09:42:01.000+03:00 (got %s)", domain.Clip(string(b)))
	}
	if s == "" {
		*ts = Timestamp{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("must be an RFC 3339 time with a UTC offset such as 2023-09-11T09:42:01.000+03:00 (got %q)", domain.Clip(s))
	}
	*ts = Timestamp{t}
	return nil
}

// MarshalJSON writes the platform's own layout, keeping the offset read.
func (ts Timestamp) MarshalJSON() ([]byte, error) {
	if ts.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(ts.Format(timestampLayout))
}

// ptr is the instant for the domain's optional fields: nil when unrecorded.
func (ts Timestamp) ptr() *time.Time {
	if ts.IsZero() {
		return nil
	}
	t := ts.Time
	return &t
}

// StatusCode is seed 003's numbered session status. The platform's newer
// records spell the status by name ("finished"), so a name from the same
// table is accepted and turned into its number; an unknown number decodes
// and is reported by Interaction, which lists the codes that exist.
type StatusCode int

// UnmarshalJSON accepts a whole number or one of the table's names.
func (s *StatusCode) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var name string
		if err := json.Unmarshal(b, &name); err != nil {
			return fmt.Errorf("must be a status code number")
		}
		code, ok := domain.SessionStatusByName(name)
		if !ok {
			return fmt.Errorf("must be one of seed 003's codes %s (got %q)", statusList(), domain.Clip(name))
		}
		*s = StatusCode(code)
		return nil
	}
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return fmt.Errorf("must be one of seed 003's codes %s (got %s)", statusList(), domain.Clip(string(b)))
	}
	*s = StatusCode(n)
	return nil
}
