package tracking

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

// Service answers report requests from the store.
type Service struct {
	Store   *store.Store
	Cursors cursor.Signer
	Budget  store.PageBudget // zero: the store's defaults
	Now     func() time.Time // nil: time.Now
}

// Response is one page of the report.
type Response struct {
	Media      domain.Media `json:"media"`
	Zone       string       `json:"zone"`
	From       string       `json:"from"`
	To         string       `json:"to"`
	TimeFrom   string       `json:"timeFrom,omitempty"`
	TimeTo     string       `json:"timeTo,omitempty"`
	Sort       string       `json:"sort"`
	Columns    []ColumnInfo `json:"columns"`
	Rows       []Row        `json:"rows"`
	NextCursor *string      `json:"nextCursor"` // null on the last page
	// ItemsRead is how many stored items the page read, matching or not:
	// what the page cost; admins only (HideCosts).
	ItemsRead int `json:"itemsRead,omitempty"`
}

// ColumnInfo names a column of the rows.
type ColumnInfo struct {
	Key    string `json:"key"`
	Header string `json:"header"`
}

// Page answers one report request for the caller.
func (s *Service) Page(ctx context.Context, query url.Values, id domain.Identity, t store.Tenant) (*Response, error) {
	settings, err := s.Store.GetSettings(ctx, t)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	req, err := Parse(query, id, settings, now())
	if err != nil {
		return nil, err
	}
	var pos store.RowPos
	scope := req.Scope()
	if req.Cursor != "" {
		if err := s.Cursors.Open(req.Cursor, cursor.HolderOf(id), scope, &pos); err != nil {
			return nil, err
		}
	}
	page, err := s.Store.QueryRows(ctx, t, req.Query(), pos, req.Limit, s.Budget)
	if err != nil {
		return nil, err
	}
	out := &Response{
		Media: req.Media, Zone: req.Range.Loc.String(),
		From: req.Range.From.String(), To: req.Range.To.String(),
		Sort: req.SortName(),
		Rows: make([]Row, 0, len(page.Rows)), ItemsRead: page.Evaluated,
	}
	if w := req.Range.Window; w != nil {
		out.TimeFrom, out.TimeTo = w.From.String(), w.To.String()
	}
	for _, c := range Columns(req.Media) {
		out.Columns = append(out.Columns, ColumnInfo{c.Key, c.Header})
	}
	for i := range page.Rows {
		out.Rows = append(out.Rows, RenderRow(&page.Rows[i].Interaction, req.Range.Loc))
	}
	if page.Next != nil {
		c, err := s.Cursors.Seal(cursor.HolderOf(id), scope, page.Next)
		if err != nil {
			return nil, err
		}
		out.NextCursor = &c
	}
	return out, nil
}

// HideCosts drops what the page cost to read (httpapi.ForCaller).
func (r *Response) HideCosts() { r.ItemsRead = 0 }

// NewHandler serves GET /v1/reports/interactions to admins and supervisors.
func NewHandler(svc *Service, rv auth.Resolver) http.Handler {
	readers := rv.Require(httpapi.WriteError, domain.RoleAdmin, domain.RoleSupervisor)
	return httpapi.WithRequestID(httpapi.Mux("tracking", map[string]http.Handler{
		"GET /v1/reports/interactions": readers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			id, _ := auth.From(r.Context())
			t, err := store.NewTenant(id.Tenant)
			if err != nil {
				httpapi.WriteError(w, r, err)
				return
			}
			resp, err := svc.Page(r.Context(), r.URL.Query(), id, t)
			if err != nil {
				httpapi.WriteError(w, r, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusOK, httpapi.ForCaller(resp, id))
		})),
	}))
}
