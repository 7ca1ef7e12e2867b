// Package bench holds the benchmarks that need the benchmark data sets
// (infra/benchdata): over a month of a tenant with a million interactions,
// the Interaction Tracking report's first page, every aggregate report
// against a raw Query of the same range, and the chatbot report's first
// page; over a million voice calls, exports of 100k and 1M rows. They skip
// when their data set isn't loaded (make bench-data, make
// bench-data-exports: each once, in under an hour).
package bench
