package devserver

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/rastro-cc/rastro/shared/auth"
)

// RunOptions configure Run.
type RunOptions struct {
	Dir         string // data directory (.dev)
	Addr        string // listen address
	FrontendDir string
	Seed        *SeedConfig // nil: DefaultSeed(now)
}

// Run starts the stack, serves, seeds the demo tenant if needed, and
// blocks until ctx ends; then it stops the server and the stand-ins.
func Run(ctx context.Context, o RunOptions) error {
	start := time.Now()
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return err
	}
	logFile, err := os.OpenFile(filepath.Join(o.Dir, "services.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logFile.Close()
	key, err := devKey(filepath.Join(o.Dir, "devkey"))
	if err != nil {
		return err
	}
	seed := DefaultSeed(time.Now())
	if o.Seed != nil {
		seed = *o.Seed
	}
	stack, err := StartStack(ctx, StackOptions{Dir: o.Dir, Log: logFile})
	if err != nil {
		return err
	}
	if stale, was, err := storedByOtherLayout(ctx, stack, seed); err != nil {
		stack.Stop()
		return err
	} else if stale {
		// Deleting the table instead leaves DynamoDB Local writing
		// many times slower; a fresh database file does not.
		slog.Info("the local data was stored by another layout of items; starting it afresh", "was", was)
		stack.Stop()
		if err := wipeDB(o.Dir); err != nil {
			return err
		}
		if stack, err = StartStack(ctx, StackOptions{Dir: o.Dir, Log: logFile}); err != nil {
			return err
		}
	}
	defer stack.Stop()
	slog.Info("stand-ins up", "dynamodb", stack.Dynamo.Endpoint, "s3", stack.S3.Endpoint, "after", time.Since(start).Round(time.Millisecond))

	srv := &Server{Stack: stack, Issuer: auth.DevIssuer{Key: key}, Progress: &Progress{}, FrontendDir: o.FrontendDir}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.Addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	slog.Info("serving", "url", "http://"+o.Addr)

	fresh, err := Seed(ctx, stack, seed, srv.Progress)
	if err != nil {
		_ = hs.Close()
		return fmt.Errorf("seed demo data: %w", err)
	}
	srv.MarkReady()
	slog.Info("ready", "seededNow", fresh, "tenant", seed.Tenant, "after", time.Since(start).Round(time.Millisecond))
	go srv.WatchDrops(ctx, 2*time.Second)
	go srv.WatchExports(ctx, time.Second)

	select {
	case <-ctx.Done():
	case err := <-served:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutdown)
	slog.Info("stopped")
	return nil
}

// devKey loads or creates the key that signs dev tokens, so tokens survive
// a restart.
func devKey(path string) ([]byte, error) {
	if b, err := os.ReadFile(path); err == nil && len(b) >= 32 {
		return b, nil
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return b, os.WriteFile(path, b, 0o600)
}
