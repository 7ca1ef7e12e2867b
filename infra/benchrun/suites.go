package benchrun

import (
	"fmt"
	"sort"
	"strings"
)

// A suite is one go test -bench invocation and the figures read from it;
// Run gives them the suite's section.
type suite struct {
	section   string
	pkg       string
	bench     string // -bench
	benchtime string
	timeout   string
	figures   func(r Results, c Config) []Figure
}

// Targets, each from the issue that set it (docs/benchmarks.md has the
// history of every figure).
var (
	trackingP95  = Target{"≤", 1000, "issue 3"}
	aggregateP95 = Target{"≤", 500, "issue 4"}
	ofRaw        = Target{"≤", 2, "issue 4"}
	botP95       = Target{"≤", 500, "issue 4"}
	exportRate   = Target{"≥", 50_000, "issue 5"}
	exportRatio  = Target{"≥", 0.8, "issue 5"}
	exportRSS    = Target{"≤", 128, "issue 5"}
	exportFlat   = Target{"≤", 1.25, "issue 5"} // "flat from 100k to 1M": within a quarter
	bootstrapMB  = Target{"≤", 15, "issue 8"}
	coldStartP50 = Target{"≤", 20, "issue 8"}
	initialJSKB  = Target{"≤", 300, "issue 6"}
	// No issue bounds ingest throughput; this one is set here: ten times
	// the peak hour of a center taking a million interactions a month
	// (about 1 a second at its busiest), with every rollup written in the
	// interaction's transaction.
	ingestRollups = Target{"≥", 10, "set by issue 9's run"}
)

// metric is one unit a benchmark reports, as a figure.
type metric struct {
	unit   string // the benchmark's unit: "p95-ms"
	name   string // the figure's: "p95 latency"
	show   string // the figure's unit: "ms"
	target Target
}

// p50 has no target: the issues bound p95, and p50 says what is usual.
var p50 = metric{"p50-ms", "p50 latency", "ms", Target{}}

// p95 is the latency the issues bound, to target.
func p95(target Target) metric { return metric{"p95-ms", p95Name, "ms", target} }

const p95Name = "p95 latency"

// perCase reads metrics from every sub-benchmark of bench, one figure per
// case and metric, in the cases' order of name.
func perCase(r Results, bench string, ms ...metric) []Figure {
	var cases []string
	for name := range r {
		if c, ok := strings.CutPrefix(name, bench+"/"); ok {
			cases = append(cases, c)
		}
	}
	sort.Strings(cases)
	var out []Figure
	for _, c := range cases {
		for _, m := range ms {
			if runs := r.Metric(bench+"/"+c, m.unit); len(runs) > 0 {
				out = append(out, Figure{Case: c, Metric: m.name, Unit: m.show, Runs: runs, Target: m.target})
			}
		}
	}
	return out
}

// ratios divides a's runs by b's, run by run (a ratio is taken within one
// run).
func ratios(a, b []float64) []float64 {
	var out []float64
	for i := range min(len(a), len(b)) {
		if b[i] != 0 {
			out = append(out, a[i]/b[i])
		}
	}
	return out
}

func suites() []suite {
	return []suite{
		{
			section: "Ingest", pkg: "./shared/ingest/", bench: "^BenchmarkIngestNew(WithRollups)?$", benchtime: "500x", timeout: "30m",
			figures: func(r Results, c Config) []Figure {
				off, on := r.Metric("BenchmarkIngestNew", "records/s"), r.Metric("BenchmarkIngestNewWithRollups", "records/s")
				return []Figure{
					{Case: "new interactions, rollups off", Metric: "throughput", Unit: "records/s", Runs: off},
					{Case: "new interactions, rollups on", Metric: "throughput", Unit: "records/s", Runs: on, Target: ingestRollups},
					{Case: "rollups on ÷ off, same run", Metric: "ratio", Runs: ratios(on, off)},
				}
			},
		},
		{
			section: "Tracking first page", pkg: "./infra/bench/", bench: "^BenchmarkTrackingFirstPage$", benchtime: "20x", timeout: "60m",
			figures: func(r Results, c Config) []Figure {
				return perCase(r, "BenchmarkTrackingFirstPage",
					p50, p95(trackingP95), metric{"items-read", "items read", "", Target{}})
			},
		},
		{
			section: "Aggregate reports", pkg: "./infra/bench/", bench: "^BenchmarkAggregates$", benchtime: "10x", timeout: "60m",
			figures: func(r Results, c Config) []Figure {
				return perCase(r, "BenchmarkAggregates",
					p50, p95(aggregateP95), metric{"rollup-RCU", "read capacity", "RCU", Target{}},
					metric{"%-of-raw", "capacity, % of a raw Query", "%", ofRaw})
			},
		},
		{
			section: "Chatbot report", pkg: "./infra/bench/", bench: "^BenchmarkBotReport$", benchtime: "20x", timeout: "60m",
			figures: func(r Results, c Config) []Figure {
				return perCase(r, "BenchmarkBotReport", p50, p95(botP95))
			},
		},
		{
			section: "Exports", pkg: "./infra/bench/", bench: "^BenchmarkExport$/./^readers-4$", benchtime: "1x", timeout: "120m",
			figures: func(r Results, c Config) []Figure {
				fs := perCase(r, "BenchmarkExport",
					metric{"rows", "rows", "", Target{}}, metric{"rows/s", "throughput", "rows/s", exportRate},
					metric{"export/query", "÷ a bare Query loop, same run", "", exportRatio}, metric{"peak-RSS-MB", "peak RSS", "MB", exportRSS})
				small, big := r.Metric("BenchmarkExport/voice-3-days/readers-4", "peak-RSS-MB"), r.Metric("BenchmarkExport/voice-month/readers-4", "peak-RSS-MB")
				if flat := ratios(big, small); len(flat) > 0 {
					fs = append(fs, Figure{Case: "whole month ÷ 3 days", Metric: "peak RSS", Runs: flat, Target: exportFlat})
				}
				return fs
			},
		},
		{
			section: "Lambda bootstraps", pkg: "./infra/lambdaemu/", bench: "^BenchmarkColdStart$", benchtime: "20x", timeout: "30m",
			figures: func(r Results, c Config) []Figure {
				return perCase(r, "BenchmarkColdStart",
					metric{"MB-arm64", "size, arm64", "MB", bootstrapMB}, metric{"ms-p50", "start → answer, p50 of 20", "ms", coldStartP50})
			},
		},
	}
}

// env is what the benchmarks in infra/bench read to find the data sets.
func (c Config) env() []string {
	return []string{
		fmt.Sprintf("BENCH_N=%d", c.N), "BENCH_DIR=" + c.Mixed,
		fmt.Sprintf("BENCH_EXPORTS_N=%d", c.N), "BENCH_EXPORTS_DIR=" + c.Voice,
		"BENCH_EXPORT_SEQ=off",
	}
}
