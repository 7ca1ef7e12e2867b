package botreport

import (
	"context"
	"errors"
	"net/url"
	"time"

	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Service answers the report and the session lookup from the store, for a
// verified identity: the tenant comes from it alone.
type Service struct {
	Store   *store.Store
	Cursors cursor.Signer
	Budget  store.PageBudget // zero: the store's defaults
	Now     func() time.Time // nil: time.Now
}

// errNotFound is the one answer for a session id that is unknown,
// another tenant's or outside the caller's queues.
var errNotFound = domain.Errorf(domain.CodeNotFound, "bot session not found")

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Page answers one report request.
func (s *Service) Page(ctx context.Context, q url.Values, id domain.Identity) (*ListView, error) {
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return nil, err
	}
	settings, err := s.Store.GetSettings(ctx, t)
	if err != nil {
		return nil, err
	}
	now := s.now()
	req, err := Parse(q, id, settings, now)
	if err != nil {
		return nil, err
	}
	var pos store.BotPos
	scope := req.Scope()
	if req.Cursor != "" {
		if err := s.Cursors.Open(req.Cursor, cursor.HolderOf(id), scope, &pos); err != nil {
			return nil, err
		}
	}
	page, err := s.Store.QueryBotSessions(ctx, t, req.Query(), pos, req.Limit, s.Budget)
	if err != nil {
		return nil, err
	}
	loc := req.Range.Loc
	through := req.End()
	if now.Before(through) {
		through = now
	}
	out := &ListView{
		Zone: loc.String(), From: req.Range.From.String(), To: req.Range.To.String(),
		Channels: req.Channels, Sort: req.SortName(),
		GeneratedAt: domain.FormatInstant(now), DataThrough: domain.FormatInstant(through),
		Sessions: make([]Session, 0, len(page.Sessions)), Totals: Totals{Count: len(page.Sessions)},
		ItemsRead: page.Evaluated,
	}
	for i := range page.Sessions {
		out.Sessions = append(out.Sessions, render(&page.Sessions[i].BotSession, loc))
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

// Session is one session with its conversations and messages, in the
// tenant's zone or the one q names.
func (s *Service) Session(ctx context.Context, id domain.Identity, sid string, q url.Values) (*SessionView, error) {
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return nil, err
	}
	loc, err := zoneOnly(q)
	if err != nil {
		return nil, err
	}
	// An id ingestion would refuse names nothing; don't spend a read on it.
	if !sessionPattern.MatchString(sid) {
		return nil, errNotFound
	}
	b, err := s.Store.GetBotSession(ctx, t, sid)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !id.CanSeeQueue(b.Queue)) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	if loc == nil {
		settings, err := s.Store.GetSettings(ctx, t)
		if err != nil {
			return nil, err
		}
		if loc, err = domain.LoadZone(settings.TimeZone); err != nil {
			loc = time.UTC
		}
	}
	at := domain.FormatInstant(s.now())
	return &SessionView{Zone: loc.String(), GeneratedAt: at, DataThrough: at, Session: renderDetail(&b, loc)}, nil
}

// zoneOnly reads the session lookup's query string, which may name a zone
// (nil when it doesn't) and nothing else.
func zoneOnly(q url.Values) (*time.Location, error) {
	var r Request
	for k, v := range q {
		if k != "zone" {
			return nil, domain.FieldErr(domain.CodeBadRequest, domain.Clip(k), "is not a parameter of this endpoint (it takes zone)")
		}
		vals, err := split(v, false, 0)
		if err == nil {
			err = params["zone"].set(&r, vals)
		}
		if err != nil {
			return nil, domain.FieldErr(domain.CodeBadRequest, "zone", err.Error())
		}
	}
	return r.Range.Loc, nil
}
