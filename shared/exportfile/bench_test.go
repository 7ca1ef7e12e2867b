package exportfile_test

import (
	"io"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
)

// The benchmarks measure one row; memory per row must stay flat whatever
// b.N is, which is the writers' promise.
func benchmarkRows(b *testing.B, s exportfile.Spec) {
	in := sample(s.Media)
	f, err := exportfile.Open(io.Discard, s)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Add(&in); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkCSV(b *testing.B) { benchmarkRows(b, spec(exportfile.CSV, domain.MediaVoice)) }

func BenchmarkXLSX(b *testing.B) { benchmarkRows(b, spec(exportfile.XLSX, domain.MediaVoice)) }

func BenchmarkJSONL(b *testing.B) { benchmarkRows(b, spec(exportfile.JSONL, domain.MediaVoice)) }
