package tracking

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

var (
	admin    = domain.Identity{Tenant: "acme", UserID: "u1", Role: domain.RoleAdmin}
	settings = domain.Settings{TimeZone: "America/Sao_Paulo", Locale: "en", SLAMinutes: []int{1}}
	testNow  = time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
)

// seedMedia is seed 000's "displayed when" notes (and seed 004's filters),
// written out per filter independently of the params table.
var seedMedia = map[string][]domain.Media{
	"expiration":    {"chat", "whatsapp"},
	"voiceStatus":   {"voice"},
	"serviceStatus": {"whatsapp", "chat", "sms", "instagram", "facebook", "telegram", "webchat", "reclameaqui"},
	"email":         {"email"},
	"phone":         {"voice", "chat", "whatsapp", "sms", "reclameaqui", "email"},
	// channel: every media (Rastro's widening; conversation.channelName
	// names a voice line too, and the tag report filters every media by it).
	"did": {"voice", "sms", "whatsapp"},
	// The drill-down filters: where the aggregate report each one serves
	// exists (IVR: voice; conversation statistics: the text media).
	"ivr":             {"voice"},
	"abandonedIn":     {"voice"},
	"category":        textMediaNames,
	"supportType":     textMediaNames,
	"assigned":        textMediaNames,
	"done":            textMediaNames,
	"supported":       textMediaNames,
	"respondedWithin": textMediaNames,
}

var textMediaNames = []domain.Media{"whatsapp", "chat", "email", "sms", "instagram", "facebook", "telegram", "webchat", "reclameaqui"}

// sample is a valid value of every parameter but media.
var sample = map[string]string{
	"zone": "Asia/Kolkata", "from": "2026-11-01", "to": "2026-11-10", "timeFrom": "08:00", "timeTo": "18:00:00",
	"portfolio": "assigned", "expiration": "expired", "voiceStatus": "answered,abandoned", "serviceStatus": "transferred",
	"tags": "sale", "email": "user.name@company.com.br", "phone": "+55 (11) 99999-0000", "agents": "a1,a2",
	"services": "Support", "protocol": "2025-03-17-13-20-45", "externalContactId": "X-1", "externalProtocol": "Z9",
	"userTags": "senior", "contact": "José", "queue": "sales", "channel": `Acme Page,"Acme, Inc",""`, "did": "551130001000",
	"disposition": "resolved", "agent": "mar", "state": "all", "sort": "asc", "limit": "10", "cursor": "x.y",
	"finalAgents": "a1,a2", "ivr": "Support,Billing", "abandonedIn": "queue", "category": "Complaint,Praise",
	"supportType": "comment", "assigned": "yes", "done": "no", "supported": "yes", "respondedWithin": "1440",
	"rated": "no", "waited": "yes", "handled": "no",
}

// Every filter × every media: accepted where the seed shows it, else a 400
// naming the filter and the media.
func TestFilterMediaMatrix(t *testing.T) {
	for _, p := range params {
		if p.name == "media" {
			continue
		}
		v, ok := sample[p.name]
		if !ok {
			t.Fatalf("no sample value for %s", p.name)
		}
		for _, m := range domain.AllMedia {
			allowed := seedMedia[p.name] == nil || slices.Contains(seedMedia[p.name], m)
			t.Run(p.name+"/"+string(m), func(t *testing.T) {
				_, err := Parse(url.Values{"media": {string(m)}, p.name: {v}}, admin, settings, testNow)
				if allowed {
					if err != nil {
						t.Fatalf("rejected: %v", err)
					}
					return
				}
				var de *domain.Error
				if !errors.As(err, &de) || de.Code != domain.CodeBadRequest || de.Field != p.name || !strings.Contains(de.Message, string(m)) {
					t.Fatalf("want a 400 naming %s and %s, got %v", p.name, m, err)
				}
			})
		}
	}
}

