package demodata

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Config says what to generate. The same Config always gives the same data.
type Config struct {
	Seed         int64
	Interactions int            // how many; default 20,000
	End          time.Time      // data covers [End-Days, End); default 2025-01-01T03:00:00Z (midnight in São Paulo)
	Days         int            // default 45
	Agents       int            // default 40
	Zone         *time.Location // business hours are shaped in this zone; default UTC
	// RecordingKeys are object keys in the media bucket that recordings of
	// answered, recorded calls point at, cycled by interaction index; may be empty.
	RecordingKeys []string
	// BotSessions is how many chatbot sessions; default 3,000 per 45 days.
	BotSessions int
	// IDPrefix starts every interaction id, "<prefix>-000123"; default "demo".
	IDPrefix string
	// Media, when set, makes every interaction of that media (the export
	// benchmark's million rows of one report); empty: the usual mix.
	Media domain.Media
}

// Generator produces a tenant's interactions, agent events and bot sessions.
// It holds no mutable state: its methods may run concurrently.
type Generator struct {
	cfg        Config
	start, end int64 // window, Unix ms
	arrivals   arrivals
	agents     []agentProfile
	staffed    [][7][24][]int // queue → weekday → local hour → agents on shift serving it
	poolSize   int            // repeat contacts: contact indexes below poolSize recur
	pool       []person       // the repeat contacts, built once
	idWidth    int
	botCount   int
}

// New prepares a generator; it does not generate anything yet.
func New(cfg Config) *Generator {
	if cfg.Interactions <= 0 {
		cfg.Interactions = 20000
	}
	if cfg.Days <= 0 {
		cfg.Days = 45
	}
	if cfg.Agents <= 0 {
		cfg.Agents = 40
	}
	if cfg.Zone == nil {
		cfg.Zone = time.UTC
	}
	if cfg.End.IsZero() {
		cfg.End = time.Date(2025, 1, 1, 3, 0, 0, 0, time.UTC)
	}
	cfg.End = domain.Normalize(cfg.End)
	if cfg.BotSessions <= 0 {
		cfg.BotSessions = cfg.Days * 3000 / 45
	}
	if cfg.IDPrefix == "" {
		cfg.IDPrefix = "demo"
	}
	cfg.RecordingKeys = append([]string(nil), cfg.RecordingKeys...)

	g := &Generator{cfg: cfg}
	g.end = cfg.End.UnixMilli()
	g.start = g.end - int64(cfg.Days)*day
	g.arrivals = newArrivals(g.start, g.end, cfg.Zone, cfg.Seed)
	g.agents = makeAgents(cfg.Seed, cfg.Agents)
	g.staffed = staffing(g.agents)
	g.poolSize = min(max(50, cfg.Interactions/8), 100_000)
	g.pool = make([]person, g.poolSize)
	r := newRNG()
	for j := range g.pool {
		g.pool[j] = g.makePerson(r, j)
	}
	g.idWidth = max(6, len(itoa(int64(cfg.Interactions-1))))
	g.botCount = cfg.BotSessions
	return g
}

// Config returns the configuration with defaults filled in.
func (g *Generator) Config() Config { return g.cfg }

// Queues lists the queue names, in a fixed order.
func (g *Generator) Queues() []string {
	out := make([]string, len(queues))
	for i, q := range queues {
		out[i] = q.name
	}
	return out
}

// Agents lists the team, each with a stable id ("ag-001"), a Brazilian name
// and user tags.
func (g *Generator) Agents() []domain.Agent {
	out := make([]domain.Agent, len(g.agents))
	for i, a := range g.agents {
		out[i] = a.agent()
	}
	return out
}

// interactionID is "<prefix>-" and the index, zero-padded so ids sort in
// generation order.
func (g *Generator) interactionID(i int) string {
	return g.cfg.IDPrefix + "-" + pad(int64(i), g.idWidth)
}
