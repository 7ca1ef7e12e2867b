package benchdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// The extras are the month's chatbot sessions and agent status events,
// loaded after the interactions under a marker of their own: the
// interactions took an hour to load, and nothing in them depends on the
// extras, so adding or changing the extras must not reload them.
const extrasMarker = "bench-extras"

// extrasSamples is how many bot sessions, spread over the whole set,
// stand for the generator's and the store's current behaviour.
const extrasSamples = 64

// extrasEvery is between progress lines.
const extrasEvery = 10 * time.Second

// extrasSet is what this build would store as the extras.
type extrasSet struct {
	fp           string
	bots, events int
	channels     []domain.Media // of the sessions
}

// extras names the extras as this build would store them: how many of
// each, and a hash of the items a sample of the sessions is stored as and
// of every event's key and JSON (an event is small: hashing all of them
// costs less than generating the sessions). Sessions can only be
// generated in order, so a fingerprint costs generating all of them:
// about 2 s for the 200,000 of the full data set.
func (d *DB) extras() (extrasSet, error) {
	gen, err := d.Info.Spec.generator()
	if err != nil {
		return extrasSet{}, err
	}
	return extrasOf(d.Tenant, gen)
}

func extrasOf(t store.Tenant, gen *demodata.Generator) (extrasSet, error) {
	var x extrasSet
	h := sha256.New()
	n := gen.Config().BotSessions
	next := 0 // index of the next sampled session
	for b := range gen.BotSessions() {
		if !slices.Contains(x.channels, b.Channel) {
			x.channels = append(x.channels, b.Channel)
		}
		if next < extrasSamples && next*(n-1)/(extrasSamples-1) == x.bots {
			p, err := store.PrepareBotSession(t, b)
			if err != nil {
				return x, fmt.Errorf("bot session %d: %w", x.bots, err)
			}
			if err := p.WriteCanonical(h); err != nil {
				return x, err
			}
		}
		// With fewer sessions than samples, several samples are one session.
		for next < extrasSamples && next*(n-1)/(extrasSamples-1) == x.bots {
			next++
		}
		x.bots++
	}
	for e := range gen.AgentEvents() {
		e.Normalize()
		k := t.AgentEventKey(&e)
		j, err := json.Marshal(e)
		if err != nil {
			return x, err
		}
		fmt.Fprintf(h, "%s %s %s\n", k.PK, k.SK, j)
		x.events++
	}
	x.fp = fmt.Sprintf("bots=%d events=%d items=%s work=%s", x.bots, x.events, hex.EncodeToString(h.Sum(nil))[:16], store.WorkFormat)
	return x, nil
}

// HasExtras reports whether the data set's bot sessions and agent events
// are the ones this build would store.
func (d *DB) HasExtras(ctx context.Context) (bool, error) {
	x, err := d.extras()
	if err != nil {
		return false, err
	}
	have, err := marker(ctx, d.Store, d.Tenant, extrasMarker)
	return have == x.fp, err
}

// EnsureExtras loads the data set's bot sessions and agent events unless
// the marker says this build's are there. Loads leave what is stored to
// the version rules, so an interrupted run is finished by the next one;
// extras of another build are deleted first, since those rules would keep
// some of them (an event or a session id this build doesn't make) beside
// the new ones.
func (d *DB) EnsureExtras(ctx context.Context, log io.Writer) error {
	x, err := d.extras()
	if err != nil {
		return err
	}
	have, err := marker(ctx, d.Store, d.Tenant, extrasMarker)
	if err != nil {
		return err
	}
	if have == x.fp {
		// Loaded by a build before the bot channel list: the load was a
		// first load, so the list holds for all time.
		return d.Store.NoteBotChannels(ctx, d.Tenant, true, x.channels...)
	}
	client := d.Store.Client()
	if err := disableStream(ctx, client); err != nil {
		return err
	}
	if have != "" {
		fmt.Fprintf(log, "extras: the table holds another build's (%s); deleting them\n", have)
		n, err := d.clearExtras(ctx)
		if err != nil {
			return fmt.Errorf("benchdata: delete extras: %w", err)
		}
		fmt.Fprintf(log, "extras: deleted %d items\n", n)
		// Cleared: a run interrupted from here on must not clear again.
		if err := d.Store.SetMarker(ctx, d.Tenant, extrasMarker, ""); err != nil {
			return err
		}
	}
	gen, err := d.Info.Spec.generator()
	if err != nil {
		return err
	}
	end := d.Info.Spec.End // validation's "now": nothing in the data set is later
	fmt.Fprintf(log, "extras: loading %s\n", x.fp)
	bots, err := loadAll(ctx, log, "bot sessions", x.bots, DefaultWorkers, gen.BotSessions(),
		func(ctx context.Context, from int, batch []domain.BotSession) (store.Counts, error) {
			prepared := make([]*store.PreparedBotSession, len(batch))
			for i, b := range batch {
				if p := b.Problems(end); len(p) > 0 {
					return store.Counts{}, fmt.Errorf("generated bot session %d (%s) is invalid: %v", from+i, b.ID, domain.BatchError(map[int][]domain.FieldError{from + i: p}))
				}
				p, err := store.PrepareBotSession(d.Tenant, b)
				if err != nil {
					return store.Counts{}, fmt.Errorf("prepare bot session %d (%s): %w", from+i, b.ID, err)
				}
				prepared[i] = p
			}
			return d.Store.LoadNewBotSessions(ctx, prepared)
		})
	if err != nil {
		return err
	}
	// Events one batch at a time: a day's events span batches, and a load
	// may derive per-day items from the events stored (working time),
	// which batches of the same day in flight together would race on.
	events, err := loadAll(ctx, log, "agent events", x.events, 1, gen.AgentEvents(),
		func(ctx context.Context, from int, batch []domain.AgentEvent) (store.Counts, error) {
			for i, e := range batch {
				if p := e.Problems(end); len(p) > 0 {
					return store.Counts{}, fmt.Errorf("generated agent event %d (%s %s) is invalid: %v", from+i, e.AgentID, e.Type, domain.BatchError(map[int][]domain.FieldError{from + i: p}))
				}
			}
			return d.Store.LoadNewAgentEvents(ctx, d.Tenant, batch)
		})
	if err != nil {
		return err
	}
	// Working time needs no step of its own: LoadNewAgentEvents derives
	// each batch's days (store.RebuildWork).
	if err := enableStream(ctx, client); err != nil {
		return err
	}
	fmt.Fprintf(log, "extras loaded: %d bot sessions (%d written), %d agent events (%d written)\n",
		bots.Received, bots.Written, events.Received, events.Written)
	return d.Store.SetMarker(ctx, d.Tenant, extrasMarker, x.fp)
}