// Seed 000's email rule, its examples and edge cases of our own.
func TestEmailFilter(t *testing.T) {
	cases := []struct {
		email string
		ok    bool
	}{
		{"test@gmail.com", true}, {"user.name@company.com.br", true}, {"abc123@mail.co", true},
		{"test@gmail", false}, {"@gmail.com", false}, {"test@.com", false}, {"test@gmail.c", false},
		{"first+tag@sub.example.org", true}, {"a_b-c@x-y.io", true}, {"UPPER@EXAMPLE.COM", true},
		{"two@@example.com", false}, {"a@b@example.com", false}, {"space @example.com", false},
		{"jose@exámple.com", false}, {"joão@example.com", false}, {"a<b@example.com", false},
		{"a(b)@example.com", false}, {"a[b]@example.com", false}, {"a:b@example.com", false},
		{"a;b@example.com", false}, {`a\b@example.com`, false}, {"a,b@example.com", false},
		{`"a"@example.com`, false}, {"a'b@example.com", false}, {"a\tb@example.com", false},
		{"a\nb@example.com", false}, {"a@example.c0m", false}, {"a@-example.com", false},
		{"a@example..com", false}, {"a@example.com.", false}, {"a@example.123", false},
	}
	for _, c := range cases {
		t.Run(c.email, func(t *testing.T) {
			_, err := Parse(url.Values{"media": {"email"}, "email": {c.email}}, admin, settings, testNow)
			if c.ok != (err == nil) {
				t.Fatalf("ok=%v, err=%v", c.ok, err)
			}
			if err != nil && domain.ErrorCode(err) != domain.CodeBadRequest {
				t.Fatalf("code %s", domain.ErrorCode(err))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name  string
		q     string
		field string
		code  domain.Code
	}{
		{"media missing", "", "media", domain.CodeBadRequest},
		{"media unknown", "media=fax", "media", domain.CodeBadRequest},
		{"unknown parameter", "media=voice&colour=red", "colour", domain.CodeBadRequest},
		{"bad date", "media=voice&from=2026-02-30", "from", domain.CodeBadRequest},
		{"to before from", "media=voice&from=2026-11-10&to=2026-11-01", "to", domain.CodeBadRequest},
		{"367 days", "media=voice&from=2025-01-01&to=2026-01-02", "to", domain.CodeBadRequest},
		{"bad time", "media=voice&timeFrom=25:00", "timeFrom", domain.CodeBadRequest},
		{"bad limit", "media=voice&limit=0", "limit", domain.CodeBadRequest},
		{"limit too big", "media=voice&limit=1001", "limit", domain.CodeBadRequest},
		{"limit not a number", "media=voice&limit=ten", "limit", domain.CodeBadRequest},
		{"bad sort", "media=voice&sort=up", "sort", domain.CodeBadRequest},
		{"bad state", "media=voice&state=open", "state", domain.CodeBadRequest},
		{"bad voice status", "media=voice&voiceStatus=answered,busy", "voiceStatus", domain.CodeBadRequest},
		{"bad zone", "media=voice&zone=Mars/Base", "zone", domain.CodeBadRequest},
		{"local zone", "media=voice&zone=Local", "zone", domain.CodeBadRequest},
		{"repeated single", "media=voice&protocol=a&protocol=b", "protocol", domain.CodeBadRequest},
		{"empty value", "media=voice&contact=", "contact", domain.CodeBadRequest},
		{"phone letters", "media=voice&phone=call-me", "phone", domain.CodeBadRequest},
		{"phone short", "media=voice&phone=12", "phone", domain.CodeBadRequest},
		{"bad portfolio", "media=voice&portfolio=maybe", "portfolio", domain.CodeBadRequest},
		{"final agents empty value", "media=voice&finalAgents=a1,,a2", "finalAgents", domain.CodeBadRequest},
		{"final agents too many", "media=voice&finalAgents=" + manyValues(101), "finalAgents", domain.CodeBadRequest},
		{"final agents and agents over 100", "media=voice&agents=" + manyValues(60) + "&finalAgents=" + manyValues(41), "finalAgents", domain.CodeBadRequest},
		{"ivr empty", "media=voice&ivr=", "ivr", domain.CodeBadRequest},
		{"ivr control character", "media=voice&ivr=Sup%01port", "ivr", domain.CodeBadRequest},
		{"abandoned in bot", "media=voice&abandonedIn=bot", "abandonedIn", domain.CodeBadRequest},
		{"abandoned in twice", "media=voice&abandonedIn=ivr&abandonedIn=queue", "abandonedIn", domain.CodeBadRequest},
		{"category empty value", "media=chat&category=Complaint,%20", "category", domain.CodeBadRequest},
		{"category too long", "media=chat&category=" + strings.Repeat("x", 257), "category", domain.CodeBadRequest},
		{"bad support type", "media=chat&supportType=post", "supportType", domain.CodeBadRequest},
		{"support type case", "media=chat&supportType=Message", "supportType", domain.CodeBadRequest},
		{"bad assigned", "media=chat&assigned=true", "assigned", domain.CodeBadRequest},
		{"bad done", "media=chat&done=1", "done", domain.CodeBadRequest},
		{"bad supported", "media=chat&supported=YES", "supported", domain.CodeBadRequest},
		{"responded within 0", "media=chat&respondedWithin=0", "respondedWithin", domain.CodeBadRequest},
		{"responded within a day and a minute", "media=chat&respondedWithin=1441", "respondedWithin", domain.CodeBadRequest},
		{"responded within negative", "media=chat&respondedWithin=-5", "respondedWithin", domain.CodeBadRequest},
		{"responded within fraction", "media=chat&respondedWithin=1.5", "respondedWithin", domain.CodeBadRequest},
		{"responded within words", "media=chat&respondedWithin=ten", "respondedWithin", domain.CodeBadRequest},
		{"bad rated", "media=voice&rated=maybe", "rated", domain.CodeBadRequest},
		{"bad waited", "media=voice&waited=maybe", "waited", domain.CodeBadRequest},
		{"bad handled", "media=voice&handled=1", "handled", domain.CodeBadRequest},
		{"waited twice", "media=voice&waited=yes&waited=no", "waited", domain.CodeBadRequest},
		{"none where not taken", `media=voice&tags=sale,""`, "tags", domain.CodeBadRequest},
		{"none in agents (any leg)", `media=voice&agents=""`, "agents", domain.CodeBadRequest},
		{"unclosed quote", `media=voice&ivr="Main`, "ivr", domain.CodeBadRequest},
		{"text after a quote", `media=voice&ivr="Main"x`, "ivr", domain.CodeBadRequest},
		{"bare empty beside a quoted one", `media=chat&channel="",`, "channel", domain.CodeBadRequest},
		{"quoted blank", `media=chat&channel=" "`, "channel", domain.CodeBadRequest},
		{"channel too many", "media=chat&channel=" + manyValues(101), "channel", domain.CodeBadRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, _ := url.ParseQuery(c.q)
			_, err := Parse(q, admin, settings, testNow)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != c.code || de.Field != c.field {
				t.Fatalf("want %s on %s, got %v", c.code, c.field, err)
			}
		})
	}
}

func TestParseDefaultsAndScope(t *testing.T) {
	sup := domain.Identity{Tenant: "acme", UserID: "s1", Role: domain.RoleSupervisor, Queues: []string{"support", "billing"}}
	lonely := domain.Identity{Tenant: "acme", UserID: "s2", Role: domain.RoleSupervisor}
	cases := []struct {
		name  string
		q     string
		id    domain.Identity
		check func(t *testing.T, r *Request, err error)
	}{
		{"today in the tenant's zone", "media=voice", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Range.From.String() != "2026-11-20" || r.Range.To.String() != "2026-11-20" || r.Range.Loc.String() != "America/Sao_Paulo" {
				t.Fatalf("%+v %v", r, err)
			}
			if !r.Desc || r.Limit != 50 || r.Filter.Queues != nil || len(r.Filter.States) != 1 || r.Filter.States[0] != domain.StateClosed {
				t.Fatalf("defaults %+v", r)
			}
			if len(r.Filter.Statuses) != 0 {
				t.Fatalf("voice has no service status default: %v", r.Filter.Statuses)
			}
		}},
		{"service completed by default for chat", "media=chat", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || len(r.Filter.Statuses) != 1 || r.Filter.Statuses[0] != domain.StatusServiceCompleted {
				t.Fatalf("%v %v", r.Filter.Statuses, err)
			}
		}},
		{"service status all", "media=chat&serviceStatus=all", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Filter.Statuses != nil {
				t.Fatalf("%v %v", r.Filter.Statuses, err)
			}
		}},
		{"from alone runs to today", "media=voice&from=2026-11-01", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Range.To.String() != "2026-11-20" {
				t.Fatalf("%v %v", r.Range, err)
			}
		}},
		{"366 days is allowed", "media=voice&from=2025-01-01&to=2026-01-01", admin, func(t *testing.T, r *Request, err error) {
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"supervisor sees their queues", "media=voice", sup, func(t *testing.T, r *Request, err error) {
			if err != nil || strings.Join(r.Filter.Queues, ",") != "billing,support" {
				t.Fatalf("%v %v", r.Filter.Queues, err)
			}
		}},
		{"supervisor picks one of their queues", "media=voice&queue=support", sup, func(t *testing.T, r *Request, err error) {
			if err != nil || strings.Join(r.Filter.Queues, ",") != "support" {
				t.Fatalf("%v %v", r.Filter.Queues, err)
			}
		}},
		{"supervisor may not pick another queue", "media=voice&queue=sales", sup, func(t *testing.T, r *Request, err error) {
			if domain.ErrorCode(err) != domain.CodeForbidden {
				t.Fatalf("%v", err)
			}
		}},
		{"supervisor without queues sees nothing", "media=voice", lonely, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Filter.Queues == nil || !r.Filter.Empty() {
				t.Fatalf("%v %v", r.Filter.Queues, err)
			}
		}},
		{"several values, repeated and comma-separated", "media=voice&agents=b,a&agents=c&agents=a", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || strings.Join(r.Filter.AgentIDsAny, ",") != "a,b,c" {
				t.Fatalf("%v %v", r.Filter.AgentIDsAny, err)
			}
		}},
		{"responded within, in stored milliseconds", "media=chat&respondedWithin=5", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Filter.RespondedWithin.Millis() != 300000 {
				t.Fatalf("%v %v", r.Filter.RespondedWithin, err)
			}
		}},
		{"flags yes and no", "media=chat&assigned=no&done=yes&rated=no", admin, func(t *testing.T, r *Request, err error) {
			f := r.Filter
			if err != nil || f.Assigned == nil || *f.Assigned || f.Completed == nil || !*f.Completed || f.Rated == nil || *f.Rated || f.Supported != nil {
				t.Fatalf("%+v %v", f, err)
			}
		}},
		{"drill-down values", "media=voice&finalAgents=b,a&ivr=Sales&abandonedIn=ivr", admin, func(t *testing.T, r *Request, err error) {
			f := r.Filter
			if err != nil || strings.Join(f.FinalAgents, ",") != "a,b" || f.AgentIDsAny != nil || strings.Join(f.MenuPaths, ",") != "Sales" || f.AbandonedIn != "ivr" {
				t.Fatalf("%+v %v", f, err)
			}
		}},
		{"time window", "media=voice&timeFrom=22:00&timeTo=06:00", admin, func(t *testing.T, r *Request, err error) {
			if err != nil || r.Range.Window == nil || r.Range.Window.From.String() != "22:00:00" || r.Range.Window.ToPrec != time.Minute {
				t.Fatalf("%+v %v", r.Range.Window, err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, _ := url.ParseQuery(c.q)
			r, err := Parse(q, c.id, settings, testNow)
			c.check(t, r, err)
		})
	}
}

