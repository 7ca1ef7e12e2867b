package store

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/guregu/dynamo/v2"
	"golang.org/x/sync/errgroup"
)

// Distinct contacts are counted exactly: a cell that counts contacts holds
// a counter per contact (ContactPrefix followed by the contact's key), so
// that a report can add cells and subtract others and still know which
// contacts remain. Keys run to twenty characters and more ("tel:+55…",
// e-mail addresses), and the overview of a busy month reads hundreds of
// thousands of them, then has to gather them in a map of strings: that
// map was half of the overview's time (docs/benchmarks.md).
//
// So the store keeps each such counter under the contact's number in the
// tenant instead: a registry gives every contact key a number once, for
// good, and a counter is stored as ContactPrefix followed by the number in
// base 36 (four characters for a million contacts). A report sums numbers
// in an array. The numbers live in the registry, not on the rows, so a
// rebuild from the rows finds the same numbers and reproduces the cells
// byte for byte, and rows stored before the registry need no migration.
//
// A number, once given, never changes, so a process caches what it has
// seen. Numbers are handed out from a counter per tenant, a block per
// call; two writers numbering the same new contact race on a conditional
// Put, and the loser takes the winner's number (its own is never used: the
// numbers have gaps, which cost nothing).

// ContactPrefix begins the name of a per-contact counter. Counters the
// contributors name ContactPrefix+<contact key> are stored, and read
// back, as ContactPrefix+<contact number in base 36>.
const ContactPrefix = "c:"

// ContactFormat names how per-contact counters are stored, for tooling
// that records what built a data set's rollups: a new form rebuilds them.
const ContactFormat = "n1"

// ContactNumber reads a stored per-contact counter's name: the contact's
// number, or false for a name in the form before numbers (a contact key,
// until a rebuild rewrites the cell).
//
// A month's overview reads some 600,000 of them, so this is
// strconv.ParseUint(s, 36, 64) without its generality: lower-case digits
// only (what FormatUint writes), at most 12 of them (no overflow).
func ContactNumber(name string) (uint64, bool) {
	s, ok := strings.CutPrefix(name, ContactPrefix)
	if !ok || s == "" || len(s) > 12 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			n = n*36 + uint64(c-'0')
		case 'a' <= c && c <= 'z':
			n = n*36 + uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return n, true
}

func contactCounter(n uint64) string { return ContactPrefix + strconv.FormatUint(n, 36) }

type contactNumberItem struct {
	PK string `dynamo:"pk,hash"`
	SK string `dynamo:"sk,range"`
	N  uint64 `dynamo:"n"`
}

// contactNumbers caches, per Store (one per Lambda container), numbers
// already read. It is cleared when it fills rather than evicting one by
// one: an ingest container meets the same contacts again within minutes,
// and a rebuild reads them a day at a time.
type contactNumbers struct {
	mu sync.Mutex
	m  map[string]uint64
}

const contactCacheSize = 200_000

func (c *contactNumbers) get(t Tenant, key string) (uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.m[string(t)+"\x00"+key]
	return n, ok
}

func (c *contactNumbers) put(t Tenant, nums map[string]uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m)+len(nums) > contactCacheSize {
		c.m = make(map[string]uint64, len(nums))
	}
	for k, n := range nums {
		c.m[string(t)+"\x00"+k] = n
	}
}

// ContactNumbers gives each contact key its number in the tenant, giving
// new contacts new numbers.
func (s *Store) ContactNumbers(ctx context.Context, t Tenant, keys []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(keys))
	var unknown []string
	asked := make(map[string]bool, len(keys))
	for _, k := range keys {
		if asked[k] {
			continue
		}
		asked[k] = true
		if n, ok := s.contactNums.get(t, k); ok {
			out[k] = n
		} else {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return out, nil
	}
	found, err := s.readContactNumbers(ctx, t, unknown, false)
	if err != nil {
		return nil, err
	}
	var fresh []string
	for _, k := range unknown {
		if _, ok := found[k]; !ok {
			fresh = append(fresh, k)
		}
	}
	if len(fresh) > 0 {
		given, err := s.giveContactNumbers(ctx, t, fresh)
		if err != nil {
			return nil, err
		}
		for k, n := range given {
			found[k] = n
		}
	}
	s.contactNums.put(t, found)
	for k, n := range found {
		out[k] = n
	}
	return out, nil
}

