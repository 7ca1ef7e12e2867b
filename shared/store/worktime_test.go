package store_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Events put one by one, shuffled, replayed and by concurrent writers
// leave exactly the working-time items a bulk load leaves, and a rebuild
// of the whole range then finds nothing to change.
func TestWorkItemsIndependentOfOrder(t *testing.T) {
	ctx := context.Background()
	g := demodata.New(demodata.Config{Seed: 8, Interactions: 50, End: base, Days: 40, Agents: 6, Zone: time.UTC})
	var evs []domain.AgentEvent
	for e := range g.AgentEvents() {
		evs = append(evs, e)
	}
	if len(evs) < 500 {
		t.Fatalf("only %d events", len(evs))
	}
	r := rand.New(rand.NewPCG(1, 2))
	shuffled := append([]domain.AgentEvent(nil), evs...)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	// Replays, one of them a second report of a fact with other fields:
	// the first stored wins.
	for i := range 60 {
		e := evs[r.IntN(len(evs))]
		if i == 0 {
			e.AgentName = "Someone Else"
		}
		shuffled = append(shuffled, e)
	}
	loaded, put := MustStore(t), MustStore(t)
	if _, err := loaded.LoadNewAgentEvents(ctx, "acme", evs); err != nil {
		t.Fatal(err)
	}
	// Four writers; the same agent's events race for the same items.
	grp, gctx := errgroup.WithContext(ctx)
	var written [4]int
	for w := range 4 {
		grp.Go(func() error {
			for i := w; i < len(shuffled); i += 4 {
				o, err := put.PutAgentEvent(gctx, "acme", shuffled[i])
				if err != nil {
					return err
				}
				if o == store.Written {
					written[w]++
				}
			}
			return nil
		})
	}
	if err := grp.Wait(); err != nil {
		t.Fatal(err)
	}
	if n := written[0] + written[1] + written[2] + written[3]; n != len(evs) {
		t.Fatalf("%d events written, want %d", n, len(evs))
	}
	sameItems(t, loaded, put)
	from, to := evs[0].At, evs[len(evs)-1].At
	st, err := put.RebuildWork(ctx, "acme", from.AddDate(0, 0, -40), to.AddDate(0, 0, 40))
	if err != nil || st.Days != 0 || st.Months != 0 {
		t.Fatalf("rebuild after the puts changed %+v (%v): the incremental items were not exact", st, err)
	}
	if st.Events != len(evs) {
		t.Fatalf("rebuild read %d events, want %d", st.Events, len(evs))
	}
}

// sameItems fails unless the two tables hold the same items, but for when
// the bot channel list was created (`since`: it says when, by design).
func sameItems(t *testing.T, x, y *store.Store) {
	t.Helper()
	a, b := plainItems(t, scanAll(t, x)), plainItems(t, scanAll(t, y))
	list := store.Tenant("acme").BotChannelsKey()
	ib := map[string]map[string]any{}
	for _, it := range append(a, b...) {
		if it["pk"] == list.PK && it["sk"] == list.SK {
			delete(it, "since")
		}
	}
	for _, it := range b {
		ib[it["pk"].(string)+"|"+it["sk"].(string)] = it
	}
	for _, it := range a {
		k := it["pk"].(string) + "|" + it["sk"].(string)
		if !reflect.DeepEqual(it, ib[k]) {
			t.Fatalf("item %s differs:\n%v\n%v", k, it, ib[k])
		}
	}
	if len(a) != len(b) {
		t.Fatalf("%d items and %d", len(a), len(b))
	}
}
