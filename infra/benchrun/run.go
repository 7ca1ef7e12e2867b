package benchrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is one `make bench`.
type Config struct {
	N    int    // interactions in the mixed data set, and voice calls in the export one
	Runs int    // go test -count: each figure is the median of this many runs
	Root string // the repository
	Out  string // where the table and plots go
	// The data sets' durable directories (each loaded once, then reused).
	Mixed, Voice string
	Only         []string // sections to measure; none: every one
	Log          io.Writer
}

// Report is what a run measured, and on what.
type Report struct {
	Config
	Machine  string
	Commit   string
	Began    time.Time
	Loading  time.Duration // the data sets' load (zero when both were there)
	Took     time.Duration
	Figures  []Figure
	Problems []string // suites that measured nothing, and why
}

// Run loads the data sets if they aren't, measures every section, and
// returns the figures; Write puts them in Out.
func Run(ctx context.Context, c Config) (*Report, error) {
	rep := &Report{Config: c, Began: time.Now(), Machine: machine(), Commit: commit(c.Root)}
	c.logf("== loading the data sets (once: later runs find them in %s and %s)", c.Mixed, c.Voice)
	for _, args := range [][]string{
		{"-n", strconv.Itoa(c.N), "-dir", c.Mixed},
		{"-n", strconv.Itoa(c.N), "-media", "voice", "-rollups=false", "-dir", c.Voice},
	} {
		if err := c.run(ctx, nil, nil, "go", append([]string{"run", "./infra/benchdata/cmd/load"}, args...)...); err != nil {
			return nil, fmt.Errorf("load %v: %w", args, err)
		}
	}
	rep.Loading = time.Since(rep.Began)
	for _, s := range suites() {
		if !c.wants(s.section) {
			continue
		}
		c.logf("== %s: go test -bench %s -benchtime %s -count %d %s", s.section, s.bench, s.benchtime, c.Runs, s.pkg)
		var out bytes.Buffer
		err := c.run(ctx, c.env(), &out, "go", "test", "-run", "^$", "-bench", s.bench, "-benchtime", s.benchtime,
			"-count", strconv.Itoa(c.Runs), "-timeout", s.timeout, s.pkg)
		r, perr := Parse(&out)
		figs := s.figures(r, c)
		for i := range figs {
			figs[i].Section = s.section
		}
		switch {
		case err != nil || perr != nil:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", s.section, errors.Join(err, perr)))
		case len(figs) == 0:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: the benchmarks measured nothing (skipped?): %s", s.section, lastLine(out.String())))
		}
		rep.Figures = append(rep.Figures, figs...)
	}
	if c.wants(dashboardSection) {
		c.logf("== %s: npm run build --prefix frontend", dashboardSection)
		if err := c.run(ctx, nil, nil, "npm", "run", "build", "--prefix", "frontend"); err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", dashboardSection, err))
		} else if f, err := initialJS(filepath.Join(c.Root, "frontend", "dist")); err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", dashboardSection, err))
		} else {
			rep.Figures = append(rep.Figures, f)
		}
	}
	rep.Took = time.Since(rep.Began)
	return rep, nil
}

func (c Config) wants(section string) bool {
	return len(c.Only) == 0 || slices.ContainsFunc(c.Only, func(s string) bool { return strings.EqualFold(s, section) })
}

func (c Config) logf(format string, args ...any) {
	fmt.Fprintf(c.Log, format+"\n", args...)
}

// run runs a command in the repository, its output going to the log (and
// to capture, when given).
func (c Config) run(ctx context.Context, env []string, capture io.Writer, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = c.Root
	cmd.Env = append(os.Environ(), env...)
	var w io.Writer = c.Log
	if capture != nil {
		w = io.MultiWriter(c.Log, capture)
	}
	cmd.Stdout, cmd.Stderr = w, w
	return cmd.Run()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// machine says what ran the benchmarks: the figures mean little without.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %f kB", &kb); err == nil {
			mem = fmt.Sprintf(", %.0f GiB", kb/(1<<20))
		}
	}
	java := "java not found"
	if out, err := exec.Command("java", "-version").CombinedOutput(); err == nil {
		java = strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0]
	}
	return fmt.Sprintf("%d cores (%s)%s, %s/%s, %s, %s", runtime.NumCPU(), cpu, mem, runtime.GOOS, runtime.GOARCH, runtime.Version(), java)
}

func commit(root string) string {
	cmd := exec.Command("git", "describe", "--always", "--dirty")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}
