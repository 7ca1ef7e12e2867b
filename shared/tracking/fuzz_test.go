package tracking_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// FuzzParse feeds the Interaction Tracking filter parser any query string,
// as an admin and as a supervisor: it never panics, and what it refuses
// it refuses with a 4xx (a domain error naming the field), never an
// internal error.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		"", "media=chat,whatsapp&from=2026-03-01&to=2026-03-31&zone=America/Sao_Paulo",
		"protocol=2026030100000001&limit=50", "tags=a,b&agents=x&services=s&timeFrom=09:00&timeTo=17:59",
		"from=2026-02-30", "limit=-1", "zone=Mars/Olympus", "media=fax", "cursor=abc.def", "queue=Vendas",
		"status=service_completed&voiceStatus=answered&contact=tel:+5511999990000&sort=start&order=asc",
	} {
		f.Add(q, false)
	}
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	settings := domain.DefaultSettings()
	f.Fuzz(func(t *testing.T, raw string, supervisor bool) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return // the gateway would not deliver it
		}
		id := domain.Identity{Tenant: "acme", UserID: "u", Role: domain.RoleAdmin}
		if supervisor {
			id.Role, id.Queues = domain.RoleSupervisor, []string{"Suporte"}
		}
		if _, err := tracking.Parse(q, id, settings, now); err != nil {
			if s := httpapi.Status(err); s < 400 || s > 499 {
				t.Fatalf("Parse(%q) = %d %v, want a 4xx", raw, s, err)
			}
		}
	})
}
