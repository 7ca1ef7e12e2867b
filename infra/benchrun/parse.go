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
// (logs, PASS, ok) is skipped. go test prints the name before the run
// and the figures after it, so a line a benchmark logged meanwhile may
// split them: a name left without figures is completed by the next line
// that holds only figures.
func Parse(r io.Reader) (Results, error) {
	out := Results{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	pending := ""
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		name := ""
		if strings.HasPrefix(f[0], "Benchmark") {
			name, f = procsSuffix.ReplaceAllString(f[0], ""), f[1:]
			pending = ""
		} else if pending != "" && isCount(f[0]) {
			name, pending = pending, ""
		}
		if name == "" {
			continue
		}
		if len(f) == 0 || !isCount(f[0]) {
			pending = name // its figures come on a later line
			continue
		}
		if s := sample(f[1:]); s != nil {
			out[name] = append(out[name], s)
		}
	}
	return out, sc.Err()
}

func isCount(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// sample reads value–unit pairs; nil if they aren't.
func sample(f []string) Sample {
	if len(f) < 2 || len(f)%2 != 0 {
		return nil
	}
	s := Sample{}
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil
		}
		s[f[i+1]] = v
	}
	return s
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
