package conversations

import "github.com/rastro-cc/rastro/shared/store"

// contactSet sums per-contact counters, exactly: a contact counts when
// its counters sum above zero (a tiling may subtract cells). The store
// names the counters by contact number (store.ContactPrefix), so a
// month's overview, some 600,000 counters, sums into arrays of numbers
// rather than a map of keys, which took half the report's time
// (docs/benchmarks.md).
type contactSet struct {
	pages map[uint64]*contactPage
	// byKey sums counters still named by contact key: cells stored before
	// contact numbers, until a rebuild renames them.
	byKey map[string]int64
}

// contactPage sums the contacts numbered n<<pageBits through
// (n+1)<<pageBits-1: numbers are dense in a tenant, so the pages a month
// touches are few and mostly full.
type contactPage [1 << pageBits]int64

const pageBits = 12

func (s *contactSet) add(name string, x int64) {
	n, ok := store.ContactNumber(name)
	if !ok {
		if s.byKey == nil {
			s.byKey = map[string]int64{}
		}
		s.byKey[name] += x
		return
	}
	if s.pages == nil {
		s.pages = map[uint64]*contactPage{}
	}
	p := s.pages[n>>pageBits]
	if p == nil {
		p = new(contactPage)
		s.pages[n>>pageBits] = p
	}
	p[n&(1<<pageBits-1)] += x
}

func (s *contactSet) distinct() int64 {
	if s == nil {
		return 0
	}
	var n int64
	for _, p := range s.pages {
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
