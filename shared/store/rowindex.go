package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
)

// maxIndexMatches bounds what an exact lookup reads: a protocol names one
// interaction, a few at most when a platform reuses them.
const maxIndexMatches = 10000

// queryRowsByIndex answers a row query that names a protocol or an
// external protocol from gsi1 instead of the day partitions: the exact
// lookup reads a handful of items where the partitions would read the
// whole period. The filter still runs in DynamoDB; the period is checked
// here. Matches come out in the query's order and page after pos.After.
func (s *Store) queryRowsByIndex(ctx context.Context, t Tenant, q RowQuery, pos RowPos, limit int) (RowPage, error) {
	var page RowPage
	var rows []Row
	var err error
	if q.Filter.Protocol != "" {
		rows, err = s.rowsByProtocol(ctx, t, q, &page)
	} else {
		rows, err = s.rowsByExtProtocol(ctx, t, q, &page)
	}
	if err != nil {
		return RowPage{}, err
	}
	kept := rows[:0]
	for _, r := range rows {
		if r.Media == q.Media && inSpans(q.Spans, r) && after(pos.After, r.SortKey, q.Desc) {
			kept = append(kept, r)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return (kept[i].SortKey < kept[j].SortKey) != q.Desc })
	if len(kept) > limit {
		kept = kept[:limit]
		page.Next = &RowPos{After: kept[limit-1].SortKey}
	}
	page.Rows = kept
	return page, nil
}

// rowsByProtocol reads the rows that carry the protocol on gsi1.
func (s *Store) rowsByProtocol(ctx context.Context, t Tenant, q RowQuery, page *RowPage) ([]Row, error) {
	e := newExpr()
	q.Filter.compile(e)
	key := e.path("gsi1pk") + " = " + e.str(t.ProtocolGSI(q.Filter.Protocol))
	var rows []Row
	err := s.queryAll(ctx, "gsi1", key, e, page, func(item map[string]types.AttributeValue) error {
		var it rowItem
		if err := dynamo.UnmarshalItem(item, &it); err != nil {
			return fmt.Errorf("decode row: %w", err)
		}
		rows = append(rows, it.toRow())
		return nil
	})
	return rows, err
}

// rowsByExtProtocol finds the lookup entries of the external protocol on
// gsi1, then reads each entry's row with the filter applied.
func (s *Store) rowsByExtProtocol(ctx context.Context, t Tenant, q RowQuery, page *RowPage) ([]Row, error) {
	e := newExpr()
	key := e.path("gsi1pk") + " = " + e.str(t.ExtProtocolGSI(q.Filter.ExternalProtocol))
	var entries []indexEntry
	err := s.queryAll(ctx, "gsi1", key, e, page, func(item map[string]types.AttributeValue) error {
		var it indexEntry
		if err := dynamo.UnmarshalItem(item, &it); err != nil {
			return fmt.Errorf("decode entry: %w", err)
		}
		entries = append(entries, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, en := range entries {
		f := newExpr()
		q.Filter.compile(f)
		key := f.path("pk") + " = " + f.str(en.RowPK) + " AND " + f.path("sk") + " = " + f.str(en.RowSK)
		err := s.queryAll(ctx, "", key, f, page, func(item map[string]types.AttributeValue) error {
			var it rowItem
			if err := dynamo.UnmarshalItem(item, &it); err != nil {
				return fmt.Errorf("decode row: %w", err)
			}
			rows = append(rows, it.toRow())
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// queryAll runs a Query (on index, "" for the table) to its end, with
// e's filter, handing each item to each.
func (s *Store) queryAll(ctx context.Context, index, key string, e *expr, page *RowPage, each func(map[string]types.AttributeValue) error) error {
	in := &dynamodb.QueryInput{
		TableName:                 aws.String(s.TableName()),
		KeyConditionExpression:    aws.String(key),
		ExpressionAttributeNames:  e.names,
		ExpressionAttributeValues: e.values,
	}
	if index != "" {
		in.IndexName = aws.String(index)
	}
	if f := e.condition(); f != "" {
		in.FilterExpression = aws.String(f)
	}
	seen := 0
	for {
		resp, err := s.client.Query(ctx, in)
		if err != nil {
			return fmt.Errorf("query %s: %w", index, err)
		}
		page.Evaluated += int(resp.ScannedCount)
		page.Requests++
		for _, item := range resp.Items {
			if err := each(item); err != nil {
				return err
			}
		}
		seen += int(resp.ScannedCount)
		if len(resp.LastEvaluatedKey) == 0 || seen >= maxIndexMatches {
			return nil
		}
		in.ExclusiveStartKey = resp.LastEvaluatedKey
	}
}

func inSpans(spans []Span, r Row) bool {
	i := sort.Search(len(spans), func(i int) bool { return r.Start.Before(spans[i].To) })
	return i < len(spans) && !r.Start.Before(spans[i].From)
}

// after reports whether sort key sk comes after pos in the query's order.
func after(pos, sk string, desc bool) bool {
	if pos == "" {
		return true
	}
	if desc {
		return sk < pos
	}
	return sk > pos
}
