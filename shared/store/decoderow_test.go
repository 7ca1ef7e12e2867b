package store_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
)

// sampleRows are row items of every media: the documented examples (every
// field the ingest schema has) and a few thousand generated interactions.
func sampleRows(tb testing.TB) []map[string]types.AttributeValue {
	tb.Helper()
	files, err := filepath.Glob("../../docs/examples/interactions-*.json")
	if err != nil || len(files) == 0 {
		tb.Fatalf("examples: %v", err)
	}
	var ins []domain.Interaction
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var doc struct{ Interactions []domain.Interaction }
		if err := json.Unmarshal(raw, &doc); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		ins = append(ins, doc.Interactions...)
	}
	ins = append(ins, rolluptest.Generate(17, 3000, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), 30*24*time.Hour).Final...)
	out := make([]map[string]types.AttributeValue, 0, len(ins))
	for i := range ins {
		in := ins[i]
		in.Normalize()
		item, err := store.RowItemOf(&in)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, item)
	}
	return out
}

// TestDecodeRowMatchesGuregu holds the row decoder (the SDK's
// attributevalue on the dynamo tags) to guregu's decoding of the items
// guregu wrote, field for field.
func TestDecodeRowMatchesGuregu(t *testing.T) {
	for i, item := range sampleRows(t) {
		want, err := store.DecodeRowWithGuregu(item)
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.DecodeRow(item)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("row %d (%s):\ngot  %+v\nwant %+v", i, want.Interaction.ID, got, want)
		}
	}
}

// BenchmarkDecodeRow compares the two decoders on the same items.
func BenchmarkDecodeRow(b *testing.B) {
	items := sampleRows(b)
	for _, c := range []struct {
		name   string
		decode func(map[string]types.AttributeValue) (store.Row, error)
	}{{"guregu", store.DecodeRowWithGuregu}, {"attributevalue", store.DecodeRow}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := c.decode(items[i%len(items)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
