package benchrun

import (
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: github.com/rastro-cc/rastro/infra/bench
BenchmarkAggregates/agents-2         	      10	 123456789 ns/op	        91.00 p50-ms	       140.0 p95-ms	       173.5 rollup-RCU
BenchmarkAggregates/agents-2         	      10	 123456789 ns/op	        95.00 p50-ms	       150.0 p95-ms	       173.5 rollup-RCU
    tracking_test.go:77: a log line that looks like nothing
BenchmarkIngestNew-16   	    2000	  4123456 ns/op	       242.5 records/s
BenchmarkBroken-2 	 x 1 ns/op
BenchmarkOdd-2 	 10 1 ns/op 2
--- SKIP: BenchmarkExport
PASS
ok  	github.com/rastro-cc/rastro/infra/bench	12.3s
`
	r, err := Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		bench, unit string
		want        []float64
	}{
		{"BenchmarkAggregates/agents", "p95-ms", []float64{140, 150}},
		{"BenchmarkAggregates/agents", "rollup-RCU", []float64{173.5, 173.5}},
		{"BenchmarkIngestNew", "records/s", []float64{242.5}},
		{"BenchmarkIngestNew", "p95-ms", nil},
		{"BenchmarkBroken", "ns/op", nil},
		{"BenchmarkOdd", "ns/op", nil},
		{"BenchmarkExport", "rows/s", nil},
	}
	for _, tc := range tests {
		if got := r.Metric(tc.bench, tc.unit); !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: %v, want %v", tc.bench, tc.unit, got, tc.want)
		}
	}
	if len(r) != 2 {
		t.Errorf("%d benchmarks: %v", len(r), r)
	}
}
