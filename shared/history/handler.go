// Package history serves the history lookups: one interaction's report
// row and full history (seed 000's transfer path and voice details, seed
// 001's message history), seed 004's client and agent history windows,
// and the lookups by protocol and external protocol. Admins and
// supervisors read; a supervisor sees only the queues assigned to them.
package history

import (
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

// Config is what the history function is built from.
type Config struct {
	Store    *store.Store
	Resolver auth.Resolver
	Cursors  cursor.Signer
	// S3 signs recording links into MediaBucket; nil leaves recordings
	// stored there without a link (external recording URLs still show).
	S3           *s3.Client
	MediaBucket  string
	RecordingTTL time.Duration // how long a recording link works; 0 means DefaultRecordingTTL
}

// NewService builds the service the handler calls.
func NewService(cfg Config) *Service {
	rec := recordings{bucket: cfg.MediaBucket, ttl: cfg.RecordingTTL}
	if rec.ttl <= 0 {
		rec.ttl = DefaultRecordingTTL
	}
	if cfg.S3 != nil {
		rec.presign = s3.NewPresignClient(cfg.S3)
	}
	return &Service{store: cfg.Store, cursors: cfg.Cursors, recordings: rec}
}

// NewHandler serves the history routes to admins and supervisors.
func NewHandler(cfg Config) http.Handler {
	h := &handler{svc: NewService(cfg)}
	readers := cfg.Resolver.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	return httpapi.WithRequestID(httpapi.Mux("history", map[string]http.Handler{
		"GET /v1/interactions":                       readers(http.HandlerFunc(h.lookup)),
		"GET /v1/interactions/{id}":                  readers(http.HandlerFunc(h.interaction)),
		"GET /v1/interactions/{id}/history":          readers(http.HandlerFunc(h.history)),
		"GET /v1/contacts/{contactKey}/interactions": readers(http.HandlerFunc(h.contact)),
		"GET /v1/agents/{agentId}/interactions":      readers(http.HandlerFunc(h.agent)),
	}))
}

type handler struct{ svc *Service }

// caller is the identity Require verified.
func caller(r *http.Request) domain.Identity {
	id, _ := auth.From(r.Context())
	return id
}

// answer writes v, or err when there is one.
func answer[T any](w http.ResponseWriter, r *http.Request, v *T, err error) {
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}

func (h *handler) interaction(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r.URL.RawQuery); err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	v, err := h.svc.Interaction(r.Context(), caller(r), r.PathValue("id"))
	answer(w, r, v, err)
}

func (h *handler) history(w http.ResponseWriter, r *http.Request) {
	q, err := query(r.URL.RawQuery, "order")
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	o, err := order(q, Asc)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	v, err := h.svc.History(r.Context(), caller(r), r.PathValue("id"), o)
	answer(w, r, v, err)
}

func (h *handler) contact(w http.ResponseWriter, r *http.Request) {
	req, err := contactRequest(r.URL.RawQuery, r.PathValue("contactKey"))
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	v, err := h.svc.ContactHistory(r.Context(), caller(r), req)
	answer(w, r, v, err)
}

func (h *handler) agent(w http.ResponseWriter, r *http.Request) {
	req, err := listRequest(r.URL.RawQuery, "agentId", r.PathValue("agentId"))
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	v, err := h.svc.AgentHistory(r.Context(), caller(r), req)
	answer(w, r, v, err)
}

func (h *handler) lookup(w http.ResponseWriter, r *http.Request) {
	req, err := lookupRequest(r.URL.RawQuery)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	v, err := h.svc.Lookup(r.Context(), caller(r), req)
	answer(w, r, v, err)
}
