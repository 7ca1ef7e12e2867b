package benchdata

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress tracks a load whose batches finish out of order: the watermark
// is the first interaction not yet known to be stored, so everything below
// it is, and a resumed load starts there.
type progress struct {
	mu       sync.Mutex
	total    int
	mark     int
	finished map[int]int // batches above the watermark that are done: from → to
	records  int         // this run
	items    int
	began    time.Time
	lastAt   time.Time
	lastRecs int
}

func newProgress(from, total int) *progress {
	now := time.Now()
	return &progress{total: total, mark: from, finished: map[int]int{}, began: now, lastAt: now}
}

// done records that interactions [from, to), stored as items items, are
// stored.
func (p *progress) done(from, to, items int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finished[from] = to
	for {
		to, ok := p.finished[p.mark]
		if !ok {
			break
		}
		delete(p.finished, p.mark)
		p.mark = to
	}
	p.records += to - from
	p.items += items
}

func (p *progress) watermark() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mark
}

// report writes one line: where the load is, its rate since the last line
// and overall, and when it will end at the overall rate.
func (p *progress) report(w io.Writer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	recent := float64(p.records-p.lastRecs) / now.Sub(p.lastAt).Seconds()
	overall := float64(p.records) / now.Sub(p.began).Seconds()
	p.lastAt, p.lastRecs = now, p.records
	left := p.total - p.mark - p.pendingLocked()
	eta := "?"
	if overall > 0 {
		eta = (time.Duration(float64(left)/overall) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(w, "%s %s loaded %d/%d interactions (watermark %d), %d items this run; %.0f interactions/s now, %.0f overall (%.0f items/s); ETA %s\n",
		now.UTC().Format(time.TimeOnly), bar(p.total-left, p.total), p.total-left, p.total, p.mark, p.items, recent, overall,
		float64(p.items)/now.Sub(p.began).Seconds(), eta)
}

// bar draws done of total in 20 cells, with the percentage: the load's
// progress at a glance in a log of lines.
func bar(done, total int) string {
	const cells = 20
	if total <= 0 {
		return ""
	}
	full := min(cells, done*cells/total)
	return fmt.Sprintf("[%s%s] %3d%%", strings.Repeat("#", full), strings.Repeat(".", cells-full), done*100/total)
}

func (p *progress) pendingLocked() int {
	n := 0
	for from, to := range p.finished {
		n += to - from
	}
	return n
}
