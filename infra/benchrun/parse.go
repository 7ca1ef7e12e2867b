package benchrun

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Results are a go test -bench output's measurements: for each benchmark
// (its name without the GOMAXPROCS suffix), one Sample per run, in order.
type Results map[string][]Sample

// Sample is one run's metrics by unit ("p95-ms", "rows/s", "ns/op").
type Sample map[string]float64

var procsSuffix = regexp.MustCompile(`-\d+$`)

// Parse reads go test -bench output. A result line is the benchmark's
// name, its iteration count, then value–unit pairs; every other line
// (logs, PASS, ok) is skipped.
func Parse(r io.Reader) (Results, error) {
	out := Results{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		s := Sample{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				s = nil
				break
			}
			s[f[i+1]] = v
		}
		if s != nil {
			name := procsSuffix.ReplaceAllString(f[0], "")
			out[name] = append(out[name], s)
		}
	}
	return out, sc.Err()
}

// Metric is the benchmark's unit across its runs.
func (r Results) Metric(bench, unit string) []float64 {
	var out []float64
	for _, s := range r[bench] {
		if v, ok := s[unit]; ok {
			out = append(out, v)
		}
	}
	return out
}
