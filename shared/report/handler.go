package report

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"time"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// Env is what a report computes with.
type Env struct {
	Store    *store.Store
	Reader   *rollup.Reader
	Tenant   store.Tenant
	Identity domain.Identity
	Settings domain.Settings
	Now      time.Time
}

// Func computes a report from its query string.
type Func func(ctx context.Context, env Env, q url.Values) (any, error)

// Handler serves one aggregate report's routes to admins and supervisors:
// it resolves the caller, the tenant and its settings, and hands the
// query to the report.
func Handler(function string, st *store.Store, rv auth.Resolver, now func() time.Time, routes map[string]Func) http.Handler {
	if now == nil {
		now = time.Now
	}
	rd := &rollup.Reader{Store: st}
	readers := rv.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	handlers := map[string]http.Handler{}
	for pattern, f := range routes {
		handlers[pattern] = readers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			resp, err := serve(r, st, rd, now(), f)
			if err != nil {
				httpapi.WriteError(w, r, err)
				return
			}
			id, _ := auth.From(r.Context())
			httpapi.WriteJSON(w, http.StatusOK, httpapi.ForCaller(resp, id))
		}))
	}
	return httpapi.WithRequestID(httpapi.Mux(function, handlers))
}

func serve(r *http.Request, st *store.Store, rd *rollup.Reader, now time.Time, f Func) (any, error) {
	id, _ := auth.From(r.Context())
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return nil, err
	}
	settings, err := st.GetSettings(r.Context(), t)
	if err != nil {
		return nil, err
	}
	return f(r.Context(), Env{Store: st, Reader: rd, Tenant: t, Identity: id, Settings: settings, Now: now}, r.URL.Query())
}

// Queues reads the optional `queue` filter and scopes it to the caller:
// an admin reads every queue (nil) or the one named; a supervisor reads
// their queues, or the one named if it is theirs (403 otherwise).
func (p *Params) Queues(id domain.Identity) ([]string, string, error) {
	q := p.One("queue")
	switch {
	case q != "" && !id.CanSeeQueue(q):
		return nil, "", domain.FieldErr(domain.CodeForbidden, "queue", "is not one of your queues")
	case q != "":
		return []string{q}, q, nil
	case id.Role != domain.RoleAdmin:
		qs := slices.Clone(id.Queues)
		sort.Strings(qs)
		if qs == nil {
			qs = []string{}
		}
		return qs, "", nil
	}
	return nil, "", nil
}
