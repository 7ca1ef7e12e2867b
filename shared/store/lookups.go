package store

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
)

// The history lookups: seed 004's client and agent badges (gsi2, gsi3)
// and the exact protocol lookups (gsi1). Each answers summaries, the
// history window's columns, whether the index holds an interaction's row
// itself or a lookup entry pointing at it.

// LookupQuery says which of an index's interactions to read and in which
// order.
type LookupQuery struct {
	// Queues keeps only interactions of these queues (a supervisor's). nil
	// keeps every queue; non-nil and empty matches nothing.
	Queues []string
	Desc   bool // newest first
}

// LookupPos is where a paged lookup stopped: the index sort key and the
// table key of the last item read, which is what DynamoDB needs to resume
// a GSI query.
type LookupPos struct {
	IndexSK string `json:"s"`
	PK      string `json:"p"`
	SK      string `json:"k"`
}

// SummaryPage is one page of a lookup.
type SummaryPage struct {
	Items []Summary
	// Next is where the next page starts; nil when the lookup is done.
	Next *LookupPos
}

// lookupBudget bounds the items one page reads: a supervisor looking at an
// agent who mostly works other queues would otherwise read the agent's
// whole history to fill a page. A page that spends it returns what it
// found and a Next, so paging still reaches every match exactly once.
const lookupBudget = 5000

// index is one GSI's attribute names.
type index struct{ name, pk, sk string }

var (
	protocolIndex = index{GSI1, "gsi1pk", "gsi1sk"}
	contactIndex  = index{GSI2, "gsi2pk", "gsi2sk"}
	agentIndex    = index{GSI3, "gsi3pk", "gsi3sk"}
)

// ContactHistory pages through every interaction of a client, across
// media and days (seed 004's C badge), in start order.
func (s *Store) ContactHistory(ctx context.Context, t Tenant, contactKey string, q LookupQuery, pos *LookupPos, limit int) (SummaryPage, error) {
	return s.lookup(ctx, contactIndex, t.ContactGSI(contactKey), q, pos, limit)
}

// AgentHistory pages through every interaction an agent held (seed 004's
// A badge): the rows where the agent closed it and the entries of earlier
// legs, each interaction once, in start order.
func (s *Store) AgentHistory(ctx context.Context, t Tenant, agentID string, q LookupQuery, pos *LookupPos, limit int) (SummaryPage, error) {
	return s.lookup(ctx, agentIndex, t.AgentGSI(agentID), q, pos, limit)
}

// ByProtocol finds the interactions with a platform protocol, at most
// limit of them; Next is set when there were more.
func (s *Store) ByProtocol(ctx context.Context, t Tenant, protocol string, q LookupQuery, limit int) (SummaryPage, error) {
	return s.lookup(ctx, protocolIndex, t.ProtocolGSI(protocol), q, nil, limit)
}

// ByExternalProtocol finds the interactions with an external protocol
// (through their IDX#X entries), at most limit of them.
func (s *Store) ByExternalProtocol(ctx context.Context, t Tenant, protocol string, q LookupQuery, limit int) (SummaryPage, error) {
	return s.lookup(ctx, protocolIndex, t.ExtProtocolGSI(protocol), q, nil, limit)
}

