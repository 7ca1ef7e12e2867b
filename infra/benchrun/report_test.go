package benchrun

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A run's figures become a table that says which targets are met, and
// the two plots.
func TestWrite(t *testing.T) {
	r := &Report{
		Config:  Config{N: 1000, Runs: 3, Out: t.TempDir()},
		Machine: "2 cores (test)", Commit: "abc123", Began: time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC), Took: time.Minute,
		Figures: []Figure{
			{Section: "Aggregate reports", Case: "agents", Metric: "p50 latency", Unit: "ms", Runs: []float64{90, 100, 95}},
			{Section: "Aggregate reports", Case: "agents", Metric: "p95 latency", Unit: "ms", Runs: []float64{140, 700, 150}, Target: aggregateP95},
			{Section: "Aggregate reports", Case: "ivr", Metric: "p95 latency", Unit: "ms", Runs: []float64{600, 700, 650}, Target: aggregateP95},
			{Section: "Exports", Case: "voice-3-days/readers-4", Metric: "rows", Runs: []float64{100}},
			{Section: "Exports", Case: "voice-3-days/readers-4", Metric: "peak RSS", Unit: "MB", Runs: []float64{50}, Target: exportRSS},
			{Section: "Exports", Case: "voice-month/readers-4", Metric: "rows", Runs: []float64{1000}},
			{Section: "Exports", Case: "voice-month/readers-4", Metric: "peak RSS", Unit: "MB", Runs: []float64{55}, Target: exportRSS},
		},
	}
	if err := r.Write(); err != nil {
		t.Fatal(err)
	}
	table, latency, memory := r.Files()
	md, err := os.ReadFile(table)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"**3 of 4 figures with a target meet it.** Missed: Aggregate reports, ivr: p95 latency 650 ms against ≤ 500.",
		"| agents | p95 latency (ms) | 150 | 140, 700, 150 | ≤ 500 (issue 4) | yes |",
		"| ivr | p95 latency (ms) | 650 | 600, 700, 650 | ≤ 500 (issue 4) | **no** |",
		"| agents | p50 latency (ms) | 95 | 90, 100, 95 | — |  |",
		"![Latency by report request](n1000-latency.png)",
		"![Exporter memory against rows](n1000-export-memory.png)",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the table lacks %q:\n%s", want, md)
		}
	}
	for _, p := range []string{latency, memory} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(f); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
		f.Close()
	}
	var sum strings.Builder
	r.Summary(&sum)
	if !strings.Contains(sum.String(), "3 of 4 with a target meet it") || !strings.Contains(sum.String(), "missed: Aggregate reports, ivr") {
		t.Errorf("summary:\n%s", sum.String())
	}
}

func TestInitialJS(t *testing.T) {
	dist := t.TempDir()
	must := func(name, body string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dist, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dist, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("index.html", `<script type="module" src="/assets/index-a.js"></script><link rel="modulepreload" href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css"><script src="/assets/index-a.js"></script>`)
	must("assets/index-a.js", strings.Repeat("console.log('a');", 1000))
	must("assets/vendor-b.js", "b")
	must("assets/index-c.css", "body{}")
	must("assets/lazy-d.js", strings.Repeat("x", 100000)) // a lazy chunk: not counted
	f, err := initialJS(dist)
	if err != nil {
		t.Fatal(err)
	}
	if f.Case != "initial load (3 files)" || f.Value() <= 0 || f.Value() > 1 {
		t.Errorf("%+v", f)
	}
	must("index.html", "<html></html>")
	if _, err := initialJS(dist); err == nil {
		t.Error("an index.html loading nothing measured")
	}
}
