package rollup_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
)

// MustStore gives the test its own table, with the rollup contributor.
func MustStore(tb testing.TB) *store.Store {
	tb.Helper()
	client := localaws.MustDynamo(tb).Client()
	name := localaws.UniqueName(tb, "r")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	return store.New(client, name, rollup.Contributor{})
}

// cellDump is every rollup cell of the table as canonical JSON lines,
// sorted: what "byte for byte" compares. (A Scan: test tooling.)
func cellDump(tb testing.TB, st *store.Store) []string {
	tb.Helper()
	var out []string
	p := dynamodb.NewScanPaginator(st.Client(), &dynamodb.ScanInput{TableName: aws.String(st.TableName())})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range page.Items {
			pk := it["pk"].(*types.AttributeValueMemberS).Value
			if !strings.Contains(pk, "#R#") {
				continue
			}
			var m map[string]any
			if err := attributevalue.UnmarshalMap(it, &m); err != nil {
				tb.Fatal(err)
			}
			b, _ := json.Marshal(m) // map keys marshal sorted
			out = append(out, string(b))
		}
	}
	sort.Strings(out)
	return out
}

// TestRollupsExactAndRebuilt stores a history with corrections, replays
// and stale versions, then holds the cells equal to the cells of the final
// versions alone (the deltas left nothing behind) and to a rebuild from
// the rows, byte for byte.
func TestRollupsExactAndRebuilt(t *testing.T) {
	st := MustStore(t)
	ctx := context.Background()
	tenant := store.Tenant("acme")
	from := time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC)
	span := 4 * 24 * time.Hour
	h := rolluptest.Generate(7, 300, from, span)
	rolluptest.Store(t, st, tenant, h)
	incremental := cellDump(t, st)
	if len(incremental) == 0 {
		t.Fatal("no cells written")
	}

	// The same final versions written once each into a fresh table.
	fresh := MustStore(t)
	rolluptest.Store(t, fresh, tenant, rolluptest.History{Sent: h.Final, Final: h.Final})
	if want := cellDump(t, fresh); !equalLines(t, "deltas vs final versions", incremental, want) {
		return
	}

	// Damage the cells, then rebuild: the rebuild restores them exactly.
	bulk := store.New(st.Client(), st.TableName()) // no contributor: rows only
	for _, in := range h.Final[:20] {
		in.Version += 10
		in.Updated = in.Updated.Add(10 * time.Hour)
		in.Tags = append(in.Tags, "damage")
		if _, err := bulk.PutInteraction(ctx, tenant, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rollup.Rebuild(ctx, st, tenant, from, from.Add(span), nil); err != nil {
		t.Fatal(err)
	}
	again := MustStore(t)
	var final2 = append([]domain.Interaction{}, h.Final...)
	for i := range final2[:20] {
		final2[i].Version += 10
		final2[i].Updated = final2[i].Updated.Add(10 * time.Hour)
		final2[i].Tags = append(final2[i].Tags, "damage")
	}
	rolluptest.Store(t, again, tenant, rolluptest.History{Sent: final2, Final: final2})
	equalLines(t, "rebuild vs incremental", cellDump(t, st), cellDump(t, again))

	// A second rebuild changes nothing.
	s, err := rollup.Rebuild(ctx, st, tenant, from, from.Add(span), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Written != 0 || s.Deleted != 0 || s.Interactions != len(h.Final) {
		t.Errorf("second rebuild: %+v, want nothing written of %d interactions", s, len(h.Final))
	}
}

func equalLines(t *testing.T, what string, got, want []string) bool {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return true
	}
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	n := 0
	for _, l := range got {
		if !w[l] && n < 5 {
			t.Errorf("%s: extra %s", what, l)
			n++
		}
	}
	for _, l := range want {
		if !g[l] && n < 10 {
			t.Errorf("%s: missing %s", what, l)
			n++
		}
	}
	t.Errorf("%s: %d cells, want %d", what, len(got), len(want))
	return false
}
