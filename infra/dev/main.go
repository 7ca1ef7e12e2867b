// Command dev runs the whole system locally: DynamoDB Local and versitygw,
// the table and buckets, the demo tenant, every function's handler behind
// a local API Gateway, and the dashboard, on http://127.0.0.1:3000 (PORT
// overrides). Ctrl-C stops everything it started.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/rastro-cc/rastro/infra/devserver"
)

func main() {
	dir := flag.String("data", ".dev", "where the local stack keeps its data")
	// The e2e tests serve a copy of the build, so a rebuild while they run cannot swap
	// the dashboard's files under the browser.
	frontend := flag.String("frontend", "frontend/dist", "the built dashboard to serve at /")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	if err := devserver.Run(ctx, devserver.RunOptions{Dir: *dir, Addr: "127.0.0.1:" + port, FrontendDir: *frontend}); err != nil {
		slog.Error("dev server", "error", err.Error())
		os.Exit(1)
	}
}
