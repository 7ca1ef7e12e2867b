package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Cell is one rollup cell, or a change to one: a family's counters for a
// slot of a grain and a dimension tuple. What the families, dimensions and
// counters mean is the rollup package's business; the store keeps cells
// exact and reproducible.
type Cell struct {
	Family string
	Grain  Grain
	Slot   time.Time // start of the UTC quarter-hour or day
	Dims   string    // encoded dimension tuple
	Vals   map[string]int64
}

// Key is the cell's primary key.
func (c *Cell) Key(t Tenant) Key { return t.CellKey(c.Family, c.Grain, c.Slot, c.Dims) }

// cellItem is a stored cell. Its values never hold a zero (a counter that
// returns to zero is removed, a cell whose counters are all zero is
// deleted) and H is a digest of the values, so the same counts are the
// same bytes whichever way they were reached: a sequence of deltas or a
// rebuild from rows. H is also what a read-modify-write is conditioned on.
type cellItem struct {
	PK string   `dynamo:"pk,hash"`
	SK string   `dynamo:"sk,range"`
	H  string   `dynamo:"h"`
	V  counters `dynamo:"v"`
}

func newCellItem(k Key, v map[string]int64) cellItem {
	canon := make(map[string]int64, len(v))
	for name, x := range v {
		if x != 0 {
			canon[name] = x
		}
	}
	return cellItem{PK: k.PK, SK: k.SK, H: cellDigest(canon), V: counters{vals: canon}}
}

