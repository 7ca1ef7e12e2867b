package tracking_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Cases a review found: active interactions under the service-status
// default, an external protocol many interactions share, and filters too
// large for one DynamoDB expression.
func TestReviewedEdges(t *testing.T) {
	now := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	e := newEnv(t, "UTC", now)
	at := func(d int) time.Time { return time.Date(2026, 10, 1+d, 12, 0, 0, 0, time.UTC) }
	done := at(0).Add(time.Minute)
	ins := []domain.Interaction{
		{ID: "active-chat", Media: domain.MediaChat, State: domain.StateActive, Start: at(0), Updated: at(0)},
		{ID: "closed-chat", Media: domain.MediaChat, State: domain.StateClosed, Start: at(0).Add(time.Second), Updated: done, Finished: &done, Status: domain.StatusServiceCompleted},
	}
	var shared []string
	for d := 0; d < 30; d++ {
		id := fmt.Sprintf("na-%02d", d)
		ins = append(ins, domain.Interaction{ID: id, Media: domain.MediaVoice, State: domain.StateClosed, Start: at(d), Updated: at(d), Finished: &done, ExternalProtocol: "N/A"})
		shared = append(shared, id)
	}
	e.load(t, ins)
	admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
	month := url.Values{"from": {"2026-10-01"}, "to": {"2026-10-31"}}
	with := func(kv ...string) url.Values {
		q := cloneValues(month)
		for i := 0; i < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	cases := []struct {
		name string
		q    url.Values
		want []string
	}{
		{"active chats have no final status", with("media", "chat", "state", "active"), []string{"active-chat"}},
		{"all chats", with("media", "chat", "state", "all", "sort", "asc"), []string{"active-chat", "closed-chat"}},
		{"closed chats: service completed by default", with("media", "chat"), []string{"closed-chat"}},
		{"shared external protocol, one day", with("media", "voice", "externalProtocol", "N/A", "from", "2026-10-15", "to", "2026-10-15"), []string{"na-14"}},
		{"shared external protocol, paged", with("media", "voice", "externalProtocol", "N/A", "limit", "7", "sort", "asc"), shared},
		{"shared external protocol, paged newest first", with("media", "voice", "externalProtocol", "N/A", "limit", "4"), reversed(shared)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := e.all(t, c.q, admin); !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}

	many := func(prefix string, n int) string {
		var v []string
		for i := 0; i < n; i++ {
			v = append(v, fmt.Sprintf("%s%d", prefix, i))
		}
		return strings.Join(v, ",")
	}
	if _, err := e.svc.Page(t.Context(), with("media", "chat", "tags", many("t", 60), "agents", many("a", 60)), admin, e.tenant); domain.ErrorCode(err) != domain.CodeBadRequest {
		t.Errorf("120 filter values: %v", err)
	}
	// The most list values the parser takes, each list with None, and the
	// measured-time filters: DynamoDB states it all in one expression.
	biggest := with("media", "voice", "ivr", many("m", 24)+`,""`, "finalAgents", many("a", 24)+`,""`,
		"services", many("s", 24)+`,""`, "channel", many("c", 24)+`,""`, "waited", "yes", "handled", "no")
	if _, err := e.svc.Page(t.Context(), biggest, admin, e.tenant); err != nil {
		t.Errorf("100 values over the lists that take None: %v", err)
	}
	crowded := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: strings.Split(many("queue-", 400), ",")}
	if _, err := e.svc.Page(t.Context(), with("media", "chat", "tags", many("t", 90)), crowded, e.tenant); domain.ErrorCode(err) != domain.CodeBadRequest || !strings.Contains(err.Error(), "filters") {
		t.Errorf("400 queues and 90 tags: %v", err)
	}
	if _, err := e.svc.Page(t.Context(), with("media", "chat", "contact", "\u0301"), admin, e.tenant); domain.ErrorCode(err) != domain.CodeBadRequest {
		t.Errorf("a name search of only an accent: %v", err)
	}
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
