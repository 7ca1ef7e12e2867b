package rollup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Contributor is the store.Contributor of every family: registered with
// the store, it keeps the cells exact on every upsert.
type Contributor struct{}

// Deltas is the new version's contribution less the old one's. The store
// merges the deltas per cell and drops those that cancel, so a correction
// that changes nothing a family counts writes nothing to it.
func (Contributor) Deltas(old, new *domain.Interaction) []store.Cell {
	out := Contributions(new)
	for _, c := range Contributions(old) {
		neg := make(Vals, len(c.Vals))
		for k, v := range c.Vals {
			neg[k] = -v
		}
		c.Vals = neg
		out = append(out, c)
	}
	return out
}

// Contributions are the cells an interaction adds to, at every grain, in
// every family and view (nil adds nothing).
func Contributions(in *domain.Interaction) []store.Cell {
	if in == nil {
		return nil
	}
	var out []store.Cell
	add := func(name string, g store.Grain, dims string, v Vals) {
		out = append(out, store.Cell{Family: name, Grain: g, Slot: g.Slot(in.Start), Dims: dims, Vals: v})
	}
	for _, f := range Families {
		f.emit(in, func(t Tuple, v Vals) {
			dims := t.encode()
			add(f.Name, store.Quarter, dims, v)
			add(f.Name, store.Day, dims, v)
			common := withoutContacts(v)
			add(f.Name, store.Month, dims, common)
			for i := range f.Views {
				vd := f.Views[i].project(f, t).encode()
				for _, g := range f.Views[i].Grains {
					add(f.Views[i].Name, g, vd, common)
				}
			}
		})
	}
	return out
}

// withoutContacts is v less its per-contact counters, which only the
// family's quarter-hour and day cells keep: a month's or a coarse view's
// cell would hold a counter for every contact of the month and outgrow
// DynamoDB's 400 KB item.
func withoutContacts(v Vals) Vals {
	out, cloned := v, false
	for k := range v {
		if strings.HasPrefix(k, ContactPfx) {
			if !cloned {
				out, cloned = maps.Clone(v), true
			}
			delete(out, k)
		}
	}
	return out
}

// Fingerprint digests the cells the interactions contribute to: tooling
// that keeps rollups built (the dev stack, the benchmark data set) stores
// it, and rebuilds when a change to the families makes it differ.
func Fingerprint(ins ...domain.Interaction) string {
	h := sha256.New()
	for i := range ins {
		in := ins[i]
		in.Normalize()
		for _, c := range Contributions(&in) {
			fmt.Fprintf(h, "%s %c %s %s %v\n", c.Family, c.Grain, domain.FormatInstant(c.Slot), c.Dims, c.Vals) // %v prints maps sorted
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
