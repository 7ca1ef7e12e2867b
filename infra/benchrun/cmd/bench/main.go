// Command bench is `make bench`: it loads the benchmark data sets once,
// measures every figure, and writes the table and plots to
// docs/benchmarks/ (package benchrun).
//
//	go run ./infra/benchrun/cmd/bench -n 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/rastro-cc/rastro/infra/benchrun"
	"github.com/rastro-cc/rastro/infra/localaws"
)

func main() {
	n := flag.Int("n", 1_000_000, "interactions in the data sets")
	runs := flag.Int("runs", 3, "runs of every benchmark; figures are their medians")
	only := flag.String("only", "", "comma-separated sections to measure (default: all)")
	flag.Parse()
	root, err := localaws.RepoRoot()
	if err != nil {
		fail(err)
	}
	c := benchrun.Config{
		N: *n, Runs: *runs, Root: root, Out: filepath.Join(root, "docs", "benchmarks"), Log: os.Stdout,
		Mixed: filepath.Join(root, ".bench", fmt.Sprintf("mixed-%d", *n)),
		Voice: filepath.Join(root, ".bench", fmt.Sprintf("voice-%d", *n)),
	}
	if *only != "" {
		c.Only = strings.Split(*only, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := benchrun.Run(ctx, c)
	if err != nil {
		fail(err)
	}
	if err := rep.Write(); err != nil {
		fail(err)
	}
	rep.Summary(os.Stdout)
	if len(rep.Problems) > 0 {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
