package store

import (
	"context"
	"fmt"
	"time"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/worktime"
)

// Work is what a worktime.Plan read: per agent, the months (by their
// first day) and the days' spans, and the agents as their latest events
// describe them.
type Work struct {
	Agents map[string]WorkAgent
	Months map[string]map[time.Time]worktime.Month
	Days   map[string]map[time.Time][]worktime.Span
	Units  float64 // read capacity consumed
}

// ReadWork reads a plan's items: one Query per month and per day
// partition (8 at a time) and one of the agents.
func (s *Store) ReadWork(ctx context.Context, t Tenant, p worktime.Plan) (*Work, error) {
	w := &Work{Agents: map[string]WorkAgent{}, Months: map[string]map[time.Time]worktime.Month{}, Days: map[string]map[time.Time][]worktime.Span{}}
	months := make([][]workMonthItem, len(p.Months))
	days := make([][]workDayItem, len(p.Days))
	units := make([]float64, 1+len(p.Months)+len(p.Days))
	var agents []workAgentItem
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	g.Go(func() error {
		var err error
		units[0], err = queryAll(gctx, s, t.WorkAgentsPartition(), &agents)
		return err
	})
	// Without a time window the hours of the day are not read: they are
	// most of a month item's bytes.
	var project []string
	if !p.UsesHours() {
		project = []string{"pk", "sk", "agent", "logged", "paused", "pauses", "reasons", "sum"}
	}
	for i, m := range p.Months {
		g.Go(func() error {
			var err error
			units[1+i], err = queryAll(gctx, s, t.WorkMonthPartition(m), &months[i], project...)
			return err
		})
	}
	for i, d := range p.Days {
		g.Go(func() error {
			var err error
			units[1+len(p.Months)+i], err = queryAll(gctx, s, t.WorkDayPartition(d), &days[i])
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, u := range units {
		w.Units += u
	}
	for _, a := range agents {
		w.Agents[a.ID] = a.WorkAgent
	}
	for i, list := range months {
		for _, it := range list {
			m, err := it.month()
			if err != nil {
				return nil, err
			}
			if w.Months[it.Agent] == nil {
				w.Months[it.Agent] = map[time.Time]worktime.Month{}
			}
			w.Months[it.Agent][p.Months[i]] = m
		}
	}
	for i, list := range days {
		for _, it := range list {
			spans, err := worktime.Decode(it.Spans)
			if err != nil {
				return nil, fmt.Errorf("stored working time of %s on %s: %w", it.Agent, domain.UTCDay(p.Days[i]), err)
			}
			if w.Days[it.Agent] == nil {
				w.Days[it.Agent] = map[time.Time][]worktime.Span{}
			}
			w.Days[it.Agent][p.Days[i]] = spans
		}
	}
	return w, nil
}

// queryAll reads a whole partition, eventually consistent, and the read
// capacity it took; only the project attributes, if any are named.
func queryAll[T any](ctx context.Context, s *Store, pk string, out *[]T, project ...string) (float64, error) {
	var cc dynamo.ConsumedCapacity
	q := s.table.Get("pk", pk).ConsumedCapacity(&cc)
	if len(project) > 0 {
		q = q.Project(project...)
	}
	err := q.All(ctx, out)
	return cc.Total, wrap("read working time", err)
}
