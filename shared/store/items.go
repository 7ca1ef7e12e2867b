package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// rowItem is an interaction's list/export row: every reportable field as a
// native attribute (so reports filter on the server), the transfer path,
// but no messages or participants.
//
// The row also answers the lookups it can by itself (protocol on gsi1,
// client on gsi2, final agent on gsi3): DynamoDB's cost of a write grows
// with the items and index entries it touches, and most interactions then
// need no lookup items at all.
type rowItem struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Ver    string `dynamo:"ver"`
	GSI1PK string `dynamo:"gsi1pk,omitempty"`
	GSI1SK string `dynamo:"gsi1sk,omitempty"`
	GSI2PK string `dynamo:"gsi2pk,omitempty"`
	GSI2SK string `dynamo:"gsi2sk,omitempty"`
	GSI3PK string `dynamo:"gsi3pk,omitempty"`
	GSI3SK string `dynamo:"gsi3sk,omitempty"`
	domain.Interaction
	ContactKey string `dynamo:"contactKey,omitempty"`
	rowSearch
}

// metaItem is an interaction's version record: the version key, where its
// row is, how many message chunks it has, the canonical document (without
// messages) from which the previous version's items, and later its rollup
// contribution, are recomputed, and the first chunk of messages, which for
// all but the longest conversations is all of them.
type metaItem struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Ver    string `dynamo:"ver"`
	RowPK  string `dynamo:"rowPk"`
	RowSK  string `dynamo:"rowSk"`
	Chunks int    `dynamo:"chunks"`
	Doc    string `dynamo:"doc"`
	Msgs   string `dynamo:"msgs,omitempty"`
}

// chunkItem holds consecutive messages as JSON; chunking keeps long chats
// within the item size and the transaction item count.
type chunkItem struct {
	PK   string `dynamo:"pk,hash"`
	SK   string `dynamo:"sk,range"`
	Ver  string `dynamo:"ver"`
	Msgs string `dynamo:"msgs"`
}

// maxChunkBytes keeps a chunk item under DynamoDB's 400 KB; the META item
// takes a first chunk only as large as its document leaves room for.
const (
	maxChunkBytes = 256 << 10
	metaOverhead  = 1 << 10
)

// Summary is what seed 004's history windows show of an interaction. Index
// entries carry it so one index Query answers a client or agent badge.
type Summary struct {
	ID               string             `json:"id" dynamo:"id"`
	Media            domain.Media       `json:"media" dynamo:"media"`
	State            domain.State       `json:"state" dynamo:"state"`
	Start            time.Time          `json:"start" dynamo:"start"`
	Finished         *time.Time         `json:"finished,omitempty" dynamo:"finished,omitempty"`
	Queue            string             `json:"queue,omitempty" dynamo:"queue,omitempty"`
	Service          string             `json:"service,omitempty" dynamo:"service,omitempty"`
	AgentID          string             `json:"agentId,omitempty" dynamo:"agentId,omitempty"`
	AgentName        string             `json:"agentName,omitempty" dynamo:"agentName,omitempty"`
	DID              string             `json:"did,omitempty" dynamo:"did,omitempty"`
	Disposition      string             `json:"disposition,omitempty" dynamo:"disposition,omitempty"`
	Duration         domain.Duration    `json:"duration" dynamo:"duration"`
	ACW              domain.Duration    `json:"acw" dynamo:"acw"`
	Status           domain.FinalStatus `json:"status,omitempty" dynamo:"status,omitempty"`
	ContactName      string             `json:"contactName,omitempty" dynamo:"contactName,omitempty"`
	ContactKey       string             `json:"contactKey,omitempty" dynamo:"contactKey,omitempty"`
	Protocol         string             `json:"protocol,omitempty" dynamo:"protocol,omitempty"`
	ExternalProtocol string             `json:"externalProtocol,omitempty" dynamo:"externalProtocol,omitempty"`
	Preview          string             `json:"preview,omitempty" dynamo:"preview,omitempty"` // first 80 characters of the first text message
	RecordingKey     string             `json:"recordingKey,omitempty" dynamo:"recordingKey,omitempty"`
	RecordingURL     string             `json:"recordingUrl,omitempty" dynamo:"recordingUrl,omitempty"`
	TranscriptionURL string             `json:"transcriptionUrl,omitempty" dynamo:"transcriptionUrl,omitempty"`
	RowPK            string             `json:"-" dynamo:"rowPk"`
	RowSK            string             `json:"-" dynamo:"rowSk"`
}

// indexEntry is a lookup the row can't carry: the external protocol
// (gsi1) or an agent other than the final one (gsi3).
type indexEntry struct {
	PK     string `dynamo:"pk,hash"`
	SK     string `dynamo:"sk,range"`
	Ver    string `dynamo:"ver"`
	GSI1PK string `dynamo:"gsi1pk,omitempty"`
	GSI1SK string `dynamo:"gsi1sk,omitempty"`
	GSI3PK string `dynamo:"gsi3pk,omitempty"`
	GSI3SK string `dynamo:"gsi3sk,omitempty"`
	Summary
}

func summarize(in *domain.Interaction, row Key) Summary {
	s := Summary{
		ID: in.ID, Media: in.Media, State: in.State, Start: in.Start, Finished: in.Finished,
		Queue: in.Queue, Service: in.Service, DID: in.DID, Duration: in.Duration, ACW: in.ACW,
		Status: in.Status, ContactKey: in.ContactKey(), Protocol: in.Protocol,
		ExternalProtocol: in.ExternalProtocol, RowPK: row.PK, RowSK: row.SK,
	}
	if in.Agent != nil {
		s.AgentID, s.AgentName = in.Agent.ID, in.Agent.Name
	}
	if in.Disposition != nil {
		s.Disposition = in.Disposition.Code
	}
	if in.Contact != nil {
		s.ContactName = in.Contact.Name
	}
	s.Preview = preview(in.Messages)
	if v := in.Voice; v != nil {
		s.RecordingKey, s.RecordingURL, s.TranscriptionURL = v.RecordingKey, v.RecordingURL, v.TranscriptionURL
	}
	return s
}

