package botreport_test

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

var (
	parseNow = time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	admin    = domain.Identity{Tenant: "acme", UserID: "a", Role: domain.RoleAdmin}
)

func settingsIn(zone string) domain.Settings {
	s := domain.DefaultSettings()
	s.TimeZone = zone
	return s
}

func mustQuery(tb testing.TB, raw string) url.Values {
	tb.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return q
}

// Every bad parameter is a 400 naming it.
func TestParseRefusals(t *testing.T) {
	tests := []struct{ query, field, reason string }{
		{"colour=red", "colour", "not a parameter"},
		{"from=2026-02-30", "from", "YYYY-MM-DD"},
		{"to=10/03/2026", "to", "YYYY-MM-DD"},
		{"from=2026-03-05&to=2026-03-04", "to", "before from"},
		{"from=2026-01-01&to=2026-02-01", "to", "at most 31 days"},
		{"to=2026-03-01&to=2026-03-02", "to", "once"},
		{"zone=Mars/Base", "zone", "IANA"},
		{"session=" + url.QueryEscape("a b"), "session", "session id"},
		{"session=" + strings.Repeat("x", 129), "session", "session id"},
		{"session=", "session", "empty"},
		{"protocol=2025100709263364", "protocol", "17 digits"},   // 16 digits
		{"protocol=202510070926336461", "protocol", "17 digits"}, // 18
		{"protocol=2025100709263364a", "protocol", "17 digits"},
		{"protocol=20251332092633646", "protocol", "17 digits"}, // month 13
		{"protocol=20250229092633646", "protocol", "17 digits"}, // not a leap year
		{"protocol=20251000092633646", "protocol", "17 digits"}, // day 0
		{"labels=a,,b", "labels", "empty"},
		{"info=" + url.QueryEscape("a b") + "&op=exists", "info", "key"},
		{"info=K&op=like&value=x", "op", "one of"},
		{"info=K&value=x", "op", "required"},
		{"op=exists", "info", "required"},
		{"value=x", "info", "required"},
		{"info=K&op=equals", "value", "required"},
		{"info=K&op=contains&value=%20", "value", "empty"},
		{"info=K&op=exists&value=x", "value", "not used"},
		{"channel=voice", "channel", "channels among"},
		{"channel=whatsapp,fax", "channel", "channels among"},
		{"contact=" + url.QueryEscape("\u0301\u0303"), "contact", "letters or digits"},
		{"contact=a%01b", "contact", "control"},
		{"sort=newest", "sort", "desc"},
		{"limit=0", "limit", "1 to 1000"},
		{"limit=1001", "limit", "1 to 1000"},
		{"limit=ten", "limit", "1 to 1000"},
		{"cursor=a&cursor=b", "cursor", "once"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			_, err := botreport.Parse(mustQuery(t, tc.query), admin, settingsIn("America/Sao_Paulo"), parseNow)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != domain.CodeBadRequest || de.Field != tc.field || !strings.Contains(de.Message, tc.reason) {
				t.Fatalf("got %v, want a 400 naming %s (%q)", err, tc.field, tc.reason)
			}
			if len(de.Details) == 0 || de.Details[0].Field != tc.field {
				t.Fatalf("details %v", de.Details)
			}
		})
	}
}

func TestParseLabels(t *testing.T) {
	var many []string
	for i := range 101 {
		many = append(many, "l"+string(rune('a'+i%26))+strings.Repeat("x", i/26))
	}
	if _, err := botreport.Parse(url.Values{"labels": {strings.Join(many, ",")}}, admin, settingsIn("UTC"), parseNow); domain.ErrorCode(err) != domain.CodeBadRequest {
		t.Fatalf("101 labels: %v", err)
	}
	r, err := botreport.Parse(url.Values{"labels": {"b, a", "a"}}, admin, settingsIn("UTC"), parseNow)
	if err != nil || !slices.Equal(r.Filter.LabelsAny, []string{"a", "b"}) {
		t.Fatalf("%v %v", r, err)
	}
}

// Several problems are all listed.
func TestParseListsEveryProblem(t *testing.T) {
	_, err := botreport.Parse(mustQuery(t, "limit=x&protocol=1&sort=up"), admin, settingsIn("UTC"), parseNow)
	var de *domain.Error
	if !errors.As(err, &de) || len(de.Details) != 3 || de.Field != "limit" {
		t.Fatalf("%v", err)
	}
}

