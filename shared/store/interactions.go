package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// PutInteraction stores a version of an interaction unless the stored one
// is the same or newer. A newer version replaces the row, the message
// chunks and the index entries, and deletes the previous version's items
// it no longer has (its row moves when its start or media changed), all in
// one TransactWriteItems conditioned on the version it read, so readers
// never see half of two versions.
func (s *Store) PutInteraction(ctx context.Context, t Tenant, in domain.Interaction) (Outcome, error) {
	p, err := PrepareInteraction(t, in)
	if err != nil {
		return 0, err
	}
	return s.PutPrepared(ctx, p)
}

// PutPrepared is PutInteraction for a record prepared before.
func (s *Store) PutPrepared(ctx context.Context, p *PreparedInteraction) (Outcome, error) {
	for attempt := 0; ; attempt++ {
		out, err := s.putInteractionOnce(ctx, p.tenant, &p.in, p.items)
		if err == nil || !isRace(err) || attempt+1 == maxAttempts {
			return out, wrap("put interaction "+p.in.ID, err)
		}
		if err := backoff(ctx, attempt+1); err != nil {
			return 0, err
		}
	}
}

func (s *Store) putInteractionOnce(ctx context.Context, t Tenant, in *domain.Interaction, next *interactionItems) (Outcome, error) {
	mk := t.MetaKey(in.ID)
	var cur metaItem
	err := s.table.Get("pk", mk.PK).Range("sk", dynamo.Equal, mk.SK).Consistent(true).One(ctx, &cur)
	exists := err == nil
	if err != nil && notFound(err) != domain.ErrNotFound {
		return 0, err
	}
	var old *domain.Interaction
	var oldKeys []Key
	if exists {
		switch {
		case cur.Ver == next.meta.Ver:
			return Unchanged, nil
		case cur.Ver > next.meta.Ver:
			return Stale, nil
		}
		old = new(domain.Interaction)
		if err := json.Unmarshal([]byte(cur.Doc), old); err != nil {
			return 0, fmt.Errorf("decode stored document: %w", err)
		}
		prev, err := buildInteractionItems(t, old, cur.Ver)
		if err != nil {
			return 0, err
		}
		oldKeys = prev.keys()
		// The stored document has no messages; its chunk keys come from the
		// count (chunk 0 lives in META).
		for n := 1; n < cur.Chunks; n++ {
			oldKeys = append(oldKeys, t.MessageChunkKey(in.ID, n))
		}
	}

	tx := s.db.WriteTx()
	n := 0
	put := func(item any) { tx.Put(s.table.Put(item)); n++ }
	put(next.row)
	for _, c := range next.chunks {
		put(c)
	}
	for _, e := range next.entries {
		put(e)
	}
	if exists {
		tx.Put(s.table.Put(next.meta).If("'ver' = ?", cur.Ver))
	} else {
		tx.Put(s.table.Put(next.meta).If("attribute_not_exists('pk')"))
	}
	n++
	for _, k := range staleKeys(oldKeys, next.keys()) {
		tx.Delete(s.table.Delete("pk", k.PK).Range("sk", k.SK))
		n++
	}
	var deltas []Cell
	for _, c := range s.contributors {
		deltas = append(deltas, c.Deltas(old, in)...)
	}
	deltas, err = s.numberContacts(ctx, t, deltas)
	if err != nil {
		return 0, err
	}
	cells, err := s.addCellWrites(ctx, tx, t, deltas)
	if err != nil {
		return 0, err
	}
	n += cells
	if n > maxTxItems {
		return 0, txTooLarge(n)
	}
	if err := tx.Run(ctx); err != nil {
		return 0, err
	}
	return Written, nil
}

// staleKeys are the keys in old that are not in keep, sorted for
// deterministic transactions.
func staleKeys(old, keep []Key) []Key {
	k := make(map[Key]bool, len(keep))
	for _, x := range keep {
		k[x] = true
	}
	var out []Key
	seen := map[Key]bool{}
	for _, x := range old {
		if !k[x] && !seen[x] {
			out = append(out, x)
			seen[x] = true
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].PK != out[j].PK {
			return out[i].PK < out[j].PK
		}
		return out[i].SK < out[j].SK
	})
	return out
}

// GetInteraction reads the current version of an interaction, messages
// included, from its details partition. Chunks carry their version, so a
// read that raced a new version is retried rather than mixing the two.
func (s *Store) GetInteraction(ctx context.Context, t Tenant, id string) (domain.Interaction, error) {
	for attempt := 0; ; attempt++ {
		in, consistent, err := s.getInteractionOnce(ctx, t, id)
		if err != nil || consistent {
			return in, err
		}
		if attempt+1 == maxAttempts {
			return domain.Interaction{}, domain.Errorf(domain.CodeConflict, "interaction %s is changing too fast to read; try again", id)
		}
		if err := backoff(ctx, attempt+1); err != nil {
			return domain.Interaction{}, err
		}
	}
}

func (s *Store) getInteractionOnce(ctx context.Context, t Tenant, id string) (domain.Interaction, bool, error) {
	var meta metaItem
	mk := t.MetaKey(id)
	if err := s.table.Get("pk", mk.PK).Range("sk", dynamo.Equal, mk.SK).One(ctx, &meta); err != nil {
		return domain.Interaction{}, false, wrap("get interaction", notFound(err))
	}
	var in domain.Interaction
	if err := json.Unmarshal([]byte(meta.Doc), &in); err != nil {
		return domain.Interaction{}, false, fmt.Errorf("decode stored document: %w", err)
	}
	msgs, ok, err := s.readChunks(ctx, mk.PK, meta.Ver, meta.Msgs, meta.Chunks)
	in.Messages = msgs
	return in, ok, err
}

// readChunks decodes the first chunk (kept in the META item) and reads the
// rest, reporting false when they don't all belong to version ver.
func (s *Store) readChunks(ctx context.Context, pk, ver, first string, want int) ([]domain.Message, bool, error) {
	if want == 0 {
		return nil, true, nil
	}
	var raw []string
	if first != "" { // empty when the document left no room in META
		raw = append(raw, first)
	}
	if want > 1 {
		var chunks []chunkItem
		if err := s.table.Get("pk", pk).Range("sk", dynamo.BeginsWith, skMsgPrefix).All(ctx, &chunks); err != nil {
			return nil, false, wrap("get messages", err)
		}
		if len(chunks) != want-1 {
			return nil, false, nil
		}
		for _, c := range chunks {
			if c.Ver != ver {
				return nil, false, nil
			}
			raw = append(raw, c.Msgs)
		}
	}
	var out []domain.Message
	for _, r := range raw {
		var msgs []domain.Message
		if err := json.Unmarshal([]byte(r), &msgs); err != nil {
			return nil, false, fmt.Errorf("decode messages: %w", err)
		}
		out = append(out, msgs...)
	}
	return out, true, nil
}
