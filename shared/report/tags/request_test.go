package tags_test

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report/reporttest"
	"github.com/rastro-cc/rastro/shared/report/tags"
)

func TestParse(t *testing.T) {
	settings := domain.DefaultSettings()
	settings.TimeZone = "Asia/Kolkata"
	now := time.Date(2026, 3, 9, 19, 0, 0, 0, time.UTC) // already the 10th in Kolkata
	admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
	sup := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"q1"}}

	ok := []reporttest.ParseOK[*tags.Request]{
		reporttest.OK("defaults: by date, today in the tenant's zone", "", admin, func(t *testing.T, r *tags.Request) {
			if r.View != tags.ViewTime || r.Interval != tags.IntervalDay || r.Range.From.String() != "2026-03-10" ||
				r.Range.Loc.String() != "Asia/Kolkata" || r.Media != nil || r.Queues != nil {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("every parameter", "view=time&interval=hour&from=2026-03-01&to=2026-03-05&zone=UTC&media=chat,voice&channel=Acme Page&agents=a1&tags=vip,sale&queue=q2", admin, func(t *testing.T, r *tags.Request) {
			if r.Interval != tags.IntervalHour || r.Range.Loc != time.UTC || !slices.Equal(r.Media, []domain.Media{"chat", "voice"}) ||
				!slices.Equal(r.Channels, []string{"Acme Page"}) || !slices.Equal(r.Agents, []string{"a1"}) ||
				!slices.Equal(r.Tags, []string{"sale", "vip"}) || !slices.Equal(r.Queues, []string{"q2"}) {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("a quoted value keeps its comma", `tags="follow,up",vip&channel="Acme, Inc"`, admin, func(t *testing.T, r *tags.Request) {
			if !slices.Equal(r.Tags, []string{"follow,up", "vip"}) || !slices.Equal(r.Channels, []string{"Acme, Inc"}) {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("by channel has no interval", "view=channel", admin, func(t *testing.T, r *tags.Request) {
			if r.View != tags.ViewChannel || r.Interval != "" {
				t.Fatalf("%+v", r)
			}
		}),
		reporttest.OK("a supervisor reads their queues", "view=agent", sup, func(t *testing.T, r *tags.Request) {
			if !slices.Equal(r.Queues, []string{"q1"}) {
				t.Fatalf("%+v", r)
			}
		}),
	}
	bad := []reporttest.ParseBad{
		reporttest.Bad("unknown view", "view=page", admin, domain.CodeBadRequest, "view", "must be one of time, channel, agent"),
		reporttest.Bad("unknown interval", "interval=week", admin, domain.CodeBadRequest, "interval", "must be one of hour, day"),
		reporttest.Bad("interval outside the time view", "view=agent&interval=hour", admin, domain.CodeBadRequest, "interval", "only to view=time"),
		reporttest.Bad("unknown media", "media=chat,fax", admin, domain.CodeBadRequest, "media", `"fax"`),
		reporttest.Bad("367 days", "from=2025-03-01&to=2026-03-02", admin, domain.CodeBadRequest, "to", "at most 366 days"),
		reporttest.Bad("a parameter of another report", "group=ivr", admin, domain.CodeBadRequest, "group", "not a parameter"),
		reporttest.Bad("no value is the tracking report's", `channel=""`, admin, domain.CodeBadRequest, "channel", `does not take ""`),
		reporttest.Bad("an unclosed quote", `tags="follow,up`, admin, domain.CodeBadRequest, "tags", "without its closing double quote"),
		reporttest.Bad("an empty value", `tags=vip,,sale`, admin, domain.CodeBadRequest, "tags", "has an empty value"),
		reporttest.Bad("too many values", "tags="+manyValues(101), admin, domain.CodeBadRequest, "tags", "at most 100"),
		reporttest.Bad("a supervisor names another queue", "queue=q2", sup, domain.CodeForbidden, "queue", "not one of your queues"),
	}
	reporttest.RunParse(t, func(q url.Values, id domain.Identity) (*tags.Request, error) {
		return tags.Parse(q, id, settings, now)
	}, ok, bad)
}

func manyValues(n int) string {
	var s []byte
	for i := range n {
		if i > 0 {
			s = append(s, ',')
		}
		s = append(s, 't', byte('a'+i/26%26), byte('a'+i%26))
	}
	return string(s)
}