// interactionItems is every item that stores one version of an
// interaction. The same function computes the previous version's keys
// (from its stored document), so what a new version no longer needs is
// deleted in the same transaction.
type interactionItems struct {
	row     rowItem
	meta    metaItem
	chunks  []chunkItem
	entries []indexEntry
}

func buildInteractionItems(t Tenant, in *domain.Interaction, ver string) (*interactionItems, error) {
	rk := t.RowKey(in)
	doc := *in
	doc.Messages = nil
	docJSON, err := encodeJSON(doc)
	if err != nil {
		return nil, fmt.Errorf("encode document: %w", err)
	}
	rowIn := *in
	rowIn.Messages, rowIn.Participants = nil, nil
	order := startID(in.Start, in.ID)
	row := rowItem{PK: rk.PK, SK: rk.SK, Ver: ver, Interaction: rowIn, ContactKey: in.ContactKey(), rowSearch: searchOf(in)}
	if in.Protocol != "" {
		row.GSI1PK, row.GSI1SK = t.ProtocolGSI(in.Protocol), order
	}
	if ck := in.ContactKey(); ck != "" {
		row.GSI2PK, row.GSI2SK = t.ContactGSI(ck), order
	}
	final := ""
	if in.Agent != nil && in.Agent.ID != "" {
		final = in.Agent.ID
		row.GSI3PK, row.GSI3SK = t.AgentGSI(final), order
	}
	it := &interactionItems{row: row}

	chunks, err := chunkMessages(in.Messages, maxChunkBytes-len(docJSON)-metaOverhead)
	if err != nil {
		return nil, err
	}
	mk := t.MetaKey(in.ID)
	it.meta = metaItem{PK: mk.PK, SK: mk.SK, Ver: ver, RowPK: rk.PK, RowSK: rk.SK, Chunks: len(chunks), Doc: string(docJSON)}
	for n, c := range chunks {
		if n == 0 {
			it.meta.Msgs = c
			continue
		}
		k := t.MessageChunkKey(in.ID, n)
		it.chunks = append(it.chunks, chunkItem{PK: k.PK, SK: k.SK, Ver: ver, Msgs: c})
	}

	sum := summarize(in, rk)
	if in.ExternalProtocol != "" {
		k := t.extProtocolEntryKey(in.ID)
		it.entries = append(it.entries, indexEntry{PK: k.PK, SK: k.SK, Ver: ver, GSI1PK: t.ExtProtocolGSI(in.ExternalProtocol), GSI1SK: order, Summary: sum})
	}
	for _, a := range in.AgentIDs() {
		if a == final {
			continue
		}
		k := t.agentEntryKey(in.ID, a)
		it.entries = append(it.entries, indexEntry{PK: k.PK, SK: k.SK, Ver: ver, GSI3PK: t.AgentGSI(a), GSI3SK: order, Summary: sum})
	}
	return it, nil
}

// keys lists the primary keys of every item, meta last.
func (it *interactionItems) keys() []Key { return keysOf(it.all()) }

// stored is every item type: each knows its primary key.
type stored interface{ primaryKey() Key }

func (i rowItem) primaryKey() Key        { return Key{i.PK, i.SK} }
func (i metaItem) primaryKey() Key       { return Key{i.PK, i.SK} }
func (i chunkItem) primaryKey() Key      { return Key{i.PK, i.SK} }
func (i indexEntry) primaryKey() Key     { return Key{i.PK, i.SK} }
func (i botRowItem) primaryKey() Key     { return Key{i.PK, i.SK} }
func (i botMetaItem) primaryKey() Key    { return Key{i.PK, i.SK} }
func (i agentEventItem) primaryKey() Key { return Key{i.PK, i.SK} }

func keysOf(items []any) []Key {
	out := make([]Key, len(items))
	for i, it := range items {
		out[i] = it.(stored).primaryKey()
	}
	return out
}

// chunkMessages splits messages into JSON arrays: the first of at most
// first bytes (it rides in the META item; "" when there is no room), the
// others of at most maxChunkBytes. Messages keep their order.
func chunkMessages(msgs []domain.Message, first int) ([]string, error) {
	if len(msgs) == 0 {
		return nil, nil
	}
	var out []string
	var cur []json.RawMessage
	size, budget := 0, first
	flush := func() error {
		if len(cur) == 0 {
			out = append(out, "") // the first chunk had no room
		} else {
			b, err := encodeJSON(cur)
			if err != nil {
				return err
			}
			out = append(out, string(b))
		}
		cur, size, budget = nil, 0, maxChunkBytes
		return nil
	}
	for _, m := range msgs {
		b, err := encodeJSON(m)
		if err != nil {
			return nil, fmt.Errorf("encode message %s: %w", m.ID, err)
		}
		// Close the chunk when the message doesn't fit. The first may close
		// empty (no room in META); a later one never does, since one
		// message is far smaller than a chunk.
		if size+len(b)+2 > budget && (len(cur) > 0 || len(out) == 0) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		cur = append(cur, b)
		size += len(b) + 1
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// all lists every item to write, META last.
func (it *interactionItems) all() []any {
	out := []any{it.row}
	for _, c := range it.chunks {
		out = append(out, c)
	}
	for _, e := range it.entries {
		out = append(out, e)
	}
	return append(out, it.meta)
}
