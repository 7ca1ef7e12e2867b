package lambdaemu

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Tags are the build tags of every bootstrap: the Runtime API client only
// (no net/rpc, which provided.al2023 never uses) and the time zone
// database inside the binary (tenants' zones, whatever the image has).
const Tags = "lambda.norpc,timetzdata"

// BuildOptions say how bootstraps are built.
type BuildOptions struct {
	GOARCH string // empty: the host's, to run them here
	// Release builds exactly as `make build` does (CGO_ENABLED=0,
	// -trimpath, -ldflags "-s -w"). Without it only the tags differ from
	// `go test`'s builds, so the packages come from the same build cache.
	Release bool
}

// Build compiles the named functions (folders under root/functions) into
// dir/<function>/bootstrap with one `go build`, so shared packages compile
// once, and returns each bootstrap's path.
func Build(ctx context.Context, root, dir string, o BuildOptions, functions ...string) (map[string]string, error) {
	if o.GOARCH == "" {
		o.GOARCH = runtime.GOARCH
	}
	bin := filepath.Join(dir, ".bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return nil, err
	}
	args := []string{"build", "-tags", Tags}
	if o.Release {
		args = append(args, "-trimpath", "-ldflags", "-s -w")
	}
	args = append(args, "-o", bin+string(filepath.Separator))
	for _, fn := range functions {
		args = append(args, "./functions/"+fn)
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH="+o.GOARCH)
	if o.Release {
		cmd.Env = append(cmd.Env, "CGO_ENABLED=0")
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go %v: %w\n%s", args, err, out.String())
	}
	paths := map[string]string{}
	for _, fn := range functions {
		if err := os.MkdirAll(filepath.Join(dir, fn), 0o755); err != nil {
			return nil, err
		}
		p := filepath.Join(dir, fn, "bootstrap")
		if err := os.Rename(filepath.Join(bin, fn), p); err != nil {
			return nil, err
		}
		paths[fn] = p
	}
	return paths, os.Remove(bin)
}
