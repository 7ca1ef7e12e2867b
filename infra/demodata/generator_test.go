package demodata

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"hash"
	"runtime"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

func mustZone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	z, err := domain.LoadZone(name)
	if err != nil {
		tb.Fatalf("load zone %s: %v", name, err)
	}
	return z
}

func testConfig(tb testing.TB) Config {
	tb.Helper()
	return Config{
		Seed:          42,
		Interactions:  5000,
		End:           time.Date(2025, 6, 30, 15, 4, 5, 0, time.UTC),
		Days:          45,
		Zone:          mustZone(tb, "America/Sao_Paulo"),
		RecordingKeys: []string{"demo/recordings/call-0001.wav", "demo/recordings/call-0002.wav"},
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("marshal: %v", err)
	}
	return b
}

// TestEveryRecordIsValid generates 5,000 interactions with the agent
// events and bot sessions of 45 days and validates each one, as ingestion
// would: Normalize, then Validate with now = End. The generator emits the
// normalized form already, so Normalize must change nothing.
func TestEveryRecordIsValid(t *testing.T) {
	cfg := testConfig(t)
	g := New(cfg)
	now := cfg.End
	ids := map[string]bool{}
	n := 0
	for in := range g.Interactions() {
		n++
		before := mustJSON(t, in)
		in.Normalize()
		if after := mustJSON(t, in); !bytes.Equal(before, after) {
			t.Errorf("%s: Normalize changed the record:\n%s\n%s", in.ID, before, after)
		}
		if err := in.Validate(now); err != nil {
			t.Errorf("%s (%s): %v", in.ID, in.Media, err)
		}
		if ids[in.ID] {
			t.Errorf("duplicate id %s", in.ID)
		}
		ids[in.ID] = true
		checkWithinWindow(t, &in, now)
	}
	if n != cfg.Interactions {
		t.Fatalf("generated %d interactions, want %d", n, cfg.Interactions)
	}

	events := 0
	for e := range g.AgentEvents() {
		events++
		e.Normalize()
		if err := e.Validate(now); err != nil {
			t.Errorf("agent event %s %s at %s: %v", e.AgentID, e.Type, e.At, err)
		}
		if !e.At.Before(now) {
			t.Errorf("agent event at %s, after End", e.At)
		}
	}
	if events == 0 {
		t.Error("no agent events")
	}

	sessions := 0
	for s := range g.BotSessions() {
		sessions++
		before := mustJSON(t, s)
		s.Normalize()
		if after := mustJSON(t, s); !bytes.Equal(before, after) {
			t.Errorf("bot session %s: Normalize changed it", s.ID)
		}
		if err := s.Validate(now); err != nil {
			t.Errorf("bot session %s: %v", s.ID, err)
		}
		if !domain.ValidBotProtocol(s.Protocol) {
			t.Errorf("bot session %s: protocol %q", s.ID, s.Protocol)
		}
		if s.InteractionID != "" && !ids[s.InteractionID] {
			t.Errorf("bot session %s points at unknown interaction %s", s.ID, s.InteractionID)
		}
	}
	if sessions != 3000 {
		t.Errorf("generated %d bot sessions, want 3000", sessions)
	}
}

// checkWithinWindow: nothing happens after End, and the start is inside the window.
func checkWithinWindow(t *testing.T, in *domain.Interaction, end time.Time) {
	t.Helper()
	if in.Start.Before(end.AddDate(0, 0, -45)) || !in.Start.Before(end) {
		t.Errorf("%s: start %s outside the window", in.ID, in.Start)
	}
	late := func(field string, x *time.Time) {
		if x != nil && x.After(end) {
			t.Errorf("%s: %s %s is after End", in.ID, field, x)
		}
	}
	late("updated", &in.Updated)
	late("finished", in.Finished)
	for _, m := range in.Messages {
		late("message at", &m.At)
		late("message statusUpdatedAt", m.StatusUpdatedAt)
	}
	for _, l := range in.Legs {
		late("leg end", l.End)
	}
	if in.Updated.Before(in.Start) {
		t.Errorf("%s: updated before start", in.ID)
	}
	if in.Finished != nil && in.Updated.Before(*in.Finished) {
		t.Errorf("%s: updated %s before finished %s", in.ID, in.Updated, in.Finished)
	}
}

