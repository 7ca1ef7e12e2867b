package store

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Span is the half-open interval [From, To) of start instants.
type Span struct{ From, To time.Time }

// RowQuery asks for the rows of one media that started inside Spans
// (ascending, not overlapping) and pass Filter, in start order.
type RowQuery struct {
	Media  domain.Media
	Spans  []Span
	Filter RowFilter
	Desc   bool
}

// RowPos is where a paged row query stopped: every segment before Segment
// (in the query's order) is done, segment Segment is done up to and
// including sort key After ("" for not started), and the ones after it are
// untouched. That is every partition's position in two values, because the
// query reads its segments one after another.
type RowPos struct {
	Segment int    `json:"g"`
	After   string `json:"a,omitempty"`
}

// Row is one interaction row as stored.
type Row struct {
	domain.Interaction
	ContactKey string
	Preview    string
	SortKey    string
}

// RowPage is one page of a row query.
type RowPage struct {
	Rows []Row
	// Next is where the next page starts; nil when the query is exhausted.
	Next *RowPos
	// Evaluated is how many items DynamoDB read (before the filter) and
	// Requests how many Query calls it took.
	Evaluated, Requests int
}

// PageBudget bounds the work of one page: a filter that matches little
// would otherwise read a whole year of rows to fill one page. A page that
// reaches the budget returns the rows it found (maybe none) and a Next, so
// paging still reaches every match exactly once.
type PageBudget struct {
	MaxEvaluated int           // items read; 0 means 20,000
	MaxTime      time.Duration // wall time before no new read starts; 0 means 700 ms
	Parallel     int           // segments read ahead at once; 0 means 4
}

func (b PageBudget) withDefaults() PageBudget {
	if b.MaxEvaluated <= 0 {
		b.MaxEvaluated = 20000
	}
	if b.MaxTime <= 0 {
		b.MaxTime = 700 * time.Millisecond
	}
	if b.Parallel <= 0 {
		b.Parallel = 4
	}
	return b
}

// segment is one Query: a partition and inclusive sort-key bounds, of
// the table or, when ix is set, of that index.
type segment struct {
	pk, lo, hi string
	ix         *index
}

// sliceHours bounds the time one segment covers. A day partition is read
// as four slices, so a selective filter reads one day in parallel too.
const sliceHours = 6

// segments splits the spans at UTC midnight (a day partition each) and
// into slices of at most sliceHours, in the query's order.
func (q *RowQuery) segments(t Tenant) []segment {
	return daySegments(q.Spans, q.Desc, sliceHours, func(day string) string { return t.RowPartition(q.Media, day) })
}

// Pieces splits q into consecutive queries, one per segment (a UTC day's
// slice of at most sliceHours), in q's order: read side by side and
// concatenated they give q's rows in q's order. One Query after another
// returns at most 1 MB at a time; an export reads its pieces a few at once.
func (q RowQuery) Pieces() []RowQuery {
	var out []RowQuery
	for _, sl := range slicesOf(q.Spans, sliceHours) {
		p := q
		p.Spans = []Span{sl}
		out = append(out, p)
	}
	if q.Desc {
		slices.Reverse(out)
	}
	return out
}

// daySegments splits spans at UTC midnight, into the partition of each
// day, and into slices of at most hours, in the query's order.
func daySegments(spans []Span, desc bool, hours int, partition func(day string) string) []segment {
	var out []segment
	for _, sl := range slicesOf(spans, hours) {
		lo, hi := StartBounds(sl.From, sl.To)
		out = append(out, segment{pk: partition(domain.UTCDay(sl.From)), lo: lo, hi: hi})
	}
	if desc {
		slices.Reverse(out)
	}
	return out
}