// lookup reads one page of at most limit summaries under key pk of ix.
func (s *Store) lookup(ctx context.Context, ix index, pk string, q LookupQuery, pos *LookupPos, limit int) (SummaryPage, error) {
	var page SummaryPage
	if q.Queues != nil && len(nonEmpty(q.Queues)) == 0 {
		return page, nil
	}
	if limit < 1 {
		return page, fmt.Errorf("lookup: limit %d must be positive", limit)
	}
	e := newExpr()
	if q.Queues != nil {
		e.in("queue", nonEmpty(q.Queues))
	}
	filter := e.condition()
	in := &dynamodb.QueryInput{
		TableName:              aws.String(s.TableName()),
		IndexName:              aws.String(ix.name),
		KeyConditionExpression: aws.String(e.path(ix.pk) + " = " + e.str(pk)),
		ScanIndexForward:       aws.Bool(!q.Desc),
		// One more than a page tells whether another page exists, one more
		// again absorbs a duplicate; a filter drops items after the limit
		// counts them, so then read more per call (DynamoDB caps a call at
		// 1 MB anyway).
		Limit: aws.Int32(int32(limit + 2)),
	}
	if filter != "" {
		in.FilterExpression = aws.String(filter)
		in.Limit = aws.Int32(int32(max(limit+2, 500)))
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values

	// An interaction's row and its lookup entry share the index sort key
	// (<start>#<id>). They can't both be under one key of one index in a
	// committed version, but index updates trail the table's transaction,
	// so a reader may briefly see an old entry beside a new row: it keeps
	// the first of an id on the page and skips, on the next page, items
	// with the sort key the previous page ended on.
	seen := map[string]bool{}
	var last *LookupPos
	start, evaluated := pos, 0
	for {
		if start != nil {
			in.ExclusiveStartKey = map[string]types.AttributeValue{
				ix.pk: &types.AttributeValueMemberS{Value: pk},
				ix.sk: &types.AttributeValueMemberS{Value: start.IndexSK},
				"pk":  &types.AttributeValueMemberS{Value: start.PK},
				"sk":  &types.AttributeValueMemberS{Value: start.SK},
			}
		}
		resp, err := s.client.Query(ctx, in)
		if err != nil {
			return SummaryPage{}, fmt.Errorf("lookup %s: %w", ix.name, err)
		}
		evaluated += int(resp.ScannedCount)
		for _, item := range resp.Items {
			sum, at, err := decodeSummary(item, ix)
			if err != nil {
				return SummaryPage{}, err
			}
			if seen[sum.ID] || (pos != nil && at.IndexSK == pos.IndexSK) {
				continue
			}
			if len(page.Items) == limit { // a further match: there is a next page
				page.Next = last
				return page, nil
			}
			seen[sum.ID] = true
			page.Items = append(page.Items, sum)
			last = &at
		}
		if len(resp.LastEvaluatedKey) == 0 {
			return page, nil
		}
		next, err := posOf(resp.LastEvaluatedKey, ix)
		if err != nil {
			return SummaryPage{}, err
		}
		if evaluated >= lookupBudget {
			page.Next = &next
			return page, nil
		}
		start = &next
	}
}

// decodeSummary reads an index item, a row or a lookup entry, as the
// summary it shows and its position.
func decodeSummary(item map[string]types.AttributeValue, ix index) (Summary, LookupPos, error) {
	at, err := posOf(item, ix)
	if err != nil {
		return Summary{}, LookupPos{}, err
	}
	if isLookupEntry(at.SK) {
		var e indexEntry
		if err := dynamo.UnmarshalItem(item, &e); err != nil {
			return Summary{}, LookupPos{}, fmt.Errorf("decode lookup entry: %w", err)
		}
		return e.Summary, at, nil
	}
	row, err := decodeRow(item)
	if err != nil {
		return Summary{}, LookupPos{}, err
	}
	sum := summarize(&row.Interaction, Key{row.PK, row.SK})
	sum.Preview = row.Preview // the row keeps the preview, not the messages
	return sum, at, nil
}

// posOf reads the position of an item, or of a LastEvaluatedKey, which
// carries the same four attributes.
func posOf(item map[string]types.AttributeValue, ix index) (LookupPos, error) {
	str := func(name string) (string, error) {
		v, ok := item[name].(*types.AttributeValueMemberS)
		if !ok {
			return "", fmt.Errorf("lookup %s: item without %s", ix.name, name)
		}
		return v.Value, nil
	}
	var p LookupPos
	var err error
	if p.IndexSK, err = str(ix.sk); err != nil {
		return p, err
	}
	if p.PK, err = str("pk"); err != nil {
		return p, err
	}
	p.SK, err = str("sk")
	return p, err
}

func nonEmpty(s []string) []string {
	out := make([]string, 0, len(s))
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
