package demodata

import (
	"math"
	"math/rand/v2"
)

// Stream kinds keep the random streams of different record families apart,
// so that adding a draw to one family never shifts another.
const (
	kindInteraction uint64 = iota + 1
	kindContact
	kindAgent
	kindAgentDay
	kindBot
	kindCalendar
)

// splitmix64 scrambles seeds: PCG states that differ only by a small index
// would otherwise start out correlated.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rng is a reusable PCG stream. reset re-seeds it in place, so one rng serves
// a whole iteration without allocating, and record i always sees the same
// numbers whatever was generated before it.
type rng struct {
	pcg rand.PCG
	*rand.Rand
}

func newRNG() *rng {
	r := &rng{}
	r.Rand = rand.New(&r.pcg)
	return r
}

func (r *rng) reset(seed int64, kind, a, b uint64) {
	h := splitmix(uint64(seed) ^ splitmix(kind))
	r.pcg.Seed(splitmix(h^splitmix(a)), splitmix(h+splitmix(b^0x5851f42d4c957f2d)))
}

func (r *rng) chance(p float64) bool { return r.Float64() < p }

// between is a uniform integer in [lo, hi].
func (r *rng) between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + r.Int64N(hi-lo+1)
}

// lognormal draws a positive span with the given median and spread (sigma of
// the underlying normal), clamped to [lo, hi]. Human response and talk times
// are close to log-normal: most are short, a few are very long.
func (r *rng) lognormal(median, sigma float64, lo, hi int64) int64 {
	v := int64(median * math.Exp(sigma*r.NormFloat64()))
	return min(max(v, lo), hi)
}

func pick[T any](r *rng, xs []T) T { return xs[r.IntN(len(xs))] }

// weights picks an index with probability proportional to its weight.
type weights []int

func (w weights) pick(r *rng) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// Time is kept as Unix milliseconds while a record is built: all instants
// are at millisecond precision already, so Normalize changes nothing.
const (
	second int64 = 1000
	minute       = 60 * second
	hour         = 60 * minute
	day          = 24 * hour
)
