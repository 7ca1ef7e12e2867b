package history

import (
	"context"
	"errors"
	"time"

	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Service answers the history lookups for a verified identity. The tenant
// comes from the identity alone, and a supervisor sees only interactions
// of their queues: one outside them is not found, exactly like an unknown
// id, and lists leave them out in the query so pages stay full.
type Service struct {
	store      *store.Store
	cursors    cursor.Signer
	recordings recordings
}

// errNotFound is the one answer for an id that is unknown, another
// tenant's or outside the caller's queues: which of them must not show.
var errNotFound = domain.Errorf(domain.CodeNotFound, "interaction not found")

// Interaction is the report row of one interaction.
func (s *Service) Interaction(ctx context.Context, id domain.Identity, iid string) (*InteractionView, error) {
	in, loc, err := s.read(ctx, id, iid)
	if err != nil {
		return nil, err
	}
	zone := loc.String()
	return &InteractionView{Zone: zone, Row: tracking.RenderRow(&in, loc)}, nil
}

// History is one interaction's full history: its row, the transfer path
// and the messages in order o, the participants, and a voice call's
// details with a playable recording link.
func (s *Service) History(ctx context.Context, id domain.Identity, iid string, o Order) (*HistoryView, error) {
	in, loc, err := s.read(ctx, id, iid)
	if err != nil {
		return nil, err
	}
	zone := loc.String()
	v := &HistoryView{
		Zone: zone, Order: o, Row: tracking.RenderRow(&in, loc),
		Legs: legsIn(in.Legs, o), Messages: messagesIn(in.Messages, o),
		Participants: append(make([]domain.Participant, 0, len(in.Participants)), in.Participants...),
	}
	if vd := in.Voice; vd != nil {
		t, _ := store.NewTenant(id.Tenant) // read checked it
		link, exp, err := s.recordings.link(ctx, t, vd.RecordingKey, vd.RecordingURL)
		if err != nil {
			return nil, err
		}
		v.Voice = &Voice{
			JitterMs: vd.JitterMs, PacketLossPct: vd.PacketLossPct, Server: vd.Server, DialedNumber: vd.DialedNumber,
			ExternalChannel: vd.ExternalChannel, InternalChannel: vd.InternalChannel,
			RecordingPermission: vd.RecordingPermission, RecordingURL: link, RecordingExpiresAt: exp,
			TranscriptionURL: vd.TranscriptionURL,
		}
	}
	return v, nil
}

// read loads an interaction the caller may see and the tenant's zone.
func (s *Service) read(ctx context.Context, id domain.Identity, iid string) (domain.Interaction, *time.Location, error) {
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return domain.Interaction{}, nil, err
	}
	// An id ingestion would refuse names nothing; don't spend a read on it.
	if iid == "" || len(iid) > domain.MaxIDLen {
		return domain.Interaction{}, nil, errNotFound
	}
	in, err := s.store.GetInteraction(ctx, t, iid)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !id.CanSeeQueue(in.Queue)) {
		return domain.Interaction{}, nil, errNotFound
	}
	if err != nil {
		return domain.Interaction{}, nil, err
	}
	settings, err := s.store.GetSettings(ctx, t)
	if err != nil {
		return domain.Interaction{}, nil, err
	}
	loc, err := domain.LoadZone(settings.TimeZone)
	return in, loc, err
}

// ContactHistory is a page of the client's interactions across media and
// time (seed 004's C badge).
func (s *Service) ContactHistory(ctx context.Context, id domain.Identity, req ListRequest) (*ListView, error) {
	return s.list(ctx, id, req, "contacts", (*store.Store).ContactHistory)
}

// AgentHistory is a page of the interactions the agent held, on any leg
// (seed 004's A badge).
func (s *Service) AgentHistory(ctx context.Context, id domain.Identity, req ListRequest) (*ListView, error) {
	return s.list(ctx, id, req, "agents", (*store.Store).AgentHistory)
}

type pager func(*store.Store, context.Context, store.Tenant, string, store.LookupQuery, *store.LookupPos, int) (store.SummaryPage, error)

func (s *Service) list(ctx context.Context, id domain.Identity, req ListRequest, endpoint string, read pager) (*ListView, error) {
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return nil, err
	}
	// The queue scope is not part of the cursor's: it is applied afresh
	// from the identity on every page.
	scope := cursor.Scope(endpoint, req.Key, string(req.Order))
	var pos *store.LookupPos
	if req.Cursor != "" {
		pos = new(store.LookupPos)
		if err := s.cursors.Open(req.Cursor, cursor.HolderOf(id), scope, pos); err != nil {
			return nil, err
		}
	}
	page, err := read(s.store, ctx, t, req.Key, store.LookupQuery{Queues: queueScope(id), Desc: req.Order == Desc}, pos, req.Limit)
	if err != nil {
		return nil, err
	}
	items, err := s.items(ctx, t, page.Items)
	if err != nil {
		return nil, err
	}
	v := &ListView{Order: req.Order, Items: items}
	if page.Next != nil {
		c, err := s.cursors.Seal(cursor.HolderOf(id), scope, page.Next)
		if err != nil {
			return nil, err
		}
		v.NextCursor = &c
	}
	return v, nil
}

// Lookup finds the interactions with a protocol or an external protocol,
// across media and time, newest first.
func (s *Service) Lookup(ctx context.Context, id domain.Identity, req LookupRequest) (*LookupView, error) {
	t, err := store.NewTenant(id.Tenant)
	if err != nil {
		return nil, err
	}
	find := s.store.ByProtocol
	if req.External {
		find = s.store.ByExternalProtocol
	}
	page, err := find(ctx, t, req.Protocol, store.LookupQuery{Queues: queueScope(id), Desc: true}, MaxLimit)
	if err != nil {
		return nil, err
	}
	items, err := s.items(ctx, t, page.Items)
	if err != nil {
		return nil, err
	}
	return &LookupView{Items: items, Truncated: page.Next != nil}, nil
}

func (s *Service) items(ctx context.Context, t store.Tenant, sums []store.Summary) ([]Item, error) {
	out := make([]Item, 0, len(sums))
	for i := range sums {
		it := itemOf(&sums[i])
		var err error
		if it.RecordingURL, it.RecordingExpiresAt, err = s.recordings.link(ctx, t, sums[i].RecordingKey, sums[i].RecordingURL); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

// queueScope is the queues a list may show the caller: every queue for an
// admin (nil), the assigned ones for a supervisor (maybe none), none for
// anyone else. It is domain.Identity.CanSeeQueue as a store filter.
func queueScope(id domain.Identity) []string {
	switch id.Role {
	case domain.RoleAdmin:
		return nil
	case domain.RoleSupervisor:
		return append([]string{}, id.Queues...)
	}
	return []string{}
}
