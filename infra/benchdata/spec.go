package benchdata

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Spec says which data set to load. The same Spec always gives the same
// items: nothing in it depends on the clock.
type Spec struct {
	Tenant string
	N      int   // interactions
	Seed   int64 // demodata's seed
	// End closes the month: the data covers [End-Days, End). Midnight in
	// the tenant's zone, so "October" in a report is exactly the data set.
	End    time.Time
	Days   int
	Zone   string // the tenant's IANA zone
	Agents int
	// Media, when set, makes every interaction of that media: the export
	// benchmark's data set, a million rows of one report.
	Media domain.Media
	// BotSessions is how many chatbot sessions the month has: the extras
	// (EnsureExtras), not part of Fingerprint, since the interactions are
	// generated without them.
	BotSessions int
}

// The benchmark tenant is fixed so figures compare across runs and
// machines.
const (
	Tenant = "bench"
	Table  = "rastro-bench"
)

// DefaultSpec is the benchmark data set with n interactions: October 2026
// in São Paulo (no daylight saving time since 2019, so 31 days of 24 h).
func DefaultSpec(n int) Spec {
	return Spec{
		Tenant: Tenant, N: n, Seed: 1,
		End:  time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC),
		Days: 31, Zone: "America/Sao_Paulo",
		// A center taking 32,000 contacts a day staffs hundreds of
		// agents; with demodata's default 40, filtering on one agent
		// would match 1/40 of the month, far less selective than in life.
		Agents: max(40, n/2500),
		// The WhatsApp, web chat and Telegram bot answers a fraction of
		// what the center handles.
		BotSessions: n / 5,
	}
}

func (s Spec) generator() (*demodata.Generator, error) {
	if s.N <= 0 || s.Days <= 0 || s.End.IsZero() {
		return nil, fmt.Errorf("benchdata: spec needs N, Days and End: %+v", s)
	}
	zone, err := domain.LoadZone(s.Zone)
	if err != nil {
		return nil, err
	}
	return demodata.New(demodata.Config{
		Seed: s.Seed, Interactions: s.N, End: s.End, Days: s.Days, Zone: zone, Agents: s.Agents,
		IDPrefix: s.Tenant, Media: s.Media, BotSessions: s.BotSessions,
	}), nil
}

func (s Spec) settings() domain.Settings {
	return domain.Settings{TimeZone: s.Zone, Locale: "pt-BR", SLAMinutes: []int{1, 5, 15}}
}

// fingerprintSamples is how many interactions, spread over the whole
// range, stand for the generator's and the store's current behaviour.
const fingerprintSamples = 64

// Fingerprint names the data set as this build would store it: the Spec,
// and a hash of the exact items a sample of its interactions becomes, so
// a change to the generator or to the item layout changes it too. The
// marker of a loaded data set holds it.
func (s Spec) Fingerprint() (string, error) {
	g, err := s.generator()
	if err != nil {
		return "", err
	}
	return s.fingerprint(g)
}

func (s Spec) fingerprint(g *demodata.Generator) (string, error) {
	h := sha256.New()
	for k := range fingerprintSamples {
		i := k * (s.N - 1) / (fingerprintSamples - 1)
		p, err := store.PrepareInteraction(store.Tenant(s.Tenant), g.Interaction(i))
		if err != nil {
			return "", fmt.Errorf("interaction %d: %w", i, err)
		}
		if err := p.WriteCanonical(h); err != nil {
			return "", err
		}
	}
	settings, _ := json.Marshal(s.settings())
	h.Write(settings)
	media := "" // absent for the mix, so data sets loaded before the field keep their name
	if s.Media != "" {
		media = " media=" + string(s.Media)
	}
	return fmt.Sprintf("tenant=%s n=%d seed=%d end=%s days=%d zone=%s agents=%d%s items=%s",
		s.Tenant, s.N, s.Seed, domain.FormatInstant(s.End), s.Days, s.Zone, s.Agents, media,
		hex.EncodeToString(h.Sum(nil))[:16]), nil
}
