package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
	"github.com/rastro-cc/rastro/shared/store"
)

// MaxBatch is the most records one call may carry.
const MaxBatch = 500

// Service validates and stores records for a tenant.
type Service struct {
	Store *store.Store
	Now   func() time.Time
	// Workers bounds concurrent writes of one batch.
	Workers int
	// ExpectNew is for first loads (the demo seed, benchmarks): validated
	// records are stored with the store's LoadNew batched writes, which
	// leave any record that already exists to the versioned path. Outcomes
	// are the same; only the cost differs.
	ExpectNew bool
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) workers() int {
	if s.Workers > 0 {
		return s.Workers
	}
	return 16
}

func checkSize(n int) error {
	if n > MaxBatch {
		return domain.FieldErr(domain.CodeTooLarge, "records", fmt.Sprintf("the batch has %d; the limit is %d", n, MaxBatch))
	}
	if n == 0 {
		return domain.FieldErr(domain.CodeInvalid, "records", "batch is empty")
	}
	return nil
}

// Interactions validates and prepares the whole batch, then stores every
// record.
func (s *Service) Interactions(ctx context.Context, t store.Tenant, batch []domain.Interaction) (store.Counts, error) {
	if err := checkSize(len(batch)); err != nil {
		return store.Counts{}, err
	}
	bad := problemsOf(batch, s.now())
	seen := map[string]int{}
	for i := range batch {
		// Two versions of one id in a batch would race each other; the
		// version order decides anyway, but a duplicate is almost always a
		// sender bug, so say so.
		if j, dup := seen[batch[i].ID]; dup && batch[i].ID != "" {
			bad[i] = append(bad[i], domain.FieldError{Field: "id", Reason: fmt.Sprintf("repeats record %d of this batch", j)})
		}
		seen[batch[i].ID] = i
	}
	prepared, err := prepareAll(batch, bad, func(in domain.Interaction) (*store.PreparedInteraction, error) {
		return store.PrepareInteraction(t, in)
	})
	if err != nil {
		return store.Counts{}, err
	}
	if s.ExpectNew {
		return s.Store.LoadNew(ctx, prepared)
	}
	return writeAll(ctx, s.workers(), prepared, s.Store.PutPrepared)
}

// Sessions maps seed 003 session-metadata documents to interactions and
// stores them like Interactions.
func (s *Service) Sessions(ctx context.Context, t store.Tenant, docs []sessionmeta.Document) (store.Counts, error) {
	if err := checkSize(len(docs)); err != nil {
		return store.Counts{}, err
	}
	now := s.now()
	bad := map[int][]domain.FieldError{}
	batch := make([]domain.Interaction, len(docs))
	for i, d := range docs {
		in, problems := d.Interaction(now)
		if len(problems) > 0 {
			bad[i] = problems
		}
		batch[i] = in
	}
	if err := domain.BatchError(bad); err != nil {
		return store.Counts{}, err
	}
	return s.Interactions(ctx, t, batch)
}