// slicesOf cuts spans at UTC midnight and into slices of at most hours
// (a divisor of 24), ascending.
func slicesOf(spans []Span, hours int) []Span {
	var out []Span
	for _, sp := range spans {
		for from := sp.From; from.Before(sp.To); {
			y, m, d := from.UTC().Date()
			h := from.UTC().Hour()
			to := minTime(time.Date(y, m, d, h-h%hours+hours, 0, 0, 0, time.UTC), sp.To)
			out = append(out, Span{From: from, To: to})
			from = to
		}
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// QueryRows reads one page of at most limit rows from pos. Segments are
// read in order, up to budget.Parallel of them at once (a selective filter
// reads many days to fill a page); rows come out in start order, ties by
// id, descending when q.Desc.
func (s *Store) QueryRows(ctx context.Context, t Tenant, q RowQuery, pos RowPos, limit int, budget PageBudget) (RowPage, error) {
	if q.Filter.Empty() {
		return RowPage{}, nil
	}
	if q.Filter.Protocol != "" || q.Filter.ExternalProtocol != "" {
		if pos.Segment < 0 {
			return RowPage{}, errBadPosition
		}
		return s.queryRowsByIndex(ctx, t, q, pos, limit, budget)
	}
	e := newExpr()
	q.Filter.compile(e)
	if err := e.tooLarge(); err != nil {
		return RowPage{}, err
	}
	raw, err := s.readSegments(ctx, q.segments(t), e, q.Desc, pos, limit, budget)
	if err != nil {
		return RowPage{}, err
	}
	page := RowPage{Next: raw.Next, Evaluated: raw.Evaluated, Requests: raw.Requests}
	for _, it := range raw.Items {
		ri, err := decodeRow(it.item)
		if err != nil {
			return RowPage{}, err
		}
		page.Rows = append(page.Rows, ri.toRow())
	}
	return page, nil
}

var errBadPosition = domain.Errorf(domain.CodeBadRequest, "cursor: bad position")

// segItem is a matching item as read, with its segment and sort key.
type segItem struct {
	item map[string]types.AttributeValue
	sk   string
	seg  int
}

// segPage is one page of a segment read: RowPage before decoding.
type segPage struct {
	Items               []segItem
	Next                *RowPos
	Evaluated, Requests int
}

// readSegments reads one page of at most limit items passing filter from
// segs (in the query's order) from pos, within budget.
func (s *Store) readSegments(ctx context.Context, segs []segment, filter *expr, desc bool, pos RowPos, limit int, budget PageBudget) (out segPage, err error) {
	var page segPage
	if pos.Segment >= len(segs) {
		return page, nil
	}
	if pos.Segment < 0 {
		return page, errBadPosition
	}
	budget = budget.withDefaults()
	deadline := time.Now().Add(budget.MaxTime)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	r := &segReader{s: s, desc: desc, filter: filter, segs: segs}
	// What the page reports reading includes read-ahead calls it didn't
	// need: DynamoDB charges for them all.
	defer func() { out.Evaluated = int(r.evaluated.Load()) }()
	results := make([]chan segResult, len(segs))
	matched := 0
	read := func(i int, after string) {
		results[i] = make(chan segResult, 1)
		go r.read(ctx, i, after, callLimit(limit-len(page.Items), matched, page.Evaluated), results[i])
	}
	// The first call is made alone: an unselective page fills from it.
	// Once a call comes back without filling the page the filter is
	// selective, and the next segments are read ahead in parallel.
	selective := false
	ahead := func(i int) {
		for j := i + 1; selective && j < min(i+budget.Parallel, len(segs)); j++ {
			if results[j] == nil {
				read(j, "")
			}
		}
	}
	// At the deadline the page stops waiting and answers from where it is,
	// once at least one call has answered: every page makes progress, and
	// a page's wall time is bounded even while read-ahead calls are out.
	timeUp := time.NewTimer(time.Until(deadline))
	defer timeUp.Stop()
	cur := pos // everything before cur has been read
	stop := func() (segPage, error) {
		if cur.Segment < len(segs) {
			page.Next = &cur
		}
		return page, nil
	}
	read(pos.Segment, pos.After)
	for i := pos.Segment; i < len(segs); i++ {
		if results[i] == nil {
			read(i, "")
		}
		ahead(i)
		for {
			var res segResult
			select {
			case res = <-results[i]:
			case <-timeUp.C:
				if page.Requests > 0 {
					return stop()
				}
				res = <-results[i]
			}
			if res.err != nil {
				return segPage{}, res.err
			}
			page.Evaluated += res.evaluated
			page.Requests++
			matched += len(res.items)
			for n, it := range res.items {
				page.Items = append(page.Items, it)
				if len(page.Items) < limit {
					continue
				}
				if n < len(res.items)-1 || res.last != "" || i < len(segs)-1 {
					page.Next = &RowPos{Segment: i, After: it.sk}
				}
				return page, nil
			}
			// Reading ahead pays once a filter drops items, or once a
			// segment ends short of the page (sparse or empty segments
			// follow). A call that matched everything it read and stopped
			// at its limit says neither: the next call fills the page,
			// without reading (and paying for) segments it won't use.
			if res.evaluated > len(res.items) || res.last == "" {
				selective = true
			}
			ahead(i)
			if res.last == "" { // the segment is done
				cur = RowPos{Segment: i + 1}
				break
			}
			cur = RowPos{Segment: i, After: res.last}
			if page.Evaluated >= budget.MaxEvaluated || time.Now().After(deadline) {
				return stop()
			}
			read(i, res.last) // the call stopped at its limit; read on
		}
		if page.Evaluated >= budget.MaxEvaluated || time.Now().After(deadline) {
			return stop()
		}
	}
	return page, nil
}

// segResult is one Query call's answer: matching items and the sort key
// the call stopped after ("" when the segment is exhausted).
type segResult struct {
	items     []segItem
	last      string
	evaluated int
	err       error
}

type segReader struct {
	s         *Store
	desc      bool
	filter    *expr
	segs      []segment
	evaluated atomic.Int64 // items every call has read, used or not
}

// maxCallItems bounds the items one Query call evaluates (DynamoDB also
// stops at 1 MB). Small enough that a read-ahead call a page abandons at
// its deadline costs little (docs/benchmarks.md).
const maxCallItems = 600

// callLimit is how many items the next Query call should evaluate to
// return the want rows still missing, given that matched of the evaluated
// items so far passed the filter. Returning rows is what costs (DynamoDB
// serializes them, the SDK decodes them), so a call asks for about what
// the page still needs at the selectivity seen so far: want+1 before
// anything is known (an unfiltered page is one call), much more for a
// filter that has matched little.
func callLimit(want, matched, evaluated int) int32 {
	n := want + 1
	if evaluated > 0 && matched == evaluated {
		n = want // nothing filtered yet: read exactly what is missing
	} else if evaluated > 0 {
		rate := float64(max(matched, 1)) / float64(evaluated)
		n = int(float64(want)/rate*1.25) + 1
	}
	return int32(min(max(n, 10), maxCallItems))
}

// read makes one Query call on segment i after sort key after,
// evaluating at most limit items.
func (r *segReader) read(ctx context.Context, i int, after string, limit int32, out chan<- segResult) {
	sg := r.segs[i]
	pkAttr, skAttr := "pk", "sk"
	if sg.ix != nil {
		pkAttr, skAttr = sg.ix.pk, sg.ix.sk
	}
	e := &expr{names: map[string]string{"#pk": pkAttr, "#sk": skAttr}, values: map[string]types.AttributeValue{}}
	for k, v := range r.filter.names {
		e.names[k] = v
	}
	for k, v := range r.filter.values {
		e.values[k] = v
	}
	lo, hi := sg.lo, sg.hi
	// An index can't be resumed from a sort key alone (its
	// ExclusiveStartKey needs the table key as well): the bounds close in
	// on the key instead, and the item with that key is skipped.
	if after != "" && sg.ix != nil {
		if r.desc {
			hi = after
		} else {
			lo = after
		}
	}
	key := "#pk = " + e.str(sg.pk) + " AND #sk BETWEEN " + e.str(lo) + " AND " + e.str(hi)
	in := &dynamodb.QueryInput{
		TableName:                 aws.String(r.s.TableName()),
		KeyConditionExpression:    aws.String(key),
		ExpressionAttributeNames:  e.names,
		ExpressionAttributeValues: e.values,
		ScanIndexForward:          aws.Bool(!r.desc),
		Limit:                     aws.Int32(limit),
	}
	if sg.ix != nil {
		in.IndexName = aws.String(sg.ix.name)
	}
	if f := r.filter.condition(); f != "" {
		in.FilterExpression = aws.String(f)
	}
	if after != "" && sg.ix == nil {
		in.ExclusiveStartKey = map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: sg.pk},
			"sk": &types.AttributeValueMemberS{Value: after},
		}
	}
	res := segResult{}
	resp, err := r.s.client.Query(ctx, in)
	if err != nil {
		out <- segResult{err: fmt.Errorf("query rows: %w", err)}
		return
	}
	res.evaluated = int(resp.ScannedCount)
	r.evaluated.Add(int64(resp.ScannedCount))
	for _, item := range resp.Items {
		sk, _ := item[skAttr].(*types.AttributeValueMemberS)
		if sk == nil || (sg.ix != nil && sk.Value == after) {
			continue
		}
		res.items = append(res.items, segItem{item: item, sk: sk.Value, seg: i})
	}
	if sk, ok := resp.LastEvaluatedKey[skAttr].(*types.AttributeValueMemberS); ok {
		res.last = sk.Value
	}
	out <- res
}

// decodeRow decodes a row item with the SDK's attributevalue decoder
// reading the same `dynamo` tags guregu writes: it caches each type's
// fields, where guregu's UnmarshalItem re-reads every struct tag of every
// item (75 µs a row with guregu, 21 µs so, on rows of every media:
// BenchmarkDecodeRow). Rows are what the tracking report and the exporter
// decode by the thousand, on the cores DynamoDB Local also needs;
// TestDecodeRowMatchesGuregu holds the two decoders to the same result.
func decodeRow(item map[string]types.AttributeValue) (rowItem, error) {
	var it rowItem
	if err := attributevalue.UnmarshalMapWithOptions(item, &it, withDynamoTags); err != nil {
		return rowItem{}, fmt.Errorf("decode row: %w", err)
	}
	return it, nil
}

func withDynamoTags(o *attributevalue.DecoderOptions) { o.TagKey = "dynamo" }

func (it *rowItem) toRow() Row {
	return Row{Interaction: it.Interaction, ContactKey: it.ContactKey, Preview: it.Preview, SortKey: it.SK}
}
