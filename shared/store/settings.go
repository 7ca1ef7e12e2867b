package store

import (
	"context"
	"errors"

	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

type settingsItem struct {
	PK string `dynamo:"pk,hash"`
	SK string `dynamo:"sk,range"`
	domain.Settings
}

// GetSettings returns the tenant's settings, or the defaults when it has
// saved none.
func (s *Store) GetSettings(ctx context.Context, t Tenant) (domain.Settings, error) {
	k := t.SettingsKey()
	var it settingsItem
	err := s.table.Get("pk", k.PK).Range("sk", dynamo.Equal, k.SK).One(ctx, &it)
	if errors.Is(notFound(err), domain.ErrNotFound) {
		return domain.DefaultSettings(), nil
	}
	if err != nil {
		return domain.Settings{}, wrap("get settings", err)
	}
	return it.Settings, nil
}

// PutSettings replaces the tenant's settings; callers validate first.
func (s *Store) PutSettings(ctx context.Context, t Tenant, st domain.Settings) error {
	k := t.SettingsKey()
	return wrap("put settings", s.table.Put(settingsItem{PK: k.PK, SK: k.SK, Settings: st}).Run(ctx))
}

type markerItem struct {
	PK    string `dynamo:"pk,hash"`
	SK    string `dynamo:"sk,range"`
	Value string `dynamo:"value"`
}

// Marker reads a tooling marker; ErrNotFound when unset.
func (s *Store) Marker(ctx context.Context, t Tenant, name string) (string, error) {
	k := t.MarkerKey(name)
	var it markerItem
	if err := s.table.Get("pk", k.PK).Range("sk", dynamo.Equal, k.SK).Consistent(true).One(ctx, &it); err != nil {
		return "", wrap("get marker", notFound(err))
	}
	return it.Value, nil
}

// SetMarker writes a tooling marker.
func (s *Store) SetMarker(ctx context.Context, t Tenant, name, value string) error {
	k := t.MarkerKey(name)
	return wrap("put marker", s.table.Put(markerItem{PK: k.PK, SK: k.SK, Value: value}).Run(ctx))
}
