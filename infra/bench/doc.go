// Package bench holds the benchmarks that need the benchmark data set
// (infra/benchdata): the Interaction Tracking report's first page over a
// month of a tenant with a million interactions. They skip when the data
// set isn't loaded (make bench-data loads it, once, in under an hour).
package bench
