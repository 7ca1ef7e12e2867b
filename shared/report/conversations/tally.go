package conversations

import (
	"strconv"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Support types as the matrix indexes them; untyped conversations (no
// seed 001 fields, or no support type) count in the totals only.
const (
	typeMessage = iota
	typeComment
	typeOther
	nTypes
)

// both selects both values of a flag, or every support type.
const both = -1

// tally is one row's counters, summed exactly over its cells; every
// column is computed from it, and the totals row from one over all cells.
type tally struct {
	// cube counts conversations by support type, assigned, done and
	// supported: every matrix and total of every view is a sum of it.
	cube          [nTypes][2][2][2]int64
	wait, support int64         // ms, over supported conversations
	buckets       map[int]int64 // SLA histogram: wait in minutes rounded up (rollup.SLABucket)
	contacts      *contactSet   // the overview only
	media         map[domain.Media]int64
}

func newTally(contacts bool) *tally {
	t := &tally{buckets: map[int]int64{}, media: map[domain.Media]int64{}}
	if contacts {
		t.contacts = &contactSet{}
	}
	return t
}

// add counts a cell.
func (t *tally) add(c rollup.Cell) {
	n := c.Vals[rollup.N]
	typ := typeOther
	switch c.Dims[dType] {
	case "message":
		typ = typeMessage
	case "comment":
		typ = typeComment
	}
	t.cube[typ][bit(c.Dims[dAssigned])][bit(c.Dims[dDone])][bit(c.Dims[dSupported])] += n
	t.wait += c.Vals[rollup.WaitSum]
	t.support += c.Vals[rollup.SupportSum]
	t.media[domain.Media(c.Dims[dMedia])] += n
	for k, v := range c.Vals {
		if strings.HasPrefix(k, rollup.ContactPfx) {
			if t.contacts != nil {
				t.contacts.add(k, v)
			}
			continue
		}
		if m, ok := strings.CutPrefix(k, rollup.SLAPrefix); ok {
			if b, err := strconv.Atoi(m); err == nil {
				t.buckets[b] += v
			}
		}
	}
}

func bit(flag string) int {
	if flag == "1" {
		return 1
	}
	return 0
}

// count sums the cube over a support type, assigned, done and supported
// value each (both: either).
func (t *tally) count(typ, assigned, done, supported int) int64 {
	var s int64
	for ty := range nTypes {
		for a := range 2 {
			for d := range 2 {
				for su := range 2 {
					if match(typ, ty) && match(assigned, a) && match(done, d) && match(supported, su) {
						s += t.cube[ty][a][d][su]
					}
				}
			}
		}
	}
	return s
}

func match(want, v int) bool { return want == both || want == v }

// within is the supported conversations whose wait was at most m minutes.
func (t *tally) within(m int) int64 {
	var s int64
	for b, v := range t.buckets {
		if b <= m {
			s += v
		}
	}
	return s
}

// distinctContacts counts the contacts with conversations in the tally.
func (t *tally) distinctContacts() int64 { return t.contacts.distinct() }

// mediaPresent lists the media the tally has conversations of, in
// domain.AllMedia order.
func (t *tally) mediaPresent() []domain.Media {
	out := []domain.Media{}
	for _, m := range domain.AllMedia {
		if t.media[m] > 0 {
			out = append(out, m)
		}
	}
	return out
}