// readContactNumbers reads the registry's numbers of keys, 100 a request;
// keys without one are absent from the result.
func (s *Store) readContactNumbers(ctx context.Context, t Tenant, keys []string, consistent bool) (map[string]uint64, error) {
	out := make(map[string]uint64, len(keys))
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i := 0; i < len(keys); i += 100 {
		part := keys[i:min(i+100, len(keys))]
		g.Go(func() error {
			byPK := make(map[string]string, len(part))
			ks := make([]dynamo.Keyed, len(part))
			for j, k := range part {
				key := t.ContactNumberKey(k)
				byPK[key.PK] = k
				ks[j] = dynamo.Keys{key.PK, key.SK}
			}
			var got []contactNumberItem
			err := s.table.Batch("pk", "sk").Get(ks...).Consistent(consistent).All(gctx, &got)
			if err != nil && !errors.Is(err, dynamo.ErrNotFound) {
				return wrap("read contact numbers", err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, it := range got {
				out[byPK[it.PK]] = it.N
			}
			return nil
		})
	}
	return out, g.Wait()
}

// giveContactNumbers numbers contacts the registry lacked: it takes a
// block of numbers from the tenant's counter, and registers each contact
// under one unless a concurrent writer registered it first, whose number
// it then reads.
func (s *Store) giveContactNumbers(ctx context.Context, t Tenant, keys []string) (map[string]uint64, error) {
	slices.Sort(keys) // the same contacts get the same numbers from the same block
	seq := t.ContactSequenceKey()
	var counter struct {
		N uint64 `dynamo:"n"`
	}
	if err := s.table.Update("pk", seq.PK).Range("sk", seq.SK).Add("n", len(keys)).Value(ctx, &counter); err != nil {
		return nil, wrap("take contact numbers", err)
	}
	first := counter.N - uint64(len(keys)) + 1
	out := make(map[string]uint64, len(keys))
	var lost []string
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i := 0; i < len(keys); i += maxTxItems {
		part := keys[i:min(i+maxTxItems, len(keys))]
		numbers := make([]uint64, len(part))
		for j := range part {
			numbers[j] = first + uint64(i+j)
		}
		g.Go(func() error {
			won, lostHere, err := s.registerContacts(gctx, t, part, numbers)
			mu.Lock()
			defer mu.Unlock()
			maps.Copy(out, won)
			lost = append(lost, lostHere...)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if len(lost) > 0 {
		won, err := s.readContactNumbers(ctx, t, lost, true)
		if err != nil {
			return nil, err
		}
		for _, k := range lost {
			n, ok := won[k]
			if !ok {
				return nil, errors.New("store: contact number vanished after a lost registration: " + k)
			}
			out[k] = n
		}
	}
	return out, nil
}

// registerContacts registers keys under numbers, up to 100 in one
// transaction of conditional Puts (a rebuild numbers thousands of
// contacts a day; one request each was most of its time). A contact
// already registered cancels the transaction: it is set aside as lost and
// the rest is tried again.
func (s *Store) registerContacts(ctx context.Context, t Tenant, keys []string, numbers []uint64) (won map[string]uint64, lost []string, err error) {
	for attempt := 1; len(keys) > 0; attempt++ {
		tx := s.db.WriteTx()
		for j, k := range keys {
			key := t.ContactNumberKey(k)
			tx.Put(s.table.Put(contactNumberItem{PK: key.PK, SK: key.SK, N: numbers[j]}).If("attribute_not_exists('pk')"))
		}
		err := tx.Run(ctx)
		if err == nil {
			won = make(map[string]uint64, len(keys))
			for j, k := range keys {
				won[k] = numbers[j]
			}
			return won, lost, nil
		}
		failed := cancelledAt(err, "ConditionalCheckFailed")
		if len(failed) == 0 {
			if isRace(err) && attempt < maxAttempts { // a concurrent transaction held one of the items
				if err := backoff(ctx, attempt); err != nil {
					return nil, nil, err
				}
				continue
			}
			return nil, nil, wrap("register contact numbers", err)
		}
		var restK []string
		var restN []uint64
		for j, k := range keys {
			if failed[j] {
				lost = append(lost, k)
			} else {
				restK, restN = append(restK, k), append(restN, numbers[j])
			}
		}
		keys, numbers = restK, restN
	}
	return nil, lost, nil
}

// numberContacts returns cells with their per-contact counters renamed
// from contact keys to contact numbers. Cells without such counters are
// returned as they are; the others get new maps (contributors may share a
// map between cells).
func (s *Store) numberContacts(ctx context.Context, t Tenant, cells []Cell) ([]Cell, error) {
	var keys []string
	seen := map[string]bool{}
	for i := range cells {
		for name := range cells[i].Vals {
			if k, ok := strings.CutPrefix(name, ContactPrefix); ok && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	if len(keys) == 0 {
		return cells, nil
	}
	nums, err := s.ContactNumbers(ctx, t, keys)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(cells)
	for i := range out {
		var renamed map[string]int64
		for name, x := range out[i].Vals {
			k, ok := strings.CutPrefix(name, ContactPrefix)
			if !ok {
				continue
			}
			if renamed == nil {
				renamed = make(map[string]int64, len(out[i].Vals))
				for n, v := range out[i].Vals {
					if !strings.HasPrefix(n, ContactPrefix) {
						renamed[n] = v
					}
				}
			}
			renamed[contactCounter(nums[k])] += x
		}
		if renamed != nil {
			out[i].Vals = renamed
		}
	}
	return out, nil
}
