// Package rolluptest generates random interaction histories (versions,
// replays, out-of-order corrections) and stores them through the rollup
// contributor, for the tests that hold every aggregate report equal to a
// brute-force count over the interactions' final versions.
package rolluptest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// Pools the generator draws from: small, so every filter and group both
// matches and misses.
var (
	Media      = []domain.Media{domain.MediaVoice, domain.MediaChat, domain.MediaWhatsApp, domain.MediaEmail, domain.MediaFacebook}
	AgentIDs   = []string{"a1", "a2", "a3", "a4", "a5", "a6"}
	AgentNames = map[string]string{"a1": "José Álvares", "a2": "Maria Luíza", "a3": "Marcos", "a4": "Ana, Paula", "a5": "João|Pipe", "a6": "Zoë%"}
	Queues     = []string{"q1", "q2", "q3"}
	Services   = []string{"Support", "Sales", "Billing", "Retention"}
	Tags       = []string{"sale", "complaint", "vip", "follow,up"}
	UserTags   = []string{"senior", "junior", "night"}
	IVRs       = []string{"Main", "Support", "Billing"}
	Channels   = []string{"Acme Page", "Acme Store", "Acme#Zalo"}
	Categories = []string{"Complaint", "Praise", "Question"}
	Contacts   = []string{"+5511999990000", "+5511988887777", "+14155550100", "+919812345678", "+9779812345678"}
	finals     = []domain.FinalStatus{domain.StatusServiceCompleted, domain.StatusServiceCompleted, domain.StatusServiceTransferred, domain.StatusAbandoned, domain.StatusDequeued}
	voiceStats = []domain.VoiceStatus{domain.VoiceAnswered, domain.VoiceAnswered, domain.VoiceAbandoned, domain.VoiceAbandoned, domain.VoiceVoicemail, domain.VoiceNotAnswered}
	slaEdges   = []int64{1, 5, 15}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func some(r *rand.Rand, pool []string, max int) []string {
	var out []string
	for range r.IntN(max + 1) {
		out = append(out, pick(r, pool))
	}
	return out
}

// History is what was sent and what should be counted.
type History struct {
	Sent  []domain.Interaction // every version, replays and stale ones, in send order
	Final []domain.Interaction // the version of each id that must be counted
}

// Generate draws n interactions starting in [from, from+span), some with a
// second and third version (another agent, status, CSAT, start, media), and
// a send order with replays and stale versions sent after newer ones.
func Generate(seed uint64, n int, from time.Time, span time.Duration) History {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var h History
	for i := range n {
		v1 := randomInteraction(r, fmt.Sprintf("i%05d", i), from, span, 1)
		versions := []domain.Interaction{v1}
		for v := 2; r.IntN(3) == 0 && v <= 3; v++ { // a correction
			c := randomInteraction(r, v1.ID, from, span, int64(v)) // moved: another start, media, everything
			if r.IntN(2) == 0 {                                    // in place: another agent, status and rating
				c = versions[len(versions)-1]
				c.Version, c.Updated = int64(v), c.Updated.Add(time.Hour)
				if c.Agent != nil {
					id := pick(r, AgentIDs)
					c.Agent = &domain.Agent{ID: id, Name: AgentNames[id], Tags: some(r, UserTags, 2)}
				}
				if c.State == domain.StateClosed {
					c.Status = pick(r, finals)
				}
				c.CSAT = &domain.CSAT{Rating: 1 + r.IntN(4)}
			}
			versions = append(versions, c)
		}
		h.Final = append(h.Final, versions[len(versions)-1])
		order := append([]domain.Interaction{}, versions...)
		if len(order) > 1 && r.IntN(2) == 0 { // out of order: the newest arrives first
			order[0], order[len(order)-1] = order[len(order)-1], order[0]
		}
		if r.IntN(4) == 0 { // a replay
			order = append(order, pick(r, versions))
		}
		h.Sent = append(h.Sent, order...)
	}
	// Interleave ids, keeping each id's own order.
	r.Shuffle(len(h.Sent), func(i, j int) {
		if h.Sent[i].ID != h.Sent[j].ID {
			h.Sent[i], h.Sent[j] = h.Sent[j], h.Sent[i]
		}
	})
	return h
}

func randomInteraction(r *rand.Rand, id string, from time.Time, span time.Duration, version int64) domain.Interaction {
	start := from.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Millisecond)
	switch r.IntN(10) { // on and around quarter-hour and day edges
	case 0:
		start = start.Truncate(15 * time.Minute)
	case 1:
		start = start.Truncate(15 * time.Minute).Add(-time.Millisecond)
	case 2:
		start = start.Truncate(24 * time.Hour)
	}
	if start.Before(from) {
		start = from
	}
	m := pick(r, Media)
	agentID := pick(r, AgentIDs)
	fin := start.Add(time.Duration(1+r.IntN(3600)) * time.Second)
	in := domain.Interaction{
		ID: id, Media: m, Updated: from.Add(span + time.Duration(version)*time.Hour), Version: version,
		Start: start, Finished: &fin, State: domain.StateClosed,
		Queue: pick(r, Queues), Service: pick(r, Services),
		Agent:  &domain.Agent{ID: agentID, Name: AgentNames[agentID], Tags: some(r, UserTags, 2)},
		Tags:   some(r, Tags, 3),
		Status: pick(r, finals),
	}
	if r.IntN(6) == 0 {
		in.State, in.Finished, in.Status = domain.StateActive, nil, ""
	}
	if r.IntN(8) > 0 {
		in.Contact = &domain.Contact{Phone: pick(r, Contacts)}
	}
	if r.IntN(3) == 0 {
		q := start.Add(time.Duration(1+r.IntN(60)) * time.Second)
		in.Queued = &q
	}
	if r.IntN(3) == 0 {
		in.CSAT = &domain.CSAT{Rating: 1 + r.IntN(4)}
	}
	ms := func() domain.Duration {
		if r.IntN(5) == 0 {
			return 0
		}
		return domain.Duration(1 + r.Int64N(900_000))
	}
	in.Handle, in.AFRT, in.APT, in.AUT = ms(), ms(), ms(), ms()
	if in.ART = ms(); in.ART > 0 {
		in.ResponseCount = r.IntN(6)
	}
	switch n := r.IntN(6); {
	case n == 0:
		in.Wait = 0
	case n == 1:
		in.Wait = domain.Duration(25*time.Hour/time.Millisecond + time.Duration(r.IntN(1000)))
	default: // on and around the SLA thresholds
		in.Wait = domain.Duration(pick(r, slaEdges)*60000 + int64(r.IntN(3)-1))
	}
	if r.IntN(3) == 0 {
		other := pick(r, AgentIDs)
		legEnd := start.Add(time.Second)
		in.Legs = []domain.Leg{
			{Seq: 1, AgentID: other, AgentName: AgentNames[other], Service: pick(r, Services), Start: start, End: &legEnd, EndReason: "transferred"},
			{Seq: 2, AgentID: agentID, AgentName: AgentNames[agentID], Service: in.Service, Start: legEnd, End: in.Finished, EndReason: "completed"},
		}
		if r.IntN(6) == 0 {
			// Passed around: every service, more than a split view splits
			// (rollup's overflow cells).
			legs := in.Legs[:1:1]
			for _, s := range Services {
				legs = append(legs, domain.Leg{AgentID: other, AgentName: AgentNames[other], Service: s + " II", Start: legEnd, End: &legEnd, EndReason: "transferred"})
			}
			in.Legs = append(legs, in.Legs[1])
			for i := range in.Legs {
				in.Legs[i].Seq = i + 1
			}
		}
	}
	if m == domain.MediaVoice {
		in.VoiceStatus = pick(r, voiceStats)
		if r.IntN(5) > 0 {
			in.Session = &domain.SessionInfo{MenuPath: pick(r, append(IVRs, ""))}
		}
		if r.IntN(8) == 0 { // abandoned before any agent
			in.Agent, in.Legs = nil, nil
		}
		return in
	}
	if r.IntN(6) == 0 {
		return in // a text interaction without seed 001's conversation fields
	}
	in.Conversation = &domain.Conversation{
		ChannelName: pick(r, append(Channels, "")), SupportType: pick(r, []string{"message", "comment", "message"}),
		Category: pick(r, append(Categories, "")),
		Assigned: r.IntN(3) > 0, Completed: r.IntN(2) == 0, Supported: r.IntN(3) > 0,
		Support: domain.Duration(r.Int64N(600_000)),
	}
	if !in.Conversation.Assigned && r.IntN(2) == 0 {
		in.Agent, in.Legs = nil, nil
	}
	return in
}

