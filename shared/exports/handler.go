package exports

import (
	"net/http"
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

// Config is what the exports function is built from.
type Config struct {
	Store    *store.Store
	Resolver auth.Resolver
	Cursors  cursor.Signer
	// S3 signs download links into Bucket; nil gives jobs without links.
	S3      *s3.Client
	Bucket  string
	LinkTTL time.Duration    // how long a download link works; 0 means DefaultLinkTTL
	Now     func() time.Time // nil: time.Now
}

// NewHandler serves the export routes to admins and supervisors. A
// supervisor's file holds their queues only (the job keeps the identity
// it was asked with, and the exporter scopes its rows by it), and a
// supervisor sees only the jobs they asked for.
func NewHandler(cfg Config) http.Handler {
	h := &handler{svc: NewService(cfg)}
	readers := cfg.Resolver.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	return httpapi.WithRequestID(httpapi.Mux("exports", map[string]http.Handler{
		"POST /v1/exports":     readers(http.HandlerFunc(h.create)),
		"GET /v1/exports":      readers(http.HandlerFunc(h.list)),
		"GET /v1/exports/{id}": readers(http.HandlerFunc(h.get)),
	}))
}

type handler struct{ svc *Service }

// caller is the identity Require verified, and its tenant.
func caller(r *http.Request) (domain.Identity, store.Tenant, error) {
	id, _ := auth.From(r.Context())
	t, err := store.NewTenant(id.Tenant)
	return id, t, err
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) {
	who, t, err := caller(r)
	if err == nil {
		err = noQuery(r)
	}
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	raw, err := httpapi.ReadBody(r, MaxBody)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	job, err := h.svc.Create(r.Context(), who, t, raw)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, job)
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	who, t, err := caller(r)
	var q url.Values
	if err == nil {
		q, err = url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			err = domain.Errorf(domain.CodeBadRequest, "the query string is malformed")
		}
	}
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	page, err := h.svc.List(r.Context(), t, who, q)
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, page)
}

func (h *handler) get(w http.ResponseWriter, r *http.Request) {
	who, t, err := caller(r)
	if err == nil {
		err = noQuery(r)
	}
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	job, err := h.svc.Get(r.Context(), t, who, r.PathValue("id"))
	if err != nil {
		httpapi.WriteError(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, job)
}

// noQuery refuses query parameters where the route takes none, naming the
// first, rather than ignoring what a client meant to ask.
func noQuery(r *http.Request) error {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return domain.Errorf(domain.CodeBadRequest, "the query string is malformed")
	}
	for name := range q {
		return domain.FieldErr(domain.CodeBadRequest, name, "is not a parameter of this operation")
	}
	return nil
}
