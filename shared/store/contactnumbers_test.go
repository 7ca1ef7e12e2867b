package store_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/rastro-cc/rastro/shared/store"
)

// TestContactNumbers holds the registry to its promise under races:
// writers in separate processes (separate Stores, so no shared cache)
// numbering overlapping sets of new contacts at once all get one number
// per contact, the same one, and no two contacts share a number; a
// tenant's numbers are its own.
func TestContactNumbers(t *testing.T) {
	shared := MustStore(t)
	ctx := context.Background()
	var keys []string
	for i := range 300 {
		keys = append(keys, fmt.Sprintf("tel:+55119%08d", i))
	}
	const writers = 6
	got := make([]map[string]uint64, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			st := store.New(shared.Client(), shared.TableName())
			// Each writer asks for an overlapping slice, in its own order.
			mine := slices.Clone(keys[w*30 : w*30+150])
			slices.Reverse(mine[:w*10])
			var err error
			if got[w], err = st.ContactNumbers(ctx, "acme", mine); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	final, err := store.New(shared.Client(), shared.TableName()).ContactNumbers(ctx, "acme", keys)
	if err != nil {
		t.Fatal(err)
	}
	owner := map[uint64]string{}
	for _, k := range keys {
		n, ok := final[k]
		if !ok || n == 0 {
			t.Fatalf("%s has no number: %v", k, n)
		}
		if o, dup := owner[n]; dup {
			t.Fatalf("%s and %s share number %d", o, k, n)
		}
		owner[n] = k
	}
	for w, m := range got {
		if len(m) != 150 {
			t.Errorf("writer %d got %d numbers, want 150", w, len(m))
		}
		for k, n := range m {
			if final[k] != n {
				t.Errorf("writer %d numbered %s %d, the registry says %d", w, k, n, final[k])
			}
		}
	}
	// Asking again, with a cache or without, changes nothing.
	again, err := shared.ContactNumbers(ctx, "acme", keys[:10])
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range again {
		if final[k] != n {
			t.Errorf("%s renumbered %d, was %d", k, n, final[k])
		}
	}
	other, err := shared.ContactNumbers(ctx, "globex", keys[:1])
	if err != nil {
		t.Fatal(err)
	}
	if other[keys[0]] != 1 {
		t.Errorf("another tenant's first contact is %d, want 1: numbers are per tenant", other[keys[0]])
	}
}

// TestContactNumbersLostRace: a writer that believed contacts new, some
// of which another writer registered meanwhile, takes the other's numbers
// for those and new ones for the rest, in one call, across transactions.
func TestContactNumbersLostRace(t *testing.T) {
	st := MustStore(t)
	ctx := context.Background()
	var keys []string
	for i := range 250 { // three transactions
		keys = append(keys, fmt.Sprintf("email:c%03d@example.com", i))
	}
	var first []string
	for i := 0; i < len(keys); i += 3 {
		first = append(first, keys[i])
	}
	before, err := st.ContactNumbers(ctx, "acme", first)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.GiveContactNumbers(st, ctx, "acme", slices.Clone(keys))
	if err != nil {
		t.Fatal(err)
	}
	owner := map[uint64]string{}
	for _, k := range keys {
		n := got[k]
		if b, ok := before[k]; ok && n != b {
			t.Errorf("%s: %d, but the other writer registered %d", k, n, b)
		}
		if o, dup := owner[n]; dup || n == 0 {
			t.Fatalf("%s and %s share number %d", o, k, n)
		}
		owner[n] = k
	}
}

func TestContactNumberNames(t *testing.T) {
	for _, c := range []struct {
		name string
		n    uint64
		ok   bool
	}{
		{"c:1", 1, true},
		{"c:zz", 36*36 - 1, true},
		{"c:tel:+5511999990000", 0, false}, // a contact key: a cell not yet rebuilt
		{"n", 0, false},
		{"c:", 0, false},
		{"c:Z", 0, false},                             // FormatUint writes lower case
		{"c:zzzzzzzzzzzz", 4738381338321616895, true}, // 36^12-1: twelve digits fit
		{"c:1000000000000", 0, false},                 // thirteen could overflow
	} {
		n, ok := store.ContactNumber(c.name)
		if n != c.n || ok != c.ok {
			t.Errorf("ContactNumber(%q) = %d, %v; want %d, %v", c.name, n, ok, c.n, c.ok)
		}
	}
	for n := uint64(1); n < 1<<62; n = n*7 + 3 {
		if got, ok := store.ContactNumber("c:" + strconv.FormatUint(n, 36)); !ok || got != n {
			t.Errorf("%d comes back as %d, %v", n, got, ok)
		}
	}
}
