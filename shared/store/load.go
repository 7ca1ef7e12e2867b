package store

import (
	"context"
	"errors"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
)

// LoadNew stores interactions that are expected to be new (a demo seed, a
// benchmark tenant) with batched writes instead of one transaction each:
// DynamoDB Local runs transactions one at a time, and this is what makes
// the local stack's first start fit in minutes.
//
// The records are prepared (PrepareInteraction), so they have been
// checked against DynamoDB's limits. It writes exactly the items
// PutInteraction would (a test holds the two
// tables equal). A record whose version record already exists goes
// through PutInteraction instead, so the version rules still decide. The
// version record of each loaded interaction is written only after all of
// its other items, so an interrupted load is finished, not skipped, by the
// next one. With contributors registered (rollups join the transaction) it
// is PutInteraction for every record. Concurrent writers of the same ids
// are not expected: use PutInteraction for live data.
func (s *Store) LoadNew(ctx context.Context, batch []*PreparedInteraction) (Counts, error) {
	put := func(i int) (Outcome, error) { return s.PutPrepared(ctx, batch[i]) }
	if len(s.contributors) > 0 {
		return s.putEach(ctx, len(batch), put)
	}
	recs := make([]loadable, len(batch))
	for i, p := range batch {
		recs[i] = p.items
	}
	return s.load(ctx, recs, put)
}

// LoadNewBotSessions is LoadNew for chatbot sessions. It notes their
// channels in the tenant's list as a first load does: holding for all
// time (botchannels.go), so it expects no sessions stored without the list.
func (s *Store) LoadNewBotSessions(ctx context.Context, batch []*PreparedBotSession) (Counts, error) {
	recs := make([]loadable, len(batch))
	for i, p := range batch {
		recs[i] = p.items
		if err := s.NoteBotChannels(ctx, p.tenant, true, p.items.row.Channel); err != nil {
			return Counts{}, err
		}
	}
	return s.load(ctx, recs, func(i int) (Outcome, error) { return s.PutPreparedBotSession(ctx, batch[i]) })
}

// LoadNewAgentEvents stores agent events with batched writes, keeping
// PutAgentEvent's rule that the first stored report of a fact wins:
// events already stored are left alone. The working time of the batch's
// days is then rebuilt from the stored events (RebuildWork), so the items
// are those PutAgentEvent would have left.
func (s *Store) LoadNewAgentEvents(ctx context.Context, t Tenant, batch []domain.AgentEvent) (Counts, error) {
	items := make([]any, len(batch))
	keys := make([]dynamo.Keyed, len(batch))
	for i := range batch {
		e := batch[i]
		e.Normalize()
		k := t.AgentEventKey(&e)
		items[i], keys[i] = agentEventItem{PK: k.PK, SK: k.SK, AgentEvent: e}, dynamo.Keys{k.PK, k.SK}
	}
	existing, err := s.existing(ctx, keys)
	if err != nil {
		return Counts{}, err
	}
	var c Counts
	var fresh []any
	for i, it := range items {
		if existing[keyOf(keys[i])] {
			c.Add(Unchanged)
			continue
		}
		fresh = append(fresh, it)
		c.Add(Written)
	}
	if err := s.batchPut(ctx, fresh); err != nil || len(batch) == 0 {
		return c, err
	}
	from, to := batch[0].At, batch[0].At
	for _, e := range batch {
		from, to = minTime(from, e.At), maxTime(to, e.At)
	}
	_, err = s.RebuildWork(ctx, t, from, to)
	return c, err
}

// loadable is one record's items, its version record last.
type loadable interface{ all() []any }

// load writes records whose version record does not exist with batched
// writes (version records last) and hands the others to put(i).
func (s *Store) load(ctx context.Context, recs []loadable, put func(i int) (Outcome, error)) (Counts, error) {
	keys := make([]dynamo.Keyed, len(recs))
	for i, r := range recs {
		items := r.all()
		k := items[len(items)-1].(stored).primaryKey()
		keys[i] = dynamo.Keys{k.PK, k.SK}
	}
	existing, err := s.existing(ctx, keys)
	if err != nil {
		return Counts{}, err
	}
	var c Counts
	var rest, metas []any
	for i, r := range recs {
		if existing[keyOf(keys[i])] {
			o, err := put(i)
			if err != nil {
				return c, err
			}
			c.Add(o)
			continue
		}
		all := r.all()
		rest = append(rest, all[:len(all)-1]...)
		metas = append(metas, all[len(all)-1])
	}
	if err := s.batchPut(ctx, rest); err != nil {
		return c, err
	}
	if err := s.batchPut(ctx, metas); err != nil {
		return c, err
	}
	for range metas {
		c.Add(Written)
	}
	return c, nil
}

func (s *Store) putEach(ctx context.Context, n int, put func(i int) (Outcome, error)) (Counts, error) {
	var c Counts
	for i := range n {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		o, err := put(i)
		if err != nil {
			return c, err
		}
		c.Add(o)
	}
	return c, nil
}

func keyOf(k dynamo.Keyed) string { return k.HashKey().(string) + "\x00" + k.RangeKey().(string) }

// existing reads which of the keys hold an item, 100 keys a request.
func (s *Store) existing(ctx context.Context, keys []dynamo.Keyed) (map[string]bool, error) {
	found := map[string]bool{}
	for i := 0; i < len(keys); i += 100 {
		var got []Key
		err := s.table.Batch("pk", "sk").Get(keys[i:min(i+100, len(keys))]...).Consistent(true).Project("pk", "sk").All(ctx, &got)
		if err != nil && !errors.Is(err, dynamo.ErrNotFound) {
			return nil, wrap("read existing", err)
		}
		for _, k := range got {
			found[keyOf(dynamo.Keys{k.PK, k.SK})] = true
		}
	}
	return found, nil
}

// batchPut writes items 25 to a request, a few requests at a time.
func (s *Store) batchPut(ctx context.Context, items []any) error {
	if len(items) == 0 {
		return nil
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i := 0; i < len(items); i += 25 {
		part := items[i:min(i+25, len(items))]
		g.Go(func() error {
			_, err := s.table.Batch("pk", "sk").Write().Put(part...).Run(gctx)
			return wrap("batch write", err)
		})
	}
	return g.Wait()
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
