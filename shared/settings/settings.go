// Package settings serves the caller's identity and the tenant's settings
// (time zone, locale, SLA thresholds): GET /v1/me and PUT /v1/settings.
package settings

import (
	"net/http"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

// Me is the answer of GET /v1/me.
type Me struct {
	Identity domain.Identity `json:"identity"`
	Settings domain.Settings `json:"settings"`
}

// NewHandler serves the settings routes.
func NewHandler(st *store.Store, rv auth.Resolver) http.Handler {
	h := &handler{st: st}
	readers := rv.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	admins := rv.Require(httpapi.WriteError, domain.RoleAdmin)
	return httpapi.WithRequestID(httpapi.Mux("settings", map[string]http.Handler{
		"GET /v1/me":       readers(http.HandlerFunc(h.me)),
		"PUT /v1/settings": admins(http.HandlerFunc(h.put)),
	}))
}

type handler struct{ st *store.Store }

// caller is the verified identity and its tenant; Require ran before.
func caller(r *http.Request) (domain.Identity, store.Tenant, error) {
	id, _ := auth.From(r.Context())
	t, err := store.NewTenant(id.Tenant)
	return id, t, err
}

func (h *handler) me(w http.ResponseWriter, r *http.Request) {
	id, t, err := caller(r)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	s, err := h.st.GetSettings(r.Context(), t)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, Me{Identity: id, Settings: s})
}

func (h *handler) put(w http.ResponseWriter, r *http.Request) {
	_, t, err := caller(r)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	body, err := httpapi.ReadBody(r, 16<<10)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	var s domain.Settings
	if err := httpapi.DecodeStrict(body, &s); err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	if err := s.Validate(); err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	if err := h.st.PutSettings(r.Context(), t, s); err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, s)
}