// The cursor scope changes with anything that changes the rows, and not
// with the limit.
func TestScope(t *testing.T) {
	parse := func(s string) string {
		q, _ := url.ParseQuery(s)
		r, err := Parse(q, admin, settings, testNow)
		if err != nil {
			t.Fatal(err)
		}
		return r.Scope()
	}
	base := parse("media=voice&from=2026-11-01&agents=a")
	if parse("media=voice&from=2026-11-01&agents=a&limit=7") != base {
		t.Error("limit changed the scope")
	}
	for _, other := range []string{"media=chat&from=2026-11-01&agents=a", "media=voice&from=2026-11-02&agents=a",
		"media=voice&from=2026-11-01&agents=b", "media=voice&from=2026-11-01&agents=a&sort=asc",
		"media=voice&from=2026-11-01&agents=a&zone=UTC", "media=voice&from=2026-11-01&agents=a&timeFrom=08:00",
		"media=voice&from=2026-11-01&finalAgents=a", "media=voice&from=2026-11-01&agents=a&ivr=Sales",
		"media=voice&from=2026-11-01&agents=a&abandonedIn=ivr", "media=voice&from=2026-11-01&agents=a&rated=yes"} {
		if parse(other) == base {
			t.Errorf("%s has the same scope", other)
		}
	}
	// Every value of a drill-down filter is a different list, so a
	// different scope: a cursor of one must not page another.
	text := []string{"media=chat&from=2026-11-01",
		"media=chat&from=2026-11-01&category=A", "media=chat&from=2026-11-01&category=B",
		"media=chat&from=2026-11-01&supportType=message", "media=chat&from=2026-11-01&supportType=comment",
		"media=chat&from=2026-11-01&assigned=yes", "media=chat&from=2026-11-01&assigned=no",
		"media=chat&from=2026-11-01&done=yes", "media=chat&from=2026-11-01&done=no",
		"media=chat&from=2026-11-01&supported=yes", "media=chat&from=2026-11-01&supported=no",
		"media=chat&from=2026-11-01&respondedWithin=1", "media=chat&from=2026-11-01&respondedWithin=2",
		"media=chat&from=2026-11-01&rated=yes", "media=chat&from=2026-11-01&rated=no",
		"media=voice&from=2026-11-01&abandonedIn=ivr", "media=voice&from=2026-11-01&abandonedIn=queue",
		"media=voice&from=2026-11-01&ivr=A", "media=voice&from=2026-11-01&ivr=A,B",
		"media=voice&from=2026-11-01&finalAgents=a", "media=voice&from=2026-11-01&agents=a",
	}
	seen := map[string]string{}
	for _, q := range text {
		sc := parse(q)
		if prev, ok := seen[sc]; ok {
			t.Errorf("%s has the scope of %s", q, prev)
		}
		seen[sc] = q
	}
}

// manyValues is n distinct comma-separated values.
func manyValues(n int) string {
	v := make([]string, n)
	for i := range v {
		v[i] = "v" + strconv.Itoa(i)
	}
	return strings.Join(v, ",")
}
