package benchrun

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

const dashboardSection = "Dashboard"

// initialAssets are what index.html loads before anything else: its
// scripts, module preloads and stylesheets.
var initialAssets = regexp.MustCompile(`(?:src|href)="/?(assets/[^"]+\.(?:js|css))"`)

// initialJS is the gzipped size of the dashboard's first load (every
// screen is a lazy chunk loaded after it), as a browser receives it from
// a CDN that compresses.
func initialJS(dist string) (Figure, error) {
	index, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		return Figure{}, err
	}
	seen := map[string]bool{}
	total := 0
	for _, m := range initialAssets.FindAllSubmatch(index, -1) {
		name := string(m[1])
		if seen[name] {
			continue
		}
		seen[name] = true
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			return Figure{}, err
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
		_, _ = w.Write(b)
		if err := w.Close(); err != nil {
			return Figure{}, err
		}
		total += z.Len()
	}
	if len(seen) == 0 {
		return Figure{}, fmt.Errorf("%s/index.html loads no assets/*.js or *.css", dist)
	}
	return Figure{Section: dashboardSection, Case: fmt.Sprintf("initial load (%d files)", len(seen)), Metric: "JS and CSS, gzipped",
		Unit: "KB", Runs: []float64{float64(total) / 1000}, Target: initialJSKB}, nil
}