func TestParseDefaultsAndPeriod(t *testing.T) {
	sup := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"q2", "q1", "q2"}}
	tests := []struct {
		name, query string
		id          domain.Identity
		check       func(r *botreport.Request) bool
	}{
		{"defaults: the 31 days ending today, newest first, every text channel", "", admin, func(r *botreport.Request) bool {
			return r.Range.From.String() == "2026-02-08" && r.Range.To.String() == "2026-03-10" && r.Desc && r.Limit == 50 &&
				len(r.Channels) == 9 && !slices.Contains(r.Channels, domain.MediaVoice) && r.Filter.Queues == nil &&
				r.Range.Loc.String() == "America/Sao_Paulo"
		}},
		{"exactly 31 days", "from=2026-01-01&to=2026-01-31", admin, func(r *botreport.Request) bool { return r.Range.To.String() == "2026-01-31" }},
		{"to alone", "to=2026-01-31", admin, func(r *botreport.Request) bool { return r.Range.From.String() == "2026-01-01" }},
		{"from alone, ending today", "from=2026-03-01", admin, func(r *botreport.Request) bool { return r.Range.To.String() == "2026-03-10" }},
		{"from alone, 31 days", "from=2026-01-01", admin, func(r *botreport.Request) bool { return r.Range.To.String() == "2026-01-31" }},
		{"from in the future", "from=2026-04-01", admin, func(r *botreport.Request) bool { return r.Range.To.String() == "2026-04-01" }},
		{"zone", "zone=Asia/Kolkata", admin, func(r *botreport.Request) bool { return r.Range.Loc.String() == "Asia/Kolkata" }},
		{"channels sorted", "channel=whatsapp,telegram&channel=webchat", admin, func(r *botreport.Request) bool {
			return slices.Equal(r.Channels, []domain.Media{"telegram", "webchat", "whatsapp"})
		}},
		{"supervisor scope", "", sup, func(r *botreport.Request) bool { return slices.Equal(r.Filter.Queues, []string{"q1", "q2"}) }},
		{"supervisor without queues sees nothing", "", domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor}, func(r *botreport.Request) bool {
			return r.Filter.Queues != nil && len(r.Filter.Queues) == 0
		}},
		{"good protocol", "protocol=20251007092633646", admin, func(r *botreport.Request) bool { return r.Filter.Protocol == "20251007092633646" }},
		{"leap day protocol", "protocol=20240229092633646", admin, func(r *botreport.Request) bool { return r.Filter.Protocol != "" }},
		{"info exists", "info=NAO_TRANSBORDADA&op=exists", admin, func(r *botreport.Request) bool {
			return *r.Filter.Info == store.InfoFilter{Key: "NAO_TRANSBORDADA", Op: store.InfoExists}
		}},
		{"info with dots and dashes", "info=a.b-c&op=not_contains&value=x", admin, func(r *botreport.Request) bool {
			return *r.Filter.Info == store.InfoFilter{Key: "a.b-c", Op: store.InfoNotContains, Value: "x"}
		}},
		{"contact trimmed", "contact=%20Jo%C3%A3o%20", admin, func(r *botreport.Request) bool { return r.Filter.Contact == "João" }},
		{"asc, limit", "sort=asc&limit=1000", admin, func(r *botreport.Request) bool { return !r.Desc && r.Limit == 1000 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := botreport.Parse(mustQuery(t, tc.query), tc.id, settingsIn("America/Sao_Paulo"), parseNow)
			if err != nil || !tc.check(r) {
				t.Fatalf("%+v %v", r, err)
			}
		})
	}
}

// The cursor's scope changes with anything that changes the rows, the
// caller's queues included.
func TestScope(t *testing.T) {
	sup := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"q1"}}
	scope := func(raw string, id domain.Identity) string {
		r, err := botreport.Parse(mustQuery(t, raw), id, settingsIn("UTC"), parseNow)
		if err != nil {
			t.Fatal(err)
		}
		return r.Scope()
	}
	base := scope("from=2026-03-01", admin)
	if scope("from=2026-03-01&limit=3", admin) != base {
		t.Fatal("the limit changes the scope")
	}
	for _, other := range []string{"from=2026-03-02", "from=2026-03-01&sort=asc", "from=2026-03-01&channel=whatsapp", "from=2026-03-01&labels=x", "from=2026-03-01&zone=Asia/Kolkata", "from=2026-03-01&info=a&op=exists"} {
		if scope(other, admin) == base {
			t.Errorf("%s has the same scope", other)
		}
	}
	if scope("from=2026-03-01", sup) == base {
		t.Error("a supervisor's scope is an admin's")
	}
}
