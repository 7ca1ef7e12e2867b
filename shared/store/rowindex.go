package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"
)

// queryRowsByIndex answers a row query that names a protocol or an
// external protocol from gsi1 instead of the day partitions: the lookup
// reads the interactions carrying that value, not the whole period. The
// index's sort key is the row's ("<start>#<id>"), so the index is read in
// the query's order, bounded by the period, and paged like the partitions:
// pos.After is the last sort key returned. A value many interactions share
// (an external protocol such as "N/A") pages and stops at the page budget
// like any other filter.
func (s *Store) queryRowsByIndex(ctx context.Context, t Tenant, q RowQuery, pos RowPos, limit int, budget PageBudget) (RowPage, error) {
	var page RowPage
	if len(q.Spans) == 0 {
		return page, nil
	}
	budget = budget.withDefaults()
	deadline := time.Now().Add(budget.MaxTime)
	lo, hi := StartBounds(q.Spans[0].From, q.Spans[len(q.Spans)-1].To)
	// Resume after pos.After: BETWEEN is inclusive, so the bound is the
	// last key returned, and that one row is skipped when read again.
	if pos.After != "" {
		if q.Desc {
			hi = pos.After
		} else {
			lo = pos.After
		}
	}
	gsi := t.ProtocolGSI(q.Filter.Protocol)
	if q.Filter.Protocol == "" {
		gsi = t.ExtProtocolGSI(q.Filter.ExternalProtocol)
	}
	e := newExpr()
	q.Filter.compile(e)
	if err := e.tooLarge(); err != nil {
		return page, err
	}
	if q.Filter.Protocol != "" { // rows themselves: filter them in the index query
		e.eq("media", string(q.Media))
	} else { // entries: each one's row is read with the filter (filteredRow)
		e = newExpr()
	}
	key := e.path("gsi1pk") + " = " + e.str(gsi) + " AND " + e.path("gsi1sk") + " BETWEEN " + e.str(lo) + " AND " + e.str(hi)
	in := &dynamodb.QueryInput{
		TableName:                 aws.String(s.TableName()),
		IndexName:                 aws.String("gsi1"),
		KeyConditionExpression:    aws.String(key),
		ExpressionAttributeNames:  e.names,
		ExpressionAttributeValues: e.values,
		ScanIndexForward:          aws.Bool(!q.Desc),
		Limit:                     aws.Int32(int32(min(max(2*limit, 20), maxCallItems))),
	}
	if f := e.condition(); f != "" {
		in.FilterExpression = aws.String(f)
	}
	for {
		resp, err := s.client.Query(ctx, in)
		if err != nil {
			return RowPage{}, fmt.Errorf("query gsi1: %w", err)
		}
		page.Evaluated += int(resp.ScannedCount)
		page.Requests++
		rows, err := s.indexRows(ctx, q, resp.Items, &page)
		if err != nil {
			return RowPage{}, err
		}
		for _, r := range rows {
			if r.SortKey == pos.After || !inSpans(q.Spans, r) {
				continue
			}
			page.Rows = append(page.Rows, r)
			if len(page.Rows) == limit {
				page.Next = &RowPos{After: r.SortKey}
				return page, nil
			}
		}
		last, ok := resp.LastEvaluatedKey["gsi1sk"].(*types.AttributeValueMemberS)
		if !ok {
			return page, nil
		}
		if page.Evaluated >= budget.MaxEvaluated || time.Now().After(deadline) {
			page.Next = &RowPos{After: last.Value}
			return page, nil
		}
		in.ExclusiveStartKey = resp.LastEvaluatedKey
	}
}

// indexRows turns one gsi1 page into rows in the page's order: protocol
// entries are the rows themselves (already filtered); external-protocol
// entries point at their rows, which are read with the filter applied,
// several at a time.
func (s *Store) indexRows(ctx context.Context, q RowQuery, items []map[string]types.AttributeValue, page *RowPage) ([]Row, error) {
	if q.Filter.Protocol != "" {
		rows := make([]Row, 0, len(items))
		for _, item := range items {
			it, err := decodeRow(item)
			if err != nil {
				return nil, err
			}
			rows = append(rows, it.toRow())
		}
		return rows, nil
	}
	found := make([]*Row, len(items))
	evaluated := make([]int, len(items))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, item := range items {
		var en indexEntry
		if err := dynamo.UnmarshalItem(item, &en); err != nil {
			return nil, fmt.Errorf("decode entry: %w", err)
		}
		g.Go(func() error {
			r, n, err := s.filteredRow(gctx, q, en.RowPK, en.RowSK)
			found[i], evaluated[i] = r, n
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var rows []Row
	for i, r := range found {
		page.Evaluated += evaluated[i]
		page.Requests++
		if r != nil && r.Media == q.Media {
			rows = append(rows, *r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return (rows[i].SortKey < rows[j].SortKey) != q.Desc })
	return rows, nil
}

// filteredRow reads the row at pk/sk if it passes the query's filter (nil
// otherwise), with the filter evaluated by DynamoDB, and how many items
// that read.
func (s *Store) filteredRow(ctx context.Context, q RowQuery, pk, sk string) (*Row, int, error) {
	e := newExpr()
	q.Filter.compile(e)
	key := e.path("pk") + " = " + e.str(pk) + " AND " + e.path("sk") + " = " + e.str(sk)
	in := &dynamodb.QueryInput{
		TableName:                 aws.String(s.TableName()),
		KeyConditionExpression:    aws.String(key),
		ExpressionAttributeNames:  e.names,
		ExpressionAttributeValues: e.values,
	}
	if f := e.condition(); f != "" {
		in.FilterExpression = aws.String(f)
	}
	resp, err := s.client.Query(ctx, in)
	if err != nil {
		return nil, 0, fmt.Errorf("query row: %w", err)
	}
	if len(resp.Items) == 0 {
		return nil, int(resp.ScannedCount), nil
	}
	it, err := decodeRow(resp.Items[0])
	if err != nil {
		return nil, 0, err
	}
	r := it.toRow()
	return &r, int(resp.ScannedCount), nil
}

func inSpans(spans []Span, r Row) bool {
	i := sort.Search(len(spans), func(i int) bool { return r.Start.Before(spans[i].To) })
	return i < len(spans) && !r.Start.Before(spans[i].From)
}
