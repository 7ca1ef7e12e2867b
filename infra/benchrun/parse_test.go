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
BenchmarkExport/month-2         	2026/12/07 05:37:10 INFO export started job=01M97G32
2026/12/07 05:37:23 INFO export ended rows=100000
       1	23187306717 ns/op	         0.8083 export/query	    100000 rows
BenchmarkExport/month-2          	       1	18392709681 ns/op	         0.6863 export/query	    100000 rows
BenchmarkLost-2         	2026/12/07 a log line
BenchmarkAfter-2 	       1	5 ns/op
       7	7 ns/op
--- SKIP: BenchmarkSkipped
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
		{"BenchmarkExport/month", "export/query", []float64{0.8083, 0.6863}},
		{"BenchmarkLost", "ns/op", nil},
		{"BenchmarkAfter", "ns/op", []float64{5}},
		{"BenchmarkSkipped", "ns/op", nil},
	}
	for _, tc := range tests {
		if got := r.Metric(tc.bench, tc.unit); !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: %v, want %v", tc.bench, tc.unit, got, tc.want)
		}
	}
	if len(r) != 4 {
		t.Errorf("%d benchmarks: %v", len(r), r)
	}
}
