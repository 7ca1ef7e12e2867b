package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// LoadNew stores exactly what PutInteraction stores, and leaves versions
// that already exist to the version rules.
func TestLoadNewMatchesPutInteraction(t *testing.T) {
	ctx := context.Background()
	g := demodata.New(demodata.Config{Seed: 5, Interactions: 300, End: base, Days: 10, Zone: time.UTC})
	var recs []domain.Interaction
	for in := range g.Interactions() {
		recs = append(recs, in)
	}
	loaded, put := MustStore(t), MustStore(t)

	// One record already has a newer version, another the same version.
	newer := recs[7]
	newer.Updated = newer.Updated.Add(time.Hour)
	newer.Queue = "Corrigida"
	for _, st := range []*store.Store{loaded, put} {
		for _, in := range []domain.Interaction{newer, recs[9]} {
			if _, err := st.PutInteraction(ctx, "acme", in); err != nil {
				t.Fatal(err)
			}
		}
	}

	c, err := loaded.LoadNew(ctx, prepareAll(t, recs))
	if err != nil {
		t.Fatal(err)
	}
	if c.Written != 298 || c.Stale != 1 || c.Unchanged != 1 {
		t.Fatalf("counts %+v, want 298 written, 1 stale, 1 unchanged", c)
	}
	for _, in := range recs {
		if _, err := put.PutInteraction(ctx, "acme", in); err != nil {
			t.Fatal(err)
		}
	}
	a, b := scanAll(t, loaded), scanAll(t, put)
	if len(a) != len(b) {
		t.Fatalf("LoadNew stored %d items, PutInteraction %d", len(a), len(b))
	}
	index := func(items []map[string]any) map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, it := range items {
			out[it["pk"].(string)+"|"+it["sk"].(string)] = it
		}
		return out
	}
	ia, ib := index(plainItems(t, a)), index(plainItems(t, b))
	for k, v := range ia {
		if !reflect.DeepEqual(v, ib[k]) {
			t.Fatalf("item %s differs", k)
		}
	}
	// A second load changes nothing.
	if c, err := loaded.LoadNew(ctx, prepareAll(t, recs)); err != nil || c.Written != 0 {
		t.Fatalf("reload: %+v %v", c, err)
	}
}

// The bot-session and agent-event loads store what their one-by-one
// writes store, and skip what exists.
func TestLoadNewBotsAndEventsMatch(t *testing.T) {
	ctx := context.Background()
	g := demodata.New(demodata.Config{Seed: 6, Interactions: 50, End: base, Days: 3, Zone: time.UTC, BotSessions: 120})
	var bots []domain.BotSession
	for b := range g.BotSessions() {
		bots = append(bots, b)
	}
	var evs []domain.AgentEvent
	for e := range g.AgentEvents() {
		evs = append(evs, e)
	}
	loaded, put := MustStore(t), MustStore(t)
	if _, err := loaded.PutBotSession(ctx, "acme", bots[3]); err != nil {
		t.Fatal(err)
	}
	if _, err := loaded.PutAgentEvent(ctx, "acme", evs[5]); err != nil {
		t.Fatal(err)
	}
	var prepared []*store.PreparedBotSession
	for _, b := range bots {
		p, err := store.PrepareBotSession("acme", b)
		if err != nil {
			t.Fatal(err)
		}
		prepared = append(prepared, p)
	}
	cb, err := loaded.LoadNewBotSessions(ctx, prepared)
	if err != nil || cb.Written != len(bots)-1 || cb.Unchanged != 1 {
		t.Fatalf("bots: %+v %v", cb, err)
	}
	ce, err := loaded.LoadNewAgentEvents(ctx, "acme", evs)
	if err != nil || ce.Written != len(evs)-1 || ce.Unchanged != 1 {
		t.Fatalf("events: %+v %v", ce, err)
	}
	for _, b := range bots {
		if _, err := put.PutBotSession(ctx, "acme", b); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range evs {
		if _, err := put.PutAgentEvent(ctx, "acme", e); err != nil {
			t.Fatal(err)
		}
	}
	sameItems(t, loaded, put)
	got, err := loaded.GetBotSession(ctx, "acme", bots[10].ID)
	if err != nil || len(got.Messages) != len(bots[10].Messages) {
		t.Fatalf("read back: %d messages, %v", len(got.Messages), err)
	}
}

func prepareAll(tb testing.TB, recs []domain.Interaction) []*store.PreparedInteraction {
	tb.Helper()
	out := make([]*store.PreparedInteraction, len(recs))
	for i, in := range recs {
		p, err := store.PrepareInteraction("acme", in)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = p
	}
	return out
}
