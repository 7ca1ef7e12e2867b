package rollup

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// Cell is a decoded cell as a report reads it: its dimensions in the
// family's order (those of a view's cell that the view drops are empty),
// and its counters with the sign the tiling gave it.
type Cell struct {
	Grain store.Grain
	// Slot is the UTC start of the quarter-hour, hour, day or month; a
	// clock cell's is its month's, as it sums the whole month.
	Slot time.Time
	Dims Tuple
	Vals Vals
}

// Read is what a report asks of the cells.
type Read struct {
	Family *Family
	Tenant store.Tenant
	// Buckets are the report's groups in time, each a list of UTC spans
	// bounded on quarter-hours: one bucket for a whole range, or one per
	// local date or hour of day. Every cell is reported with its bucket.
	Buckets [][]period.Span
	// Needs names every dimension the report reads (its groups, its
	// filters, the queue when scoped): a view holding them all is read
	// instead of the family wherever its grains fit.
	Needs []string
	// Contacts asks for the per-contact counters, which the family's
	// quarter-hour and day cells hold, and its contact view.
	Contacts bool
	// ContactNeeds are the dimensions the distinct contacts are grouped
	// and filtered by, when fewer than Needs (the other metrics may be
	// broken down further): a contact view holding them answers the
	// contacts. Nil means Needs.
	ContactNeeds []string
	// Holding, when set, says the report keeps only cells whose set
	// dimension Dim holds Value (it filters them itself): a view split
	// by that dimension then serves the read from the value's cells.
	Holding *Holding
}

// Reader reads cells for reports.
type Reader struct {
	Store    *store.Store
	Parallel int // queries in flight; 8 when 0
}

// Read calls fn (never concurrently) with every cell of the tiling of
// each bucket, and returns the read capacity the queries consumed. A cell
// the tiling subtracts (a month less its first hours) comes with its
// counters negated: a report sums what it is given, and a group whose sums
// come to zero had nothing in its bucket.
//
// Distinct contacts, where a contact view covers the read, come from a
// second plan over that view, read alongside the first: the first then
// reads the coarse cells (months, views) it would read without contacts,
// less any per-contact counters, and the contact view's cells carry only
// those counters. The report sums both as one.
func (r *Reader) Read(ctx context.Context, q Read, fn func(c Cell, bucket int)) (float64, error) {
	plans, err := plans(q)
	if err != nil {
		return 0, err
	}
	var mu sync.Mutex
	var consumed float64
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cmp.Or(r.Parallel, 8))
	for _, p := range plans {
		for _, pq := range p.queries {
			g.Go(func() error {
				var cells []store.Cell
				cc, err := r.Store.QueryCells(gctx, q.Tenant, pq.CellQuery, func(c store.Cell) { cells = append(cells, c) })
				mu.Lock()
				defer mu.Unlock()
				consumed += cc
				for _, c := range cells {
					dims := decodeTuple(c.Dims)
					if pq.view != nil {
						dims = pq.view.widen(q.Family, dims)
					}
					switch {
					case p.stripContacts:
						c.Vals = withoutContacts(c.Vals)
					case p.onlyContacts:
						c.Vals = onlyContacts(c.Vals)
					}
					slot := c.Slot
					if c.Grain == store.Clock || c.Grain == store.ClockHour {
						slot = store.Month.Slot(slot)
					}
					emit := func(dims Tuple, vals Vals) {
						for _, u := range p.uses[useKey{pq.level, c.Slot}] {
							v := vals
							if u.sign < 0 {
								v = make(Vals, len(vals))
								for k, x := range vals {
									v[k] = -x
								}
							}
							fn(Cell{Grain: c.Grain, Slot: slot, Dims: dims, Vals: v}, u.bucket)
						}
					}
					if pq.view == nil || pq.view.Packs == "" {
						emit(dims, c.Vals)
						continue
					}
					i := q.Family.Dim(pq.view.Packs)
					for value, vals := range unpack(c.Vals) {
						d := slices.Clone(dims)
						d[i] = value
						emit(d, vals)
					}
				}
				return err
			})
		}
	}
	return consumed, g.Wait()
}

// plans are the tilings a read runs: one, or, when a contact view covers
// a read of contacts, the read without contacts and the contact view's.
func plans(q Read) ([]plan, error) {
	cv := contactView(q)
	if cv == nil {
		p, err := tile(q, levels(q))
		return []plan{p}, err
	}
	rest := q
	rest.Contacts = false
	p, err := tile(rest, levels(rest))
	if err != nil {
		return nil, err
	}
	p.stripContacts = true
	contacts, err := tile(q, levelSet{spans: contactLevels(cv)})
	contacts.onlyContacts = true
	return []plan{p, contacts}, err
}

