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
	// what the page cost.
	ItemsRead int `json:"itemsRead"`
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
		if err := s.Cursors.Open(req.Cursor, string(t), scope, &pos); err != nil {
			return nil, err
		}
	}
	page, err := s.readPage(ctx, t, req, pos)
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
		c, err := s.Cursors.Seal(string(t), scope, page.Next)
		if err != nil {
			return nil, err
		}
		out.NextCursor = &c
	}
	return out, nil
}

// readPage reads one page of the request's rows from pos. Rows the
// store's filter passes but req.Match doesn't are dropped, and the store
// is asked again, from where it stopped, for as many as are still
// missing: asking for exactly that many keeps the store's position right
// after the last row looked at, whatever was dropped. It stops when the
// page is full, the rows run out, or the store stopped short of what it
// was asked for (its read budget: the page is returned as it is, with its
// cursor) or the page's time budget is spent.
func (s *Service) readPage(ctx context.Context, t store.Tenant, req *Request, pos store.RowPos) (store.RowPage, error) {
	if req.Match.Empty() {
		return s.Store.QueryRows(ctx, t, req.Query(), pos, req.Limit, s.Budget)
	}
	start := time.Now()
	var out store.RowPage
	for {
		want := req.Limit - len(out.Rows)
		page, err := s.Store.QueryRows(ctx, t, req.Query(), pos, want, s.Budget)
		if err != nil {
			return store.RowPage{}, err
		}
		out.Evaluated += page.Evaluated
		out.Requests += page.Requests
		for _, r := range page.Rows {
			if req.Match.Matches(&r.Interaction) {
				out.Rows = append(out.Rows, r)
			}
		}
		out.Next = page.Next
		if page.Next == nil || len(out.Rows) == req.Limit || len(page.Rows) < want || time.Since(start) > matchTime {
			return out, nil
		}
		pos = *page.Next
	}
}

// matchTime bounds the store reads of one page whose rows req.Match
// thins: a page past it is returned with its cursor, like one that spent
// the store's read budget.
const matchTime = time.Second

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
			httpapi.WriteJSON(w, http.StatusOK, resp)
		})),
	}))
}
