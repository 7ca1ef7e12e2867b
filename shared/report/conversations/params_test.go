package conversations_test

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
)

// Bad requests are refused before anything is read (the env has no
// store): a 400 naming every bad parameter, a 403 for a queue that isn't
// the supervisor's.
func TestParse(t *testing.T) {
	env := report.Env{Settings: domain.DefaultSettings(), Now: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}
	cases := []struct {
		name   string
		query  string
		id     domain.Identity
		code   domain.Code
		fields []string
		reason string // part of the first field's reason
	}{
		{"unknown view", "view=week", admin(), domain.CodeBadRequest, []string{"view"}, "overview"},
		{"voice is not a conversation", "media=voice", admin(), domain.CodeBadRequest, []string{"media"}, "chat"},
		{"unknown media", "media=chat,fax", admin(), domain.CodeBadRequest, []string{"media"}, "fax"},
		{"done is yes or no", "done=maybe", admin(), domain.CodeBadRequest, []string{"done"}, "yes, no"},
		{"supported is yes or no", "supported=1", admin(), domain.CodeBadRequest, []string{"supported"}, "yes, no"},
		{"support type", "supportType=email", admin(), domain.CodeBadRequest, []string{"supportType"}, "message, comment"},
		{"bad date", "from=2026-02-30", admin(), domain.CodeBadRequest, []string{"from"}, "YYYY-MM-DD"},
		{"to before from", "from=2026-03-10&to=2026-03-09", admin(), domain.CodeBadRequest, []string{"to"}, "before"},
		{"over the limit", "from=2025-02-28&to=2026-03-01", admin(), domain.CodeBadRequest, []string{"to"}, "at most 366 days"},
		{"bad zone", "zone=Mars/Olympus", admin(), domain.CodeBadRequest, []string{"zone"}, "IANA"},
		{"no window", "timeFrom=10:00", admin(), domain.CodeBadRequest, []string{"timeFrom"}, "not a parameter"},
		{"unknown parameter", "colour=red", admin(), domain.CodeBadRequest, []string{"colour"}, "not a parameter"},
		{"empty value", "channel=", admin(), domain.CodeBadRequest, []string{"channel"}, "empty"},
		{"given twice", "done=yes&done=no", admin(), domain.CodeBadRequest, []string{"done"}, "once"},
		{"every problem named", "view=x&done=x&users=a1&colour=y&tags=", admin(), domain.CodeBadRequest, []string{"view", "tags", "done", "colour"}, ""},
		{"bad parameters before scope", "queue=q9&colour=y", supervisor("q1"), domain.CodeBadRequest, []string{"colour"}, ""},
		{"supervisor's foreign queue", "queue=q9", supervisor("q1"), domain.CodeForbidden, []string{"queue"}, "not one of your queues"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := env
			env.Identity = c.id
			q, err := url.ParseQuery(c.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = run(t, env, q)
			var e *domain.Error
			if !errors.As(err, &e) || e.Code != c.code {
				t.Fatalf("got %v, want %s", err, c.code)
			}
			got := []string{e.Field}
			for _, d := range e.Details {
				if !slices.Contains(got, d.Field) {
					got = append(got, d.Field)
				}
			}
			for _, f := range c.fields {
				if !slices.Contains(got, f) {
					t.Errorf("fields %v lack %s (%v)", got, f, err)
				}
			}
			if !strings.Contains(e.Message, c.reason) {
				t.Errorf("message %q lacks %q", e.Message, c.reason)
			}
		})
	}
}
