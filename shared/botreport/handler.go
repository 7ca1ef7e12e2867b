package botreport

import (
	"net/http"
	"net/url"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
)

// NewHandler serves the report and the session lookup to admins and
// supervisors.
func NewHandler(svc *Service, rv auth.Resolver) http.Handler {
	readers := rv.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	serve := func(answer func(r *http.Request, q url.Values, id domain.Identity) (any, error)) http.Handler {
		return readers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// A malformed query string is a bad request, not fewer filters.
			q, err := url.ParseQuery(r.URL.RawQuery)
			if err != nil {
				httpapi.WriteError(w, r, domain.Errorf(domain.CodeBadRequest, "the query string is malformed"))
				return
			}
			id, _ := auth.From(r.Context())
			v, err := answer(r, q, id)
			if err != nil {
				httpapi.WriteError(w, r, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusOK, httpapi.ForCaller(v, id))
		}))
	}
	return httpapi.WithRequestID(httpapi.Mux("bot", map[string]http.Handler{
		"GET /v1/reports/bot-conversations": serve(func(r *http.Request, q url.Values, id domain.Identity) (any, error) {
			return svc.Page(r.Context(), q, id)
		}),
		"GET /v1/bot-sessions/{id}": serve(func(r *http.Request, q url.Values, id domain.Identity) (any, error) {
			return svc.Session(r.Context(), id, r.PathValue("id"), q)
		}),
	}))
}