func TestAgentDaysAreWellFormed(t *testing.T) {
	g := New(testConfig(t))
	type key struct{ agent, day string }
	days := map[key][]domain.AgentEvent{}
	var order []key
	for e := range g.AgentEvents() {
		k := key{e.AgentID, e.At.Format("2006-01-02")}
		if e.Type == "login" {
			order = append(order, k)
		}
		if len(days[k]) == 0 && e.Type != "login" {
			// A night shift's tail belongs to the day it began.
			k = order[len(order)-1]
		}
		days[k] = append(days[k], e)
	}
	reasons := map[string]int{}
	for k, evs := range days {
		if evs[0].Type != "login" {
			t.Fatalf("%v: first event %s", k, evs[0].Type)
		}
		for i := 1; i < len(evs); i++ {
			if evs[i].At.Before(evs[i-1].At) {
				t.Fatalf("%v: events out of order", k)
			}
			if evs[i-1].Type == "pause" && evs[i].Type != "ready" {
				t.Fatalf("%v: pause followed by %s", k, evs[i].Type)
			}
			if evs[i].Type == "pause" {
				reasons[evs[i].Reason]++
			}
		}
	}
	for _, r := range []string{"almoço", "café", "treinamento", "banheiro", "feedback"} {
		if reasons[r] == 0 {
			t.Errorf("no pause for %q", r)
		}
	}
}

// TestRealism holds the shape the dashboards are demonstrated with.
func TestRealism(t *testing.T) {
	cfg := testConfig(t)
	g := New(cfg)
	var all []domain.Interaction
	for in := range g.Interactions() {
		all = append(all, in)
	}
	n := float64(len(all))
	media := map[domain.Media]int{}
	var transferred, csat, handled, active, recorded int
	var hours [24]int
	weekday, weekend := 0, 0
	voiceStatus := map[domain.VoiceStatus]int{}
	contacts := map[string]map[domain.Media]bool{}
	for _, in := range all {
		media[in.Media]++
		if len(in.Legs) > 1 {
			transferred++
		}
		if in.Agent != nil && in.State == domain.StateClosed {
			handled++
			if in.CSAT != nil {
				csat++
			}
		}
		if in.State == domain.StateActive {
			active++
			// Calls and chats still open started within the last day; an
			// e-mail thread or a WhatsApp window may run for days.
			limit := 24 * time.Hour
			switch in.Media {
			case domain.MediaEmail, domain.MediaReclameAqui, domain.MediaWhatsApp:
				limit = 6 * 24 * time.Hour
			}
			if in.Start.Before(cfg.End.Add(-limit)) {
				t.Errorf("%s (%s) is still active but started %s", in.ID, in.Media, in.Start)
			}
		}
		if in.Voice != nil && in.Voice.RecordingKey != "" {
			recorded++
			if in.VoiceStatus != domain.VoiceAnswered || in.Voice.RecordingPermission != "granted" {
				t.Errorf("%s: recording on a %s call with permission %q", in.ID, in.VoiceStatus, in.Voice.RecordingPermission)
			}
		}
		if in.Media == domain.MediaVoice && in.State == domain.StateClosed {
			voiceStatus[in.VoiceStatus]++
			if in.VoiceStatus == domain.VoiceAnswered && in.Status != domain.StatusServiceCompleted && in.Status != domain.StatusServiceTransferred {
				t.Errorf("%s: answered call with status %s", in.ID, in.Status)
			}
		}
		if in.Media.IsText() && in.State == domain.StateClosed && (len(in.Messages) < 4 || len(in.Messages) > 30) {
			t.Errorf("%s: %d messages", in.ID, len(in.Messages))
		}
		local := in.Start.In(cfg.Zone)
		hours[local.Hour()]++
		if wd := local.Weekday(); wd == time.Saturday || wd == time.Sunday {
			weekend++
		} else {
			weekday++
		}
		if k := in.ContactKey(); k != "" {
			if contacts[k] == nil {
				contacts[k] = map[domain.Media]bool{}
			}
			contacts[k][in.Media] = true
		}
	}
	for _, m := range domain.AllMedia {
		if media[m] == 0 {
			t.Errorf("no %s interactions", m)
		}
	}
	share := func(x int, of float64) float64 { return float64(x) / of }
	within := func(name string, got, lo, hi float64) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want %.2f–%.2f", name, got, lo, hi)
		}
	}
	within("voice share", share(media[domain.MediaVoice], n), 0.32, 0.38)
	within("whatsapp share", share(media[domain.MediaWhatsApp], n), 0.27, 0.33)
	within("transferred share", share(transferred, n), 0.08, 0.15)
	within("csat share of handled", share(csat, float64(handled)), 0.35, 0.45)
	within("weekday/day vs weekend/day", float64(weekday)/5/(float64(weekend)/2), 2, 5)
	if hours[10] < 5*hours[3] || hours[15] < 5*hours[3] {
		t.Errorf("no business-hours shape: 3h %d, 10h %d, 15h %d", hours[3], hours[10], hours[15])
	}
	if active == 0 || recorded == 0 {
		t.Errorf("active %d, recorded %d: want some of each", active, recorded)
	}
	for _, s := range []domain.VoiceStatus{domain.VoiceAnswered, domain.VoiceAbandoned, domain.VoiceVoicemail, domain.VoiceNotConnected, domain.VoiceOutOfService, domain.VoiceNotAnswered, domain.VoiceMessage} {
		if voiceStatus[s] == 0 {
			t.Errorf("no voice call ended %s", s)
		}
	}
	crossChannel := 0
	for _, ms := range contacts {
		if len(ms) >= 3 {
			crossChannel++
		}
	}
	if crossChannel < 50 {
		t.Errorf("only %d contacts reached us on 3+ channels", crossChannel)
	}

	var bots, human, linked, inactive int
	for s := range g.BotSessions() {
		bots++
		if s.WentToHuman {
			human++
		}
		if s.InteractionID != "" {
			linked++
		}
		if s.EndReason == "cancelled_inactivity" {
			inactive++
		}
	}
	within("bot sessions to a human", share(human, float64(bots)), 0.25, 0.35)
	if linked == 0 || inactive == 0 {
		t.Errorf("linked %d, cancelled by inactivity %d: want some of each", linked, inactive)
	}
}