// contactView is the family's contact view covering q, if q reads
// contacts and there is one.
func contactView(q Read) *View {
	if !q.Contacts {
		return nil
	}
	needs := q.ContactNeeds
	if needs == nil {
		needs = q.Needs
	}
	for i := range q.Family.Views {
		if v := &q.Family.Views[i]; v.Contacts && v.covers(needs) {
			return v
		}
	}
	return nil
}

// widen places a view's tuple in its family's dimension order; a split
// view's overflow cell gives its whole set.
func (v *View) widen(f *Family, t Tuple) Tuple {
	out := make(Tuple, len(f.Dims))
	for i, d := range v.Dims {
		out[f.Dim(d)] = t[i]
	}
	if v.Splits != "" {
		i := f.Dim(v.Splits)
		out[i] = strings.TrimPrefix(out[i], overflowMark)
	}
	return out
}

// plan is how a read covers its buckets: the queries to run, and which
// bucket, with which sign, each slot read counts in.
type plan struct {
	queries []planQuery
	uses    map[useKey][]use
	// stripContacts drops per-contact counters from the cells read: a
	// contact view's plan counts the contacts.
	stripContacts bool
	// onlyContacts keeps only them: the family's quarter-hours at the
	// edges of a contact view's plan carry every counter.
	onlyContacts bool
}

// planQuery is one Query of a plan.
type planQuery struct {
	store.CellQuery
	level int
	view  *View // nil: the family's own cells
}

type useKey struct {
	level int
	slot  time.Time
}

type use struct {
	bucket int
	sign   int64
}

// level is a grain of a family or view the tiling may use, with the
// rough number of cells one slot of it holds, a family's quarter-hour
// being 1 (docs/benchmarks.md has the counts on the benchmark data set):
// the tiling minimises the cells read, not the queries.
type level struct {
	grain  store.Grain
	view   *View
	weight float64
}

// levelSet is what a read may tile with: levels for spans, coarsest
// first, and a view's clock quarter-hours and clock hours for daily
// repeats (nil when the view has none).
type levelSet struct {
	spans     []level
	clock     *level
	clockHour *level
}

// Cells per slot: a family's day has ~20 quarter-hours' worth (the same
// agents and tuples recur through the day), its month ~100; a view's
// slots hold a fraction of that. A clock slot holds the tuples met at that
// time of day in a month: a view's hour or two, or a few of the family's
// quarter-hours for an agent-keyed view.
var (
	familyWeight = map[store.Grain]float64{store.Month: 100, store.Day: 20, store.Quarter: 1}
	viewWeight   = map[store.Grain]float64{store.Month: 5, store.Day: 2, store.Hour: 0.6, store.Quarter: 0.3, store.Clock: 2}
	// A contact view's day holds a cell per tuple and shard, its hour
	// nearly as many: a day costs about one hour, and the family's
	// quarter-hours (which the tiling only uses off the hour) several.
	contactWeight = map[store.Grain]float64{store.Day: 0.6, store.Hour: 0.5}
)

// contactLevels are the grains of a read of contact view v: its days and
// hours, then the family's quarter-hours, which keep contacts too.
func contactLevels(v *View) []level {
	return []level{{store.Day, v, contactWeight[store.Day]}, {store.Hour, v, contactWeight[store.Hour]}, {store.Quarter, nil, familyWeight[store.Quarter]}}
}

// levels are the grains a read may use: for spans, coarsest first,
// ending with quarter-hours (the view's, or else the family's), on which
// every span is bounded; and the view's clock grain.
func levels(q Read) levelSet {
	if q.Contacts {
		return levelSet{spans: []level{{store.Day, nil, familyWeight[store.Day]}, {store.Quarter, nil, familyWeight[store.Quarter]}}}
	}
	for i := range q.Family.Views {
		v := &q.Family.Views[i]
		if v.Contacts || !v.covers(q.Needs) || (v.Splits != "" && (q.Holding == nil || q.Holding.Dim != v.Splits)) {
			continue
		}
		var out levelSet
		for _, g := range []store.Grain{store.Month, store.Day, store.Hour, store.Quarter} {
			if slices.Contains(v.Grains, g) {
				out.spans = append(out.spans, level{g, v, viewWeight[g]})
			}
		}
		if out.spans[len(out.spans)-1].grain != store.Quarter {
			out.spans = append(out.spans, level{store.Quarter, nil, familyWeight[store.Quarter]})
		}
		if slices.Contains(v.Grains, store.Clock) {
			out.clock = &level{store.Clock, v, viewWeight[store.Clock]}
		}
		if slices.Contains(v.Grains, store.ClockHour) {
			// Never priced: it only stands in for four clock quarter-hours
			// the tiling already chose (wholeHours).
			out.clockHour = &level{grain: store.ClockHour, view: v}
		}
		return out
	}
	return levelSet{spans: []level{{store.Month, nil, familyWeight[store.Month]}, {store.Day, nil, familyWeight[store.Day]}, {store.Quarter, nil, familyWeight[store.Quarter]}}}
}

