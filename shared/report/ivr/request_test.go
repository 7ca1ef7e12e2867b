package ivr_test

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report/ivr"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
)

func TestParse(t *testing.T) {
	settings := domain.DefaultSettings()
	settings.TimeZone = "America/Sao_Paulo"
	now := time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC) // still the 9th in São Paulo
	admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
	sup := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"q2", "q1"}}

	ok := []reporttest.ParseOK[*ivr.Request]{
		reporttest.OK("defaults: by IVR, today in the tenant's zone", "", admin, func(t *testing.T, r *ivr.Request) {
			if r.Group != ivr.GroupIVR || r.Range.From.String() != "2026-03-09" || r.Range.To.String() != "2026-03-09" ||
				r.Range.Loc.String() != "America/Sao_Paulo" || r.Queues != nil || r.Range.Window != nil {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("every parameter", "group=hour&from=2026-03-01&to=2026-03-31&zone=Asia/Kathmandu&agents=a2,a1&agents=a3&services=Sales&ivr=Main,Support&userTags=night&queue=q1", admin, func(t *testing.T, r *ivr.Request) {
			if r.Group != ivr.GroupHour || r.Range.Loc.String() != "Asia/Kathmandu" || r.Range.To.String() != "2026-03-31" ||
				!slices.Equal(r.Agents, []string{"a1", "a2", "a3"}) || !slices.Equal(r.Services, []string{"Sales"}) ||
				!slices.Equal(r.IVRs, []string{"Main", "Support"}) || !slices.Equal(r.UserTags, []string{"night"}) ||
				!slices.Equal(r.Queues, []string{"q1"}) || r.Queue != "q1" {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("a lone from runs to today", "from=2026-03-01&group=day", admin, func(t *testing.T, r *ivr.Request) {
			if r.Group != ivr.GroupDay || r.Range.From.String() != "2026-03-01" || r.Range.To.String() != "2026-03-09" {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("366 days are allowed", "from=2025-01-01&to=2026-01-01", admin, func(t *testing.T, r *ivr.Request) {}),
		reporttest.OK("a supervisor reads their queues", "group=agent", sup, func(t *testing.T, r *ivr.Request) {
			if !slices.Equal(r.Queues, []string{"q1", "q2"}) || r.Queue != "" {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("a supervisor names one of theirs", "queue=q2", sup, func(t *testing.T, r *ivr.Request) {
			if !slices.Equal(r.Queues, []string{"q2"}) {
				t.Fatalf("%+v", r)
			}
		}),
	}
	bad := []reporttest.ParseBad{
		reporttest.Bad("unknown grouping", "group=week", admin, domain.CodeBadRequest, "group", "must be one of ivr, service, agent, hour, day"),
		reporttest.Bad("367 days", "from=2025-01-01&to=2026-01-02", admin, domain.CodeBadRequest, "to", "at most 366 days"),
		reporttest.Bad("to before from", "from=2026-03-02&to=2026-03-01", admin, domain.CodeBadRequest, "to", "before from"),
		reporttest.Bad("bad date", "from=2026-02-30", admin, domain.CodeBadRequest, "from", "YYYY-MM-DD"),
		reporttest.Bad("bad zone", "zone=Mars/Olympus", admin, domain.CodeBadRequest, "zone", "IANA"),
		reporttest.Bad("no time window here", "timeFrom=08:00", admin, domain.CodeBadRequest, "timeFrom", "not a parameter"),
		reporttest.Bad("media is not a parameter (voice only)", "media=voice", admin, domain.CodeBadRequest, "media", "not a parameter"),
		reporttest.Bad("empty value", "agents=a1,,a2", admin, domain.CodeBadRequest, "agents", "empty"),
		reporttest.Bad("every problem counted", "group=x&zone=y&colour=red", admin, domain.CodeBadRequest, "group", "(and 2 more)"),
		reporttest.Bad("a supervisor names another queue", "queue=q3", sup, domain.CodeForbidden, "queue", "not one of your queues"),
		reporttest.Bad("bad parameters before the scope", "queue=q3&group=x", sup, domain.CodeBadRequest, "group", ""),
	}
	reporttest.RunParse(t, func(q url.Values, id domain.Identity) (*ivr.Request, error) {
		return ivr.Parse(q, id, settings, now)
	}, ok, bad)
}