func digest(tb testing.TB, g *Generator) []byte {
	tb.Helper()
	h := sha256.New()
	write := func(h hash.Hash, v any) { h.Write(mustJSON(tb, v)) }
	for in := range g.Interactions() {
		write(h, in)
	}
	for e := range g.AgentEvents() {
		write(h, e)
	}
	for s := range g.BotSessions() {
		write(h, s)
	}
	write(h, g.Agents())
	write(h, g.Queues())
	return h.Sum(nil)
}

func TestDeterministic(t *testing.T) {
	cfg := testConfig(t)
	cfg.Interactions = 2000
	a, b := digest(t, New(cfg)), digest(t, New(cfg))
	if !bytes.Equal(a, b) {
		t.Fatal("two generators with the same config differ")
	}
	cfg.Seed++
	if c := digest(t, New(cfg)); bytes.Equal(a, c) {
		t.Fatal("a different seed gave the same data")
	}
}

// TestInteractionIsPureInIndex: the i-th record does not depend on what
// was generated before it, and the parallel iterator gives exactly what
// one builder gives sequentially.
func TestInteractionIsPureInIndex(t *testing.T) {
	g := New(testConfig(t))
	b := g.newBuilder()
	i := 0
	for in := range g.Interactions() {
		if got, want := mustJSON(t, b.build(i)), mustJSON(t, in); !bytes.Equal(got, want) {
			t.Fatalf("interaction %d differs between the iterator and a sequential build", i)
		}
		if i%397 == 0 && !bytes.Equal(mustJSON(t, g.Interaction(i)), mustJSON(t, in)) {
			t.Fatalf("Interaction(%d) differs from the %d-th of Interactions()", i, i)
		}
		i++
	}
	// Stopping early must not hang or leak the workers.
	before := runtime.NumGoroutine()
	n := 0
	for range g.Interactions() {
		if n++; n == 10 {
			break
		}
	}
	// Workers finish their current chunk after the break; give them a
	// moment, then none may remain.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after stopping early", before, after)
	}
}