// cellDigest is a digest of the values in key order.
func cellDigest(v map[string]int64) string {
	h := sha256.New()
	for _, k := range sortedNames(v) {
		fmt.Fprintf(h, "%s=%d\n", k, v[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Contributor turns the replacement of an interaction version into rollup
// changes: the new version's contribution less the old one's (old is nil
// for a first write). Because the changes join the same TransactWriteItems
// as the row, a count moves exactly when the row does, and a replay, which
// writes nothing, moves nothing.
type Contributor interface {
	Deltas(old, new *domain.Interaction) []Cell
}

// addCellWrites merges deltas per cell, reads the cells they touch
// (consistently), and adds to tx one conditional Put or Delete per cell
// that changes, conditioned on the digest it read: a concurrent writer of
// the same cell makes the transaction fail and the upsert start over from
// its reads. Read-modify-write rather than ADD keeps the stored form
// canonical (no zero counters, no empty cells), so a rebuild can reproduce
// it byte for byte.
func (s *Store) addCellWrites(ctx context.Context, tx *dynamo.WriteTx, t Tenant, deltas []Cell) (int, error) {
	type change struct {
		key  Key
		vals map[string]int64
	}
	byKey := map[Key]*change{}
	var order []Key
	for i := range deltas {
		k := deltas[i].Key(t)
		c := byKey[k]
		if c == nil {
			c = &change{key: k, vals: map[string]int64{}}
			byKey[k] = c
			order = append(order, k)
		}
		for name, d := range deltas[i].Vals {
			c.vals[name] += d
		}
	}
	var keys []Key
	for _, k := range order {
		if nonZero(byKey[k].vals) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return 0, nil
	}
	sortKeys(keys)
	cur, err := s.getCells(ctx, keys)
	if err != nil {
		return 0, err
	}
	for _, k := range keys {
		old, exists := cur[k]
		v := make(map[string]int64, len(old.V.vals)+len(byKey[k].vals))
		for name, x := range old.V.vals {
			v[name] = x
		}
		for name, d := range byKey[k].vals {
			if v[name] += d; v[name] == 0 {
				delete(v, name)
			}
		}
		switch {
		case len(v) == 0:
			tx.Delete(s.table.Delete("pk", k.PK).Range("sk", k.SK).If("'h' = ?", old.H))
		case exists:
			tx.Put(s.table.Put(newCellItem(k, v)).If("'h' = ?", old.H))
		default:
			tx.Put(s.table.Put(newCellItem(k, v)).If("attribute_not_exists('pk')"))
		}
	}
	return len(keys), nil
}

func nonZero(v map[string]int64) bool {
	for _, x := range v {
		if x != 0 {
			return true
		}
	}
	return false
}

func sortKeys(keys []Key) {
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].PK != keys[j].PK {
			return keys[i].PK < keys[j].PK
		}
		return keys[i].SK < keys[j].SK
	})
}

// getCells reads cells by key, strongly consistent, 100 keys a request.
func (s *Store) getCells(ctx context.Context, keys []Key) (map[Key]cellItem, error) {
	out := make(map[Key]cellItem, len(keys))
	for i := 0; i < len(keys); i += 100 {
		part := keys[i:min(i+100, len(keys))]
		ks := make([]dynamo.Keyed, len(part))
		for j, k := range part {
			ks[j] = dynamo.Keys{k.PK, k.SK}
		}
		var got []cellItem
		err := s.table.Batch("pk", "sk").Get(ks...).Consistent(true).All(ctx, &got)
		if err != nil && !errors.Is(err, dynamo.ErrNotFound) {
			return nil, wrap("read rollup cells", err)
		}
		for _, c := range got {
			out[Key{c.PK, c.SK}] = c
		}
	}
	return out, nil
}

// CellQuery names the cells of one partition to read: a family's cells of
// one grain in slots First through Last, which must share a partition (a
// UTC day of quarter-hours, a UTC month of days).
type CellQuery struct {
	Family      string
	Grain       Grain
	First, Last time.Time
	// Prefix, when set, reads only the cells whose encoded dimension
	// tuple begins with it, in one slot (First = Last): a view keyed by
	// a leading dimension read for one of its values.
	Prefix string
}

// QueryCells reads the cells of q, calling fn for each in key order, and
// returns the read capacity DynamoDB reports consuming.
func (s *Store) QueryCells(ctx context.Context, t Tenant, q CellQuery, fn func(Cell)) (float64, error) {
	if t.CellPartition(q.Family, q.Grain, q.First) != t.CellPartition(q.Family, q.Grain, q.Last) {
		return 0, fmt.Errorf("cell query %s %c %s..%s spans partitions", q.Family, q.Grain, q.First, q.Last)
	}
	pk := t.CellPartition(q.Family, q.Grain, q.First)
	lo, hi := CellBounds(q.Grain, q.First, q.Last)
	if q.Prefix != "" {
		if !q.First.Equal(q.Last) || q.Prefix[len(q.Prefix)-1] >= 0x7f {
			return 0, fmt.Errorf("cell query %s %c: a prefix (%q) reads one slot (not %s..%s) and ends in an ASCII separator", q.Family, q.Grain, q.Prefix, q.First, q.Last)
		}
		lo, hi = cellPrefixBounds(q.Grain, q.First, q.Prefix)
	}
	return s.queryCellItems(ctx, pk, lo, hi, false, func(item cellItem) error {
		slot, dims, err := parseCellSK(q.Grain, q.First, item.SK)
		if err != nil {
			return err
		}
		fn(Cell{Family: q.Family, Grain: q.Grain, Slot: slot, Dims: dims, Vals: item.V.vals})
		return nil
	})
}

// queryCellItems calls fn with each cell item of partition pk whose sort
// key lies in [lo, hi], in key order, and returns the read capacity
// consumed. Reports read eventually consistent; a rebuild, comparing
// what it computed with what is stored, reads consistently.
func (s *Store) queryCellItems(ctx context.Context, pk, lo, hi string, consistent bool, fn func(cellItem) error) (float64, error) {
	in := &dynamodb.QueryInput{
		TableName:              aws.String(s.TableName()),
		KeyConditionExpression: aws.String("pk = :pk AND sk BETWEEN :lo AND :hi"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": &types.AttributeValueMemberS{Value: pk},
			":lo": &types.AttributeValueMemberS{Value: lo}, ":hi": &types.AttributeValueMemberS{Value: hi},
		},
		ConsistentRead:         aws.Bool(consistent),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
		Limit:                  aws.Int32(firstCellCall),
	}
	var units float64
	for {
		resp, err := s.client.Query(ctx, in)
		if err != nil {
			return units, wrap("query rollup cells", err)
		}
		var pageUnits float64
		if resp.ConsumedCapacity != nil && resp.ConsumedCapacity.CapacityUnits != nil {
			pageUnits = *resp.ConsumedCapacity.CapacityUnits
		}
		units += pageUnits
		in.Limit = aws.Int32(nextCellCall(len(resp.Items), pageUnits, consistent))
		for _, raw := range resp.Items {
			var item cellItem
			if err := attributevalue.UnmarshalMapWithOptions(raw, &item, withDynamoTags); err != nil {
				return units, fmt.Errorf("decode rollup cell: %w", err)
			}
			if err := fn(item); err != nil {
				return units, err
			}
		}
		if len(resp.LastEvaluatedKey) == 0 {
			return units, nil
		}
		in.ExclusiveStartKey = resp.LastEvaluatedKey
	}
}

// A Query answers at most 1 MB, and DynamoDB Local, given no Limit, reads
// the whole rest of the key range to fill each page and drops what
// doesn't fit: a range of several pages costs as many times its size.
// Each call asks for about the items a megabyte holds, as the last page's
// capacity per item says (cells are 100 bytes to a few KB by family).
const (
	firstCellCall = 1000
	minCellCall   = 100
	maxCellCall   = 10000
)

func nextCellCall(items int, units float64, consistent bool) int32 {
	if items == 0 || units <= 0 {
		return firstCellCall
	}
	bytesPerUnit := 8192.0 // eventually consistent: half a unit per 4 KB
	if consistent {
		bytesPerUnit = 4096
	}
	perMB := 1.1 * float64(items) * (1 << 20) / (units * bytesPerUnit)
	return int32(min(max(perMB, minCellCall), maxCellCall))
}

// parseCellSK reverses CellKey's sort key, given a slot of the partition.
func parseCellSK(g Grain, inPartition time.Time, sk string) (time.Time, string, error) {
	label, dims, ok := strings.Cut(sk, "#")
	if !ok {
		return time.Time{}, "", fmt.Errorf("rollup cell sort key %q has no slot", sk)
	}
	var slot time.Time
	var err error
	switch g {
	case Day:
		slot, err = time.Parse("2006-01-02", label)
	case Month:
		slot, err = time.Parse("2006-01", label)
	default:
		var hm time.Time
		hm, err = time.Parse("1504", label)
		d := Day.Slot(inPartition)
		slot = d.Add(time.Duration(hm.Hour())*time.Hour + time.Duration(hm.Minute())*time.Minute)
	}
	if err != nil {
		return time.Time{}, "", fmt.Errorf("rollup cell sort key %q: %w", sk, err)
	}
	return slot, unpart(dims), nil
}

// unpart reverses part.
func unpart(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return strings.NewReplacer("%23", "#", "%25", "%").Replace(s)
}

// cellPartitions lists the cell queries that cover every slot of the
// grain from the slot holding from up to the one holding to-1ms, one per
// partition.
func cellPartitions(family string, g Grain, from, to time.Time) []CellQuery {
	var out []CellQuery
	for p := g.Slot(from); p.Before(to); {
		end := minTime(nextPartition(g, p), to)
		out = append(out, CellQuery{Family: family, Grain: g, First: p, Last: g.Slot(end.Add(-time.Millisecond))})
		p = end
	}
	return out
}

// nextPartition is the first slot of the partition after the one holding p.
func nextPartition(g Grain, p time.Time) time.Time {
	switch g {
	case Day, Clock, ClockHour:
		return time.Date(p.Year(), p.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(p.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return Day.Slot(p).AddDate(0, 0, 1)
}

// ReplaceCells makes a family's stored cells of the grains in [from, to)
// (bounds on each grain's slots) exactly want: cells that differ are
// written, cells not in want are deleted, equal ones are left alone. It is
// admin tooling (the rebuild command), not transactional: run it while no
// interaction of those days is being ingested, or run it again.
func (s *Store) ReplaceCells(ctx context.Context, t Tenant, family string, grains []Grain, from, to time.Time, want []Cell) (written, deleted int, err error) {
	if want, err = s.numberContacts(ctx, t, want); err != nil {
		return 0, 0, err
	}
	wanted := make(map[Key]cellItem, len(want))
	for i := range want {
		if want[i].Family != family || !slices.Contains(grains, want[i].Grain) {
			return 0, 0, fmt.Errorf("replace cells of %s %s: got a %s %c cell", family, grains, want[i].Family, want[i].Grain)
		}
		k := want[i].Key(t)
		if _, dup := wanted[k]; dup {
			return 0, 0, fmt.Errorf("replace cells: %s/%s twice", k.PK, k.SK)
		}
		if nonZero(want[i].Vals) {
			wanted[k] = newCellItem(k, want[i].Vals)
		}
	}
	var puts []any
	var dels []dynamo.Keyed
	seen := map[Key]bool{}
	for _, g := range grains {
		for _, q := range cellPartitions(family, g, from, to) {
			pk := t.CellPartition(family, g, q.First)
			lo, hi := CellBounds(g, q.First, q.Last)
			var have []cellItem
			if _, err := s.queryCellItems(ctx, pk, lo, hi, true, func(c cellItem) error {
				have = append(have, c)
				return nil
			}); err != nil {
				return 0, 0, err
			}
			for _, c := range have {
				k := Key{c.PK, c.SK}
				seen[k] = true
				w, ok := wanted[k]
				switch {
				case !ok:
					dels = append(dels, dynamo.Keys{k.PK, k.SK})
				case w.H != c.H || cellDigest(c.V.vals) != c.H || c.V.legacy: // the digest is recomputed: a repair trusts no stored value; a cell in the old form is rewritten in the new
					puts = append(puts, w)
				}
			}
		}
	}
	var fresh []Key
	for k := range wanted {
		if !seen[k] {
			fresh = append(fresh, k)
		}
	}
	sortKeys(fresh)
	for _, k := range fresh {
		puts = append(puts, wanted[k])
	}
	if err := s.batchPut(ctx, puts); err != nil {
		return 0, 0, err
	}
	return len(puts), len(dels), s.batchDelete(ctx, dels)
}

// batchDelete deletes items 25 to a request, a few requests at a time.
func (s *Store) batchDelete(ctx context.Context, keys []dynamo.Keyed) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i := 0; i < len(keys); i += 25 {
		part := keys[i:min(i+25, len(keys))]
		g.Go(func() error {
			_, err := s.table.Batch("pk", "sk").Write().Delete(part...).Run(gctx)
			return wrap("batch delete", err)
		})
	}
	return g.Wait()
}

// EachRow calls fn with every interaction whose row is in the UTC days
// [from, to), media by media and day by day: the rows are what rollups
// are rebuilt from.
func (s *Store) EachRow(ctx context.Context, t Tenant, from, to time.Time, fn func(*domain.Interaction) error) error {
	for d := Day.Slot(from); d.Before(to); d = d.AddDate(0, 0, 1) {
		for _, m := range domain.AllMedia {
			it := s.table.Get("pk", t.RowPartition(m, domain.UTCDay(d))).Iter()
			var row rowItem
			for it.Next(ctx, &row) {
				in := row.Interaction
				if err := fn(&in); err != nil {
					return err
				}
				row = rowItem{}
			}
			if err := it.Err(); err != nil {
				return wrap("read rows", err)
			}
		}
	}
	return nil
}
