package store

import (
	"context"

	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// botRowItem is a bot session's list item; it carries the protocol
// lookup key itself, since a session has only that one exact lookup, and
// what the report's contact search compares (botSearch).
type botRowItem struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Ver    string `dynamo:"ver"`
	GSI1PK string `dynamo:"gsi1pk,omitempty"`
	GSI1SK string `dynamo:"gsi1sk,omitempty"`
	domain.BotSession
	ContactFold string `dynamo:"xContact,omitempty"`
}

// botMetaItem is the session's version record and pointer to its row.
type botMetaItem struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Ver    string `dynamo:"ver"`
	RowPK  string `dynamo:"rowPk"`
	RowSK  string `dynamo:"rowSk"`
	Chunks int    `dynamo:"chunks"`
	Msgs   string `dynamo:"msgs,omitempty"` // first chunk of messages
}

// PutBotSession stores a version of a bot session with the same rules as
// PutInteraction: replays change nothing, older versions never win, a
// newer one moves the row and message chunks in one transaction.
func (s *Store) PutBotSession(ctx context.Context, t Tenant, b domain.BotSession) (Outcome, error) {
	p, err := PrepareBotSession(t, b)
	if err != nil {
		return 0, err
	}
	return s.PutPreparedBotSession(ctx, p)
}

// PutPreparedBotSession is PutBotSession for a session prepared before.
func (s *Store) PutPreparedBotSession(ctx context.Context, p *PreparedBotSession) (Outcome, error) {
	if err := s.NoteBotChannels(ctx, p.tenant, false, p.items.row.Channel); err != nil {
		return 0, err
	}
	for attempt := 0; ; attempt++ {
		out, err := s.putBotSessionOnce(ctx, p.tenant, p.items)
		if err == nil || !isRace(err) || attempt+1 == maxAttempts {
			return out, wrap("put bot session "+p.id, err)
		}
		if err := backoff(ctx, attempt+1); err != nil {
			return 0, err
		}
	}
}

// botItems is every item of one version of a bot session.
type botItems struct {
	row    botRowItem
	meta   botMetaItem
	chunks []chunkItem
}

func buildBotItems(t Tenant, b *domain.BotSession, ver string) (*botItems, error) {
	rk, mk := t.BotRowKey(b), t.BotMetaKey(b.ID)
	row := botRowItem{PK: rk.PK, SK: rk.SK, Ver: ver, BotSession: *b, ContactFold: botSearch(b)}
	row.Messages = nil
	if b.Protocol != "" {
		row.GSI1PK, row.GSI1SK = t.BotProtocolGSI(b.Protocol), startID(b.Start, b.ID)
	}
	chunks, err := chunkMessages(b.Messages, maxChunkBytes-metaOverhead)
	if err != nil {
		return nil, err
	}
	it := &botItems{row: row, meta: botMetaItem{PK: mk.PK, SK: mk.SK, Ver: ver, RowPK: rk.PK, RowSK: rk.SK, Chunks: len(chunks)}}
	for n, c := range chunks {
		if n == 0 {
			it.meta.Msgs = c
			continue
		}
		k := t.BotMessageChunkKey(b.ID, n)
		it.chunks = append(it.chunks, chunkItem{PK: k.PK, SK: k.SK, Ver: ver, Msgs: c})
	}
	return it, nil
}

func (it *botItems) all() []any {
	out := []any{it.row}
	for _, c := range it.chunks {
		out = append(out, c)
	}
	return append(out, it.meta)
}

func (it *botItems) keys() []Key { return keysOf(it.all()) }

func (s *Store) putBotSessionOnce(ctx context.Context, t Tenant, next *botItems) (Outcome, error) {
	mk := Key{next.meta.PK, next.meta.SK}
	var cur botMetaItem
	err := s.table.Get("pk", mk.PK).Range("sk", dynamo.Equal, mk.SK).Consistent(true).One(ctx, &cur)
	exists := err == nil
	if err != nil && notFound(err) != domain.ErrNotFound {
		return 0, err
	}
	if exists && cur.Ver == next.meta.Ver {
		return Unchanged, nil
	}
	if exists && cur.Ver > next.meta.Ver {
		return Stale, nil
	}
	tx := s.db.WriteTx()
	tx.Put(s.table.Put(next.row))
	for _, c := range next.chunks {
		tx.Put(s.table.Put(c))
	}
	if exists {
		tx.Put(s.table.Put(next.meta).If("'ver' = ?", cur.Ver))
		old := []Key{{cur.RowPK, cur.RowSK}}
		for n := 1; n < cur.Chunks; n++ {
			old = append(old, t.BotMessageChunkKey(next.row.ID, n))
		}
		for _, k := range staleKeys(old, next.keys()) {
			tx.Delete(s.table.Delete("pk", k.PK).Range("sk", k.SK))
		}
	} else {
		tx.Put(s.table.Put(next.meta).If("attribute_not_exists('pk')"))
	}
	if err := tx.Run(ctx); err != nil {
		return 0, err
	}
	return Written, nil
}

// GetBotSession reads a bot session with its messages.
func (s *Store) GetBotSession(ctx context.Context, t Tenant, id string) (domain.BotSession, error) {
	for attempt := 0; ; attempt++ {
		var meta botMetaItem
		mk := t.BotMetaKey(id)
		if err := s.table.Get("pk", mk.PK).Range("sk", dynamo.Equal, mk.SK).One(ctx, &meta); err != nil {
			return domain.BotSession{}, wrap("get bot session", notFound(err))
		}
		var row botRowItem
		if err := s.table.Get("pk", meta.RowPK).Range("sk", dynamo.Equal, meta.RowSK).One(ctx, &row); err != nil {
			return domain.BotSession{}, wrap("get bot session row", notFound(err))
		}
		msgs, ok, err := s.readChunks(ctx, mk.PK, meta.Ver, meta.Msgs, meta.Chunks)
		if err != nil {
			return domain.BotSession{}, err
		}
		if ok && row.Ver == meta.Ver {
			row.BotSession.Messages = msgs
			return row.BotSession, nil
		}
		if attempt+1 == maxAttempts {
			return domain.BotSession{}, domain.Errorf(domain.CodeConflict, "bot session %s is changing too fast to read; try again", id)
		}
		if err := backoff(ctx, attempt+1); err != nil {
			return domain.BotSession{}, err
		}
	}
}
