package rollup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
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
				vw := &f.Views[i]
				if vw.Contacts {
					for k, n := range v {
						if contact, ok := strings.CutPrefix(k, ContactPfx); ok {
							vd := append(vw.project(f, t), vw.shard(contact)).encode()
							for _, g := range vw.Grains {
								add(vw.Name, g, vd, Vals{k: n})
							}
						}
					}
					continue
				}
				if vw.Splits != "" {
					for _, value := range splitValues(t[f.Dim(vw.Splits)]) {
						vt := vw.project(f, t)
						vt[0] = value
						for _, g := range vw.Grains {
							add(vw.Name, g, vt.encode(), common)
						}
					}
					continue
				}
				vd, vv := vw.project(f, t).encode(), common
				if vw.Packs != "" {
					vv = pack(common, t[f.Dim(vw.Packs)])
				}
				for _, g := range vw.Grains {
					add(vw.Name, g, vd, vv)
				}
			}
		})
	}
	return out
}

// onlyContacts is v's per-contact counters: v itself when it holds
// nothing else (a contact view's cell of hundreds of contacts is not
// copied).
func onlyContacts(v Vals) Vals {
	for k := range v {
		if strings.HasPrefix(k, ContactPfx) {
			continue
		}
		out := Vals{}
		for k, n := range v {
			if strings.HasPrefix(k, ContactPfx) {
				out[k] = n
			}
		}
		return out
	}
	return v
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
	return fingerprint(func(string) bool { return true }, ins)
}

// FamilyFingerprint is Fingerprint of f's cells and its views' alone:
// tooling that keeps one per family rebuilds only the families a change
// touched.
func FamilyFingerprint(f *Family, ins ...domain.Interaction) string {
	return fingerprint(func(name string) bool {
		return name == f.Name || slices.ContainsFunc(f.Views, func(v View) bool { return v.Name == name })
	}, ins)
}

func fingerprint(of func(family string) bool, ins []domain.Interaction) string {
	h := sha256.New()
	contacts := false
	for i := range ins {
		in := ins[i]
		in.Normalize()
		for _, c := range Contributions(&in) {
			if of(c.Family) {
				fmt.Fprintf(h, "%s %c %s %s %v\n", c.Family, c.Grain, domain.FormatInstant(c.Slot), c.Dims, c.Vals) // %v prints maps sorted
				contacts = contacts || len(onlyContacts(c.Vals)) > 0
			}
		}
	}
	if contacts {
		// The store renames per-contact counters: how is part of the cells.
		fmt.Fprintln(h, "contacts", store.ContactFormat)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