// tile plans a read: each span of each bucket is covered by the cheapest
// signed sum of slots (a UTC month less the hours before a zone's
// midnight and plus those of the next month, rather than 30 days and 45
// quarter-hours), and the slots are grouped into queries, a partition
// each, days one at a time so that they run in parallel.
func tile(q Read, set levelSet) (plan, error) {
	p := plan{uses: map[useKey][]use{}}
	ls := set.spans
	clockLevel, clockHourLevel := -1, -1
	if set.clock != nil {
		ls = append(slices.Clip(ls), *set.clock)
		clockLevel = len(ls) - 1
	}
	if set.clockHour != nil {
		ls = append(slices.Clip(ls), *set.clockHour)
		clockHourLevel = len(ls) - 1
	}
	for b, spans := range q.Buckets {
		for _, s := range spans {
			if !OnQuarter(s.From) || !OnQuarter(s.To) {
				return plan{}, fmt.Errorf("rollup: span %s..%s is not on quarter-hours", s.From, s.To)
			}
		}
		if set.clock != nil {
			var clocks, less []time.Time
			spans, clocks, less = clockCover(spans, set)
			hours := wholeHours(clocks, clockHourLevel >= 0)
			for _, slot := range clocks {
				k := useKey{clockLevel, slot}
				if h := store.ClockHour.Slot(slot); hours[h] {
					if !slot.Equal(h) {
						continue // the hour's cell counts its four quarter-hours once
					}
					k = useKey{clockHourLevel, h}
				}
				p.uses[k] = append(p.uses[k], use{b, 1})
			}
			for _, slot := range less {
				k := useKey{len(set.spans) - 1, slot}
				p.uses[k] = append(p.uses[k], use{b, -1})
			}
		}
		for _, s := range spans {
			// UTC: slots are map keys, and a span may end at a zone
			// transition expressed in the zone.
			_, pieces := cover(s.From.UTC(), s.To.UTC(), set.spans, 0, 1)
			for _, pc := range pieces {
				g := ls[pc.level].grain
				for slot := pc.from; slot.Before(pc.to); slot = g.Next(slot) {
					k := useKey{pc.level, slot}
					p.uses[k] = append(p.uses[k], use{b, pc.sign})
				}
			}
		}
	}
	keys := make([]useKey, 0, len(p.uses))
	for k := range p.uses {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b useKey) int { return cmp.Or(cmp.Compare(a.level, b.level), a.slot.Compare(b.slot)) })
	for i := 0; i < len(keys); {
		lv := ls[keys[i].level]
		name := q.Family.Name
		if lv.view != nil {
			name = lv.view.Name
		}
		first := store.CellQuery{Family: name, Grain: lv.grain, First: keys[i].slot}
		if lv.view != nil && lv.view.Splits != "" {
			// A slot's cells of the value, and its overflow: key prefixes
			// within the slot, so a Query each.
			for _, prefix := range splitPrefixes(q.Holding.Value) {
				one := first
				one.Last, one.Prefix = one.First, prefix
				p.queries = append(p.queries, planQuery{one, keys[i].level, lv.view})
			}
			i++
			continue
		}
		pk := q.Tenant.CellPartition(name, lv.grain, first.First)
		j := i + 1
		for j < len(keys) && keys[j].level == keys[i].level && lv.grain != store.Day &&
			keys[j].slot.Equal(lv.grain.Next(keys[j-1].slot)) &&
			q.Tenant.CellPartition(name, lv.grain, keys[j].slot) == pk {
			j++
		}
		first.Last = keys[j-1].slot
		p.queries = append(p.queries, planQuery{first, keys[i].level, lv.view})
		i = j
	}
	return p, nil
}