// AgentEvents validates and stores agent status events.
func (s *Service) AgentEvents(ctx context.Context, t store.Tenant, batch []domain.AgentEvent) (store.Counts, error) {
	if err := checkSize(len(batch)); err != nil {
		return store.Counts{}, err
	}
	if err := domain.BatchError(problemsOf(batch, s.now())); err != nil {
		return store.Counts{}, err
	}
	if s.ExpectNew {
		return s.Store.LoadNewAgentEvents(ctx, t, batch)
	}
	// One agent's events write the same working-time items: written one
	// after the other, in batch order (agents side by side), they don't
	// race each other.
	var order []string
	byAgent := map[string][]domain.AgentEvent{}
	for _, e := range batch {
		if _, ok := byAgent[e.AgentID]; !ok {
			order = append(order, e.AgentID)
		}
		byAgent[e.AgentID] = append(byAgent[e.AgentID], e)
	}
	var mu sync.Mutex
	var c store.Counts
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.workers())
	for _, agent := range order {
		g.Go(func() error {
			for _, e := range byAgent[agent] {
				o, err := s.Store.PutAgentEvent(gctx, t, e)
				if err != nil {
					return err
				}
				mu.Lock()
				c.Add(o)
				mu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return store.Counts{}, err
	}
	return c, nil
}

// BotSessions validates, prepares and stores chatbot sessions.
func (s *Service) BotSessions(ctx context.Context, t store.Tenant, batch []domain.BotSession) (store.Counts, error) {
	if err := checkSize(len(batch)); err != nil {
		return store.Counts{}, err
	}
	prepared, err := prepareAll(batch, problemsOf(batch, s.now()), func(b domain.BotSession) (*store.PreparedBotSession, error) {
		return store.PrepareBotSession(t, b)
	})
	if err != nil {
		return store.Counts{}, err
	}
	if s.ExpectNew {
		return s.Store.LoadNewBotSessions(ctx, prepared)
	}
	return writeAll(ctx, s.workers(), prepared, s.Store.PutPreparedBotSession)
}

// prepareAll prepares every record that passed validation (a record that
// can't fit DynamoDB is a problem of its own) and answers the batch's
// problems, if any, before anything is written.
func prepareAll[T, P any](batch []T, bad map[int][]domain.FieldError, prepare func(T) (P, error)) ([]P, error) {
	out := make([]P, len(batch))
	for i := range batch {
		if len(bad[i]) > 0 {
			continue
		}
		p, err := prepare(batch[i])
		if err != nil {
			fe, ok := fieldErrors(err)
			if !ok {
				return nil, err
			}
			bad[i] = fe
		}
		out[i] = p
	}
	if err := domain.BatchError(bad); err != nil {
		return nil, err
	}
	return out, nil
}

// fieldErrors turns one record's client-facing error (invalid, or a
// value that did not decode) into the batch's form; false for any other
// error, which is the service's problem, not the record's.
func fieldErrors(err error) ([]domain.FieldError, bool) {
	var de *domain.Error
	if !errors.As(err, &de) || (de.Code != domain.CodeInvalid && de.Code != domain.CodeBadRequest) {
		return nil, false
	}
	if len(de.Details) > 0 {
		return de.Details, true
	}
	field := de.Field
	if field == "" {
		field = "record"
	}
	return []domain.FieldError{{Field: field, Reason: strings.TrimPrefix(de.Message, de.Field+": ")}}, true
}

// problemsOf validates every record of a batch, keeping problems by index.
func problemsOf[T any, P interface {
	*T
	Problems(time.Time) []domain.FieldError
}](batch []T, now time.Time) map[int][]domain.FieldError {
	bad := map[int][]domain.FieldError{}
	for i := range batch {
		if p := P(&batch[i]).Problems(now); len(p) > 0 {
			bad[i] = p
		}
	}
	return bad
}

// writeAll stores records concurrently. If a write fails the batch answers
// an error; what was written stays written, and since every write is
// idempotent the sender simply retries the batch.
func writeAll[T any](ctx context.Context, workers int, batch []T, put func(context.Context, T) (store.Outcome, error)) (store.Counts, error) {
	outcomes := make([]store.Outcome, len(batch))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i := range batch {
		g.Go(func() error {
			o, err := put(gctx, batch[i])
			outcomes[i] = o
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return store.Counts{}, err
	}
	var c store.Counts
	for _, o := range outcomes {
		c.Add(o)
	}
	return c, nil
}

// decodeRecords decodes each element of a JSON array strictly, keeping
// problems by index so a typo in record 317 says so.
func decodeRecords[T any](raw []json.RawMessage) ([]T, error) {
	out := make([]T, len(raw))
	bad := map[int][]domain.FieldError{}
	for i, r := range raw {
		if err := httpapi.DecodeStrict(r, &out[i]); err != nil {
			fe, ok := fieldErrors(err)
			if !ok {
				return nil, err
			}
			bad[i] = fe
		}
	}
	return out, domain.BatchError(bad)
}
