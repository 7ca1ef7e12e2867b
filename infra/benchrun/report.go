package benchrun

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Files are where Write puts a run's table and plots, named by N so that
// runs of different sizes sit side by side.
func (c Config) Files() (table, latency, memory string) {
	base := filepath.Join(c.Out, fmt.Sprintf("n%d", c.N))
	return base + ".md", base + "-latency.png", base + "-export-memory.png"
}

// Write saves the run's Markdown table and its plots.
func (r *Report) Write() error {
	if err := os.MkdirAll(r.Out, 0o755); err != nil {
		return err
	}
	table, latency, memory := r.Files()
	var plots []string
	for _, p := range []struct {
		path, alt string
		draw      func([]Figure, string) error
	}{{latency, "Latency by report request", latencyPlot}, {memory, "Exporter memory against rows", exportMemoryPlot}} {
		if err := p.draw(r.Figures, p.path); err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("plot %s: %v", filepath.Base(p.path), err))
			continue
		}
		plots = append(plots, fmt.Sprintf("![%s](%s)", p.alt, filepath.Base(p.path)))
	}
	f, err := os.Create(table)
	if err != nil {
		return err
	}
	r.markdown(f, plots)
	return f.Close()
}

func (r *Report) markdown(w io.Writer, plots []string) {
	fmt.Fprintf(w, "# `make bench N=%d`\n\n", r.N)
	fmt.Fprintf(w, "Measured %s at `%s`, in %s (of which loading the data sets: %s), on %s.\n\n",
		r.Began.UTC().Format("2006-01-02 15:04 MST"), r.Commit, r.Took.Round(time.Second), r.Loading.Round(time.Second), r.Machine)
	fmt.Fprintf(w, "Each figure is the median of %d runs (`go test -count %d`); each ratio is taken within one run. "+
		"The data sets are a month of %s interactions of every media (with its bot sessions and agent events) and one of %s voice calls "+
		"for the exports (`infra/benchdata`), on DynamoDB Local. docs/benchmarks.md says what each benchmark does and keeps the history.\n\n", r.Runs, r.Runs, num(float64(r.N)), num(float64(r.N)))
	met, targets, missed := r.tally()
	fmt.Fprintf(w, "**%d of %d figures with a target meet it.**", met, targets)
	if len(missed) > 0 {
		fmt.Fprintf(w, " Missed: %s.", strings.Join(missed, "; "))
	}
	fmt.Fprintln(w)
	for _, p := range r.Problems {
		fmt.Fprintf(w, "\n**Not measured:** %s\n", p)
	}
	for _, p := range plots {
		fmt.Fprintf(w, "\n%s\n", p)
	}
	section := ""
	for _, f := range r.Figures {
		if f.Section != section {
			section = f.Section
			fmt.Fprintf(w, "\n## %s\n\n| case | figure | median | runs | target | met |\n| --- | --- | ---: | --- | --- | --- |\n", section)
		}
		runs := make([]string, len(f.Runs))
		for i, v := range f.Runs {
			runs[i] = num(v)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", f.Case, f.Metric+unitOf(f), num(f.Value()), strings.Join(runs, ", "), targetOf(f), verdict(f))
	}
}

func unitOf(f Figure) string {
	if f.Unit == "" {
		return ""
	}
	return " (" + f.Unit + ")"
}

func targetOf(f Figure) string {
	if f.Target.Op == "" {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", f.Target, f.Target.Source)
}

func verdict(f Figure) string {
	met, ok := f.Met()
	switch {
	case !ok:
		return ""
	case met:
		return "yes"
	}
	return "**no**"
}

// tally counts the figures with a target that meet it, and names those
// that don't.
func (r *Report) tally() (met, targets int, missed []string) {
	for _, f := range r.Figures {
		ok, has := f.Met()
		if !has {
			continue
		}
		targets++
		if ok {
			met++
		} else {
			missed = append(missed, fmt.Sprintf("%s, %s: %s %s%s against %s", f.Section, f.Case, f.Metric, num(f.Value()), spaced(f.Unit), f.Target))
		}
	}
	return met, targets, missed
}

func spaced(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}

// Summary is what the run prints at its end.
func (r *Report) Summary(w io.Writer) {
	met, targets, missed := r.tally()
	table, _, _ := r.Files()
	fmt.Fprintf(w, "\nmake bench N=%d: %d figures in %s; %d of %d with a target meet it\n", r.N, len(r.Figures), r.Took.Round(time.Second), met, targets)
	for _, m := range missed {
		fmt.Fprintf(w, "  missed: %s\n", m)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  not measured: %s\n", p)
	}
	fmt.Fprintf(w, "table and plots: %s (and its -latency.png, -export-memory.png)\n", table)
}