// clockCover takes from a bucket's spans the quarter-hours that the
// clock level answers more cheaply: a clock slot (a time of day in a UTC
// month) where most of the month's days are in the bucket at that time,
// less the quarter-hours of the days that are not. It returns the spans
// left to cover, the clock slots added and the quarter-hours subtracted.
// Only buckets of repeated spans shorter than a day qualify: a span of a
// day or more is cheaper in day and month cells.
func clockCover(spans []period.Span, set levelSet) (rest []period.Span, clocks, less []time.Time) {
	if len(spans) < 2 {
		return spans, nil, nil
	}
	in := map[time.Time]bool{}
	byClock := map[time.Time]int{}
	for _, s := range spans {
		if s.To.Sub(s.From) >= 24*time.Hour {
			return spans, nil, nil
		}
		for t := s.From.UTC(); t.Before(s.To); t = t.Add(15 * time.Minute) {
			in[t] = true
			byClock[store.Clock.Slot(t)]++
		}
	}
	fine := set.spans[len(set.spans)-1].weight // a quarter-hour subtracted
	perQuarter := fine                         // a quarter-hour covered otherwise
	for _, l := range set.spans {
		if l.grain == store.Hour {
			perQuarter = min(perQuarter, l.weight/4)
		}
	}
	for _, c := range slices.SortedFunc(maps.Keys(byClock), time.Time.Compare) {
		k := float64(byClock[c])
		month := store.Month.Slot(c)
		days := float64(month.AddDate(0, 1, 0).Sub(month) / (24 * time.Hour))
		if set.clock.weight+(days-k)*fine >= k*perQuarter {
			continue
		}
		clocks = append(clocks, c)
		for day := month; day.Month() == month.Month(); day = day.AddDate(0, 0, 1) {
			t := day.Add(c.Sub(month))
			if in[t] {
				delete(in, t)
			} else {
				less = append(less, t)
			}
		}
	}
	if len(clocks) == 0 {
		return spans, nil, nil
	}
	for _, t := range slices.SortedFunc(maps.Keys(in), time.Time.Compare) {
		if n := len(rest); n > 0 && rest[n-1].To.Equal(t) {
			rest[n-1].To = t.Add(15 * time.Minute)
		} else {
			rest = append(rest, period.Span{From: t, To: t.Add(15 * time.Minute)})
		}
	}
	return rest, clocks, less
}

// wholeHours are the clock hours all four of whose clock quarter-hours
// are among clocks: one clock-hour cell per tuple reads them (none when
// the view keeps no clock hours). The quarter-hours subtracted for the
// days outside the bucket stay as they are: the hour's cell sums exactly
// its four quarters' cells.
func wholeHours(clocks []time.Time, kept bool) map[time.Time]bool {
	out := map[time.Time]bool{}
	if !kept {
		return out
	}
	quarters := map[time.Time]int{}
	for _, c := range clocks {
		quarters[store.ClockHour.Slot(c)]++
	}
	for h, n := range quarters {
		if n == 4 {
			out[h] = true
		}
	}
	return out
}

// piece is a run of slots of one level, added or subtracted.
type piece struct {
	level    int
	from, to time.Time
	sign     int64
}

// cover finds the cheapest signed cover of [a, b) with levels li onward:
// at each level it tries each choice of rounding either end in or out
// (what rounding out adds is subtracted at the finer levels), or skipping
// the level.
func cover(a, b time.Time, ls []level, li int, sign int64) (float64, []piece) {
	if !a.Before(b) {
		return 0, nil
	}
	lv := ls[li]
	if li == len(ls)-1 {
		return units(lv.grain, a, b) * lv.weight, []piece{{li, a, b, sign}}
	}
	best, bestPieces := cover(a, b, ls, li+1, sign)
	g := lv.grain
	for _, lo := range roundings(g, a) {
		for _, hi := range roundings(g, b) {
			if !lo.Before(hi) {
				continue
			}
			cost := units(g, lo, hi) * lv.weight
			if cost >= best {
				continue
			}
			pieces := []piece{{li, lo, hi, sign}}
			for _, edge := range [][2]time.Time{{a, lo}, {hi, b}} {
				from, to, s := edge[0], edge[1], sign
				if to.Before(from) {
					from, to, s = to, from, -sign
				}
				c, ps := cover(from, to, ls, li+1, s)
				cost += c
				pieces = append(pieces, ps...)
			}
			if cost < best {
				best, bestPieces = cost, pieces
			}
		}
	}
	return best, bestPieces
}

// roundings are t rounded down and up to the grain's slots.
func roundings(g store.Grain, t time.Time) []time.Time {
	down := g.Slot(t)
	if down.Equal(t) {
		return []time.Time{t}
	}
	return []time.Time{down, g.Next(down)}
}

// units counts the grain's slots in [a, b), both on slots.
func units(g store.Grain, a, b time.Time) float64 {
	switch g {
	case store.Quarter:
		return float64(b.Sub(a) / (15 * time.Minute))
	case store.Hour:
		return float64(b.Sub(a) / time.Hour)
	case store.Day:
		return float64(b.Sub(a) / (24 * time.Hour))
	}
	n := 0
	for t := a; t.Before(b); t = g.Next(t) {
		n++
	}
	return float64(n)
}

// OnQuarter reports whether t is on a UTC quarter-hour, the finest grain:
// a span read from the cells must begin and end on one.
func OnQuarter(t time.Time) bool { return t.Equal(t.Truncate(15 * time.Minute)) }
