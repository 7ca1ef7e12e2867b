package rollup_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// storedNames renames a contribution's per-contact counters as the store
// keeps and reads them: by the contact's number in the tenant, from the
// registry the writes filled.
func storedNames(tb testing.TB, st *store.Store, tenant store.Tenant) func(rollup.Vals) rollup.Vals {
	return func(v rollup.Vals) rollup.Vals {
		var keys []string
		for name := range v {
			if k, ok := strings.CutPrefix(name, rollup.ContactPfx); ok {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			return v
		}
		nums, err := st.ContactNumbers(context.Background(), tenant, keys)
		if err != nil {
			tb.Fatal(err)
		}
		out := make(rollup.Vals, len(v))
		for name, x := range v {
			if k, ok := strings.CutPrefix(name, rollup.ContactPfx); ok {
				n := nums[k]
				if n == 0 {
					tb.Fatalf("contact %s has no number", k)
				}
				name = rollup.ContactPfx + strconv.FormatUint(n, 36)
			}
			out[name] += x
		}
		return out
	}
}
