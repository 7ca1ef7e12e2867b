package ingest

import (
	"encoding/json"
	"net/http"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
	"github.com/rastro-cc/rastro/shared/store"
)

// NewHandler serves the ingest routes for machine clients with the
// ingest scope.
func NewHandler(svc *Service, rv auth.Resolver) http.Handler {
	h := &handler{svc: svc}
	guard := rv.Require(httpapi.WriteError, domain.RoleIngest)
	return httpapi.WithRequestID(httpapi.Mux("ingest", map[string]http.Handler{
		"POST /v1/ingest/interactions": guard(http.HandlerFunc(h.interactions)),
		"POST /v1/ingest/sessions":     guard(http.HandlerFunc(h.sessions)),
		"POST /v1/ingest/agent-events": guard(http.HandlerFunc(h.agentEvents)),
		"POST /v1/ingest/bot-sessions": guard(http.HandlerFunc(h.botSessions)),
	}))
}

type handler struct{ svc *Service }

// envelope reads {"<name>": [...]} and returns the raw records.
func envelope(r *http.Request, name string) ([]json.RawMessage, error) {
	body, err := httpapi.ReadBody(r, httpapi.MaxBody)
	if err != nil {
		return nil, err
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, httpapi.JSONProblem(err)
	}
	for k := range env {
		if k != name {
			return nil, domain.FieldErr(domain.CodeBadRequest, k, "is not a known field; the body is {\""+name+"\": [...]}")
		}
	}
	rawList, ok := env[name]
	if !ok {
		return nil, domain.FieldErr(domain.CodeBadRequest, name, "is required")
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(rawList, &raw); err != nil {
		return nil, domain.FieldErr(domain.CodeBadRequest, name, "must be an array of records")
	}
	if err := checkSize(len(raw)); err != nil {
		return nil, err
	}
	return raw, nil
}

func tenantOf(r *http.Request) (store.Tenant, error) {
	id, _ := auth.From(r.Context())
	return store.NewTenant(id.Tenant)
}

func serve[T any](w http.ResponseWriter, r *http.Request, name string, write func(store.Tenant, []T) (store.Counts, error)) {
	t, err := tenantOf(r)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	raw, err := envelope(r, name)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	recs, err := decodeRecords[T](raw)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	counts, err := write(t, recs)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, counts)
}

func (h *handler) interactions(w http.ResponseWriter, r *http.Request) {
	serve(w, r, "interactions", func(t store.Tenant, b []domain.Interaction) (store.Counts, error) {
		return h.svc.Interactions(r.Context(), t, b)
	})
}

func (h *handler) sessions(w http.ResponseWriter, r *http.Request) {
	serve(w, r, "sessions", func(t store.Tenant, b []sessionmeta.Document) (store.Counts, error) {
		return h.svc.Sessions(r.Context(), t, b)
	})
}

func (h *handler) agentEvents(w http.ResponseWriter, r *http.Request) {
	serve(w, r, "events", func(t store.Tenant, b []domain.AgentEvent) (store.Counts, error) {
		return h.svc.AgentEvents(r.Context(), t, b)
	})
}

func (h *handler) botSessions(w http.ResponseWriter, r *http.Request) {
	serve(w, r, "sessions", func(t store.Tenant, b []domain.BotSession) (store.Counts, error) {
		return h.svc.BotSessions(r.Context(), t, b)
	})
}
