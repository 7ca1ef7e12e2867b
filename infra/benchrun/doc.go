// Package benchrun is `make bench`: the scale proof in one command. It
// loads the benchmark data sets once (infra/benchdata, each on its own
// DynamoDB Local), runs the Go benchmarks that measure every figure with
// go test -bench (several runs; versitygw started by the export
// benchmark), measures what is no Go benchmark (the dashboard's gzipped
// JS), and writes a Markdown table and PNG plots to docs/benchmarks/,
// each figure against its target.
//
// The benchmarks stay the measuring instrument (infra/bench,
// shared/ingest, infra/lambdaemu): this package only runs them, reads
// their output and reports it, so `go test -bench` and `make bench` can't
// disagree.
package benchrun
