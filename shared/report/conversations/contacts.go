package conversations

import (
	"slices"

	"github.com/rastro-cc/rastro/shared/store"
)

// contactSet sums per-contact counters, exactly: a contact counts when
// its counters sum above zero (a tiling may subtract cells). The store
// names the counters by contact number (store.ContactPrefix), so a
// month's overview, some 600,000 counters, sums into arrays of numbers
// rather than a map of keys, which took half the report's time
// (docs/benchmarks.md).
type contactSet struct {
	pages []*contactPage // by number >> pageBits
	// byKey sums counters still named by contact key: cells stored before
	// contact numbers, until a rebuild renames them.
	byKey map[string]int64
}

// contactPage sums the contacts numbered n<<pageBits through
// (n+1)<<pageBits-1: numbers are dense in a tenant, so the pages a month
// touches are few and mostly full.
//
// int32: a contact's conversations in a period never near 2^31, and half
// the bytes is half the cache misses of summing a month's 600,000 counters
// in numbers order-free (a cell's counters come out of a map).
type contactPage [1 << pageBits]int32

const pageBits = 12

func (s *contactSet) add(name string, x int64) {
	n, ok := store.ContactNumber(name)
	if !ok || n>>pageBits >= maxPages {
		if s.byKey == nil {
			s.byKey = map[string]int64{}
		}
		s.byKey[name] += x
		return
	}
	i := int(n >> pageBits)
	if i >= len(s.pages) {
		s.pages = slices.Grow(s.pages, i+1-len(s.pages))[:i+1]
	}
	p := s.pages[i]
	if p == nil {
		p = new(contactPage)
		s.pages[i] = p
	}
	p[n&(1<<pageBits-1)] += int32(x)
}

// maxPages bounds the page index (a billion contacts): a number past it,
// which no tenant's counter reaches, is summed by name instead.
const maxPages = 1 << 18

func (s *contactSet) distinct() int64 {
	if s == nil {
		return 0
	}
	var n int64
	for _, p := range s.pages {
		if p == nil {
			continue
		}
		for _, x := range p {
			if x > 0 {
				n++
			}
		}
	}
	for _, x := range s.byKey {
		if x > 0 {
			n++
		}
	}
	return n
}
