package demodata

import (
	"testing"
	"time"
)

// BenchmarkInteractions measures one interaction of a month of 1M, the
// benchmark data set; ns/op × 1,000,000 is the time to generate it all.
func BenchmarkInteractions(b *testing.B) {
	g := benchGenerator(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range g.Interactions() {
		if n++; n >= b.N {
			break
		}
	}
}

// BenchmarkInteractionOneCore is the cost of one interaction on one core,
// without the parallel look-ahead of Interactions.
func BenchmarkInteractionOneCore(b *testing.B) {
	g := benchGenerator(b)
	bl := g.newBuilder()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		bl.build(i % g.cfg.Interactions)
	}
}

func benchGenerator(b *testing.B) *Generator {
	b.Helper()
	return New(Config{
		Seed: 1, Interactions: 1_000_000, Days: 30,
		End:  time.Date(2025, 6, 1, 3, 0, 0, 0, time.UTC),
		Zone: mustZone(b, "America/Sao_Paulo"),
	})
}
