package store

import (
	"context"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
)

// agentEventItem is one status change of an agent.
type agentEventItem struct {
	PK string `dynamo:"pk,hash"`
	SK string `dynamo:"sk,range"`
	domain.AgentEvent
}

// AgentEvents returns every agent event at an instant in [from, to), day
// partition by day partition (read 8 at a time), in agent then time order
// within a day, and the read capacity the queries consumed.
func (s *Store) AgentEvents(ctx context.Context, t Tenant, from, to time.Time) ([]domain.AgentEvent, float64, error) {
	var days []time.Time
	for d := Day.Slot(from); d.Before(to); d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	byDay := make([][]domain.AgentEvent, len(days))
	units := make([]float64, len(days))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, d := range days {
		g.Go(func() error {
			var cc dynamo.ConsumedCapacity
			it := s.table.Get("pk", t.AgentEventPartition(domain.UTCDay(d))).ConsumedCapacity(&cc).Iter()
			var item agentEventItem
			for it.Next(gctx, &item) {
				if !item.At.Before(from) && item.At.Before(to) {
					byDay[i] = append(byDay[i], item.AgentEvent)
				}
				item = agentEventItem{}
			}
			units[i] = cc.Total
			return wrap("read agent events", it.Err())
		})
	}
	if err := g.Wait(); err != nil {
		return nil, 0, err
	}
	var out []domain.AgentEvent
	var total float64
	for i := range days {
		out = append(out, byDay[i]...)
		total += units[i]
	}
	return out, total, nil
}