func TestAgentsAndQueues(t *testing.T) {
	g := New(testConfig(t))
	agents := g.Agents()
	if len(agents) != 40 {
		t.Fatalf("%d agents, want 40", len(agents))
	}
	seen := map[string]bool{}
	for _, a := range agents {
		if seen[a.ID] || seen[a.Name] {
			t.Errorf("duplicate agent %s %s", a.ID, a.Name)
		}
		seen[a.ID], seen[a.Name] = true, true
		if len(a.Tags) == 0 {
			t.Errorf("agent %s has no tags", a.ID)
		}
	}
	if q := g.Queues(); len(q) < 6 || len(q) > 8 {
		t.Errorf("%d queues, want 6–8", len(q))
	}
	big := New(Config{Agents: 500})
	names := map[string]bool{}
	for _, a := range big.Agents() {
		if names[a.Name] {
			t.Fatalf("duplicate agent name %q in a team of 500", a.Name)
		}
		names[a.Name] = true
	}
}

func TestProtocols(t *testing.T) {
	start := time.Date(2025, 3, 17, 13, 20, 45, 0, time.UTC).UnixMilli()
	sp := mustZone(t, "America/Sao_Paulo")
	for _, c := range []struct{ got, want string }{
		{voiceProtocol(start), "2025-03-17-13-20-45"},
		{whatsappProtocol(start+123, 4), "2025-03-17-13-20-45-1234"},
		{chatProtocol(start), "202503171320450005467122471"},
		{numberProtocol(start+646, sp), "20250317102045646"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestDocuments(t *testing.T) {
	r := newRNG()
	for i := range 1000 {
		r.reset(1, kindContact, uint64(i), 0)
		if c := cpf(r); !validCPF(c) {
			t.Fatalf("invalid CPF %s", c)
		}
		if c := cnpj(r); len(c) != 14 || cnpjDigit([]byte(digitsOf(c[:12]))) != c[12]-'0' || cnpjDigit([]byte(digitsOf(c[:13]))) != c[13]-'0' {
			t.Fatalf("invalid CNPJ %s", c)
		}
	}
}

func digitsOf(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] -= '0'
	}
	return string(b)
}

func validCPF(s string) bool {
	if len(s) != 11 {
		return false
	}
	d := []byte(digitsOf(s))
	return checkDigit(d[:9], 10) == d[9] && checkDigit(d[:10], 11) == d[10]
}

// TestOtherConfigsAreValid: zones with :30 offsets or DST, tiny and odd
// teams and volumes, and the zero Config all give valid data.
func TestOtherConfigsAreValid(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  Config
	}{
		{"zero config", Config{Interactions: 300}},
		{"kolkata", Config{Seed: 3, Interactions: 800, Days: 10, Zone: mustZone(t, "Asia/Kolkata"), End: time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)}},
		{"new york across DST", Config{Seed: 4, Interactions: 800, Days: 20, Zone: mustZone(t, "America/New_York"), End: time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)}},
		{"team of one", Config{Seed: 5, Interactions: 300, Days: 3, Agents: 1, BotSessions: 50}},
		{"one interaction", Config{Seed: 6, Interactions: 1, Days: 1, BotSessions: 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := New(c.cfg)
			now := g.Config().End
			for in := range g.Interactions() {
				in.Normalize()
				if err := in.Validate(now); err != nil {
					t.Fatalf("%s: %v", in.ID, err)
				}
			}
			for e := range g.AgentEvents() {
				if err := e.Validate(now); err != nil {
					t.Fatalf("agent event: %v", err)
				}
			}
			for s := range g.BotSessions() {
				s.Normalize()
				if err := s.Validate(now); err != nil {
					t.Fatalf("bot session %s: %v", s.ID, err)
				}
			}
		})
	}
}