// loadAll stores what seq yields in batches of BatchSize, workers
// batches in flight, logging how far it got every extrasEvery. put is
// given each batch with the index of its first record.
func loadAll[T any](ctx context.Context, log io.Writer, what string, total, workers int, seq iter.Seq[T],
	put func(ctx context.Context, from int, batch []T) (store.Counts, error)) (store.Counts, error) {
	type job struct {
		from  int
		batch []T
	}
	g, gctx := errgroup.WithContext(ctx)
	jobs := make(chan job)
	g.Go(func() error {
		defer close(jobs)
		j := job{}
		send := func() bool {
			select {
			case jobs <- j:
				j = job{from: j.from + len(j.batch)}
				return true
			case <-gctx.Done():
				return false
			}
		}
		for r := range seq {
			j.batch = append(j.batch, r)
			if len(j.batch) == BatchSize && !send() {
				return gctx.Err()
			}
		}
		if len(j.batch) > 0 && !send() {
			return gctx.Err()
		}
		return nil
	})
	var (
		mu     sync.Mutex
		counts store.Counts
	)
	for range workers {
		g.Go(func() error {
			for j := range jobs {
				c, err := put(gctx, j.from, j.batch)
				mu.Lock()
				addCounts(&counts, c)
				mu.Unlock()
				if err != nil {
					return fmt.Errorf("load %s %d–%d: %w", what, j.from, j.from+len(j.batch)-1, err)
				}
			}
			return nil
		})
	}
	done := func() int {
		mu.Lock()
		defer mu.Unlock()
		return counts.Received
	}
	began := time.Now()
	line := func() {
		n := done()
		fmt.Fprintf(log, "%s extras: %d/%d %s stored, %.0f/s\n",
			time.Now().UTC().Format(time.TimeOnly), n, total, what, float64(n)/time.Since(began).Seconds())
	}
	stop := make(chan struct{})
	ticked := make(chan struct{})
	go func() {
		defer close(ticked)
		t := time.NewTicker(extrasEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				line()
			}
		}
	}()
	err := g.Wait()
	close(stop)
	<-ticked
	line()
	return counts, err
}

// clearExtras deletes the bot sessions (rows, version records, messages)
// and agent events stored in the data set's days, and says how many items
// it deleted.
func (d *DB) clearExtras(ctx context.Context) (int, error) {
	tbl := dynamo.NewFromIface(d.Store.Client()).Table(Table)
	spec := d.Info.Spec
	from, to := spec.End.AddDate(0, 0, -spec.Days), spec.End
	var parts []string
	for day := store.Day.Slot(from); day.Before(to); day = day.AddDate(0, 0, 1) {
		u := domain.UTCDay(day)
		parts = append(parts, d.Tenant.AgentEventPartition(u))
		for _, c := range domain.TextMedia {
			parts = append(parts, d.Tenant.BotPartition(c, u))
		}
	}
	type item struct {
		PK string `dynamo:"pk"`
		SK string `dynamo:"sk"`
		ID string `dynamo:"id"` // a bot session row's
	}
	deleted := 0
	for _, pk := range parts {
		var items []item
		if err := tbl.Get("pk", pk).Project("pk", "sk", "id").Consistent(true).All(ctx, &items); err != nil {
			return deleted, err
		}
		var keys []dynamo.Keyed
		for _, it := range items {
			keys = append(keys, dynamo.Keys{it.PK, it.SK})
			if it.ID == "" {
				continue
			}
			var details []item
			err := tbl.Get("pk", d.Tenant.BotDetailsPartition(it.ID)).Project("pk", "sk").Consistent(true).All(ctx, &details)
			if err != nil {
				return deleted, err
			}
			for _, k := range details {
				keys = append(keys, dynamo.Keys{k.PK, k.SK})
			}
		}
		if len(keys) == 0 {
			continue
		}
		n, err := tbl.Batch("pk", "sk").Write().Delete(keys...).Run(ctx)
		deleted += n
		if err != nil {
			return deleted, err
		}
	}
	return deleted, nil
}