// Store sends the history through st (which must have the rollup
// contributor registered), checking each outcome is what the version
// rules say.
func Store(tb testing.TB, st *store.Store, t store.Tenant, h History) {
	tb.Helper()
	ctx := context.Background()
	latest := map[string]int64{}
	for _, in := range h.Sent {
		out, err := st.PutInteraction(ctx, t, in)
		if err != nil {
			tb.Fatalf("put %s v%d: %v", in.ID, in.Version, err)
		}
		want := store.Written
		switch have := latest[in.ID]; {
		case have == in.Version:
			want = store.Unchanged
		case have > in.Version:
			want = store.Stale
		}
		if out != want {
			tb.Fatalf("put %s v%d: %v, want %v", in.ID, in.Version, out, want)
		}
		latest[in.ID] = max(latest[in.ID], in.Version)
	}
}

// Load stores final versions the fast way, as bulk loads do: rows with
// batched writes, then a rebuild of the rollups from them. The rollup
// package's tests hold a rebuild equal, byte for byte, to the cells the
// transactional path keeps, so report tests may start from either.
func Load(tb testing.TB, st *store.Store, t store.Tenant, ins []domain.Interaction) {
	tb.Helper()
	ctx := context.Background()
	batch := make([]*store.PreparedInteraction, 0, len(ins))
	lo, hi := ins[0].Start, ins[0].Start
	for _, in := range ins {
		p, err := store.PrepareInteraction(t, in)
		if err != nil {
			tb.Fatalf("prepare %s: %v", in.ID, err)
		}
		batch = append(batch, p)
		if in.Start.Before(lo) {
			lo = in.Start
		}
		if in.Start.After(hi) {
			hi = in.Start
		}
	}
	if _, err := st.WithoutContributors().LoadNew(ctx, batch); err != nil {
		tb.Fatal(err)
	}
	if _, err := rollup.Rebuild(ctx, st, t, lo, hi, nil); err != nil {
		tb.Fatal(err)
	}
}
