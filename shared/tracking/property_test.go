package tracking_test

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Pools the random interactions and filters draw from, small enough that
// filters match some records and miss others.
var (
	propMedia    = []domain.Media{domain.MediaVoice, domain.MediaChat, domain.MediaEmail}
	agentNames   = map[string]string{"a1": "José Álvares", "a2": "Maria Luíza", "a3": "Marcos", "a4": "ANA PAULA", "a5": "João"}
	contactNames = []string{"Conceição Souza", "Joao Silva", "joão silva", "Ângela", "Bruno Mário", "Zoë"}
	services     = []string{"Support", "Sales", "Billing"}
	queues       = []string{"q1", "q2", "q3"}
	tagPool      = []string{"t1", "t2", "t3", "t4"}
	userTagPool  = []string{"u1", "u2", "u3"}
	phones       = []string{"+5511999990000", "+5511988887777", "+14155550100"}
	emails       = []string{"ana@example.com", "Bruno@Example.com.br", "c.d@mail.co"}
	dispositions = []string{"resolved", "callback", "sale"}
	channels     = []string{"Acme Page", "Acme Store"}
	dids         = []string{"551130001000", "551130002000"}
	finals       = []domain.FinalStatus{domain.StatusServiceCompleted, domain.StatusServiceTransferred, domain.StatusAbandoned, domain.StatusDequeued}
	voiceStats   = []domain.VoiceStatus{domain.VoiceAnswered, domain.VoiceAbandoned, domain.VoiceVoicemail, domain.VoiceNotAnswered}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func some[T any](r *rand.Rand, s []T, max int) []T {
	return someN(r, s, r.IntN(max+1))
}

// list is a comma-separated list of 1 to max values.
func list(r *rand.Rand, s []string, max int) string {
	return strings.Join(someN(r, s, 1+r.IntN(max)), ",")
}

func someN[T any](r *rand.Rand, s []T, n int) []T {
	out := make([]T, 0, n)
	for _, i := range r.Perm(len(s))[:min(n, len(s))] {
		out = append(out, s[i])
	}
	return out
}

// randomInteraction is a valid interaction starting in [from, from+span).
func randomInteraction(r *rand.Rand, i int, from time.Time, span time.Duration) domain.Interaction {
	start := from.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Millisecond)
	if i%17 == 0 && i > 0 { // identical starts: ties ordered by id
		start = from.Add(span / 2).Truncate(time.Second)
	}
	m := pick(r, propMedia)
	agentID := pick(r, []string{"a1", "a2", "a3", "a4", "a5"})
	fin := start.Add(time.Duration(1+r.IntN(600)) * time.Second)
	in := domain.Interaction{
		ID: fmt.Sprintf("i%04d", i), Media: m, Updated: fin, Start: start, Finished: &fin,
		State:    pick(r, []domain.State{domain.StateClosed, domain.StateClosed, domain.StateClosed, domain.StateActive, domain.StateACW}),
		Protocol: fmt.Sprintf("P-%d", i%97), Queue: pick(r, append(queues, "")), Service: pick(r, services),
		Agent:     &domain.Agent{ID: agentID, Name: agentNames[agentID], Tags: some(r, userTagPool, 2)},
		Portfolio: r.IntN(2) == 0, Tags: some(r, tagPool, 2), Status: pick(r, finals),
		Contact: &domain.Contact{Name: pick(r, contactNames), ExternalID: pick(r, []string{"", "X-1", "X-2"})},
	}
	if in.State != domain.StateClosed { // not finished: no end, no final status
		in.Finished, in.Status = nil, ""
	}
	if r.IntN(3) == 0 {
		in.ExternalProtocol = fmt.Sprintf("EXT-%d", i%5)
	}
	if r.IntN(2) == 0 {
		in.Disposition = &domain.Disposition{Code: pick(r, dispositions)}
	}
	switch m {
	case domain.MediaVoice:
		in.VoiceStatus = pick(r, voiceStats)
		in.Contact.Phone = pick(r, phones)
		in.From, in.To, in.DID = in.Contact.Phone, "1005", pick(r, dids)
	case domain.MediaChat:
		in.Expiration = pick(r, []string{"active", "expired"})
		in.Conversation = &domain.Conversation{ChannelName: pick(r, channels)}
		if r.IntN(2) == 0 {
			in.Contact.Phone = pick(r, phones)
		}
	case domain.MediaEmail:
		in.Contact.Email = pick(r, emails)
	}
	if r.IntN(4) == 0 { // transferred: an earlier leg with another agent and service
		other := pick(r, []string{"a1", "a2", "a3", "a4", "a5"})
		legEnd := start.Add(time.Second)
		in.Legs = []domain.Leg{
			{Seq: 1, AgentID: other, AgentName: agentNames[other], Service: pick(r, services), Start: start, End: &legEnd, EndReason: "transferred"},
			{Seq: 2, AgentID: agentID, AgentName: agentNames[agentID], Service: in.Service, Start: legEnd, End: in.Finished, EndReason: "completed"},
		}
	}
	return in
}

// filterValues are the random filter values per parameter, valid for the
// media given.
func randomFilters(r *rand.Rand, m domain.Media, q url.Values) {
	options := map[string]func() string{
		"portfolio":         func() string { return pick(r, []string{"assigned", "unassigned"}) },
		"tags":              func() string { return list(r, tagPool, 2) },
		"agents":            func() string { return list(r, []string{"a1", "a2", "a3", "a4", "a5"}, 2) },
		"services":          func() string { return list(r, services, 2) },
		"protocol":          func() string { return fmt.Sprintf("P-%d", r.IntN(97)) },
		"externalContactId": func() string { return pick(r, []string{"X-1", "X-2"}) },
		"externalProtocol":  func() string { return fmt.Sprintf("EXT-%d", r.IntN(5)) },
		"userTags":          func() string { return list(r, userTagPool, 2) },
		"contact":           func() string { return pick(r, []string{"joao", "JOÃO", "ange", "Mário", "souza", "zoe"}) },
		"queue":             func() string { return pick(r, queues) },
		"disposition":       func() string { return pick(r, dispositions) },
		"agent":             func() string { return pick(r, []string{"jose", "MARIA", "mar", "ana", "joão"}) },
		"state":             func() string { return pick(r, []string{"closed", "active", "all"}) },
	}
	switch m {
	case domain.MediaVoice:
		options["voiceStatus"] = func() string { return string(pick(r, voiceStats)) + "," + string(pick(r, voiceStats)) }
		options["phone"] = func() string { return pick(r, []string{"+55 11 99999-0000", "14155550100"}) }
		options["did"] = func() string { return pick(r, []string{"3000", "551130002000"}) }
	case domain.MediaChat:
		options["expiration"] = func() string { return pick(r, []string{"active", "expired"}) }
		options["serviceStatus"] = func() string { return pick(r, []string{"completed", "transferred", "all", "completed,transferred"}) }
		options["channel"] = func() string { return pick(r, channels) }
		options["phone"] = func() string { return pick(r, phones) }
	case domain.MediaEmail:
		options["email"] = func() string { return pick(r, []string{"ana@example.com", "bruno@example.com.br", "x@y.org"}) }
	}
	names := make([]string, 0, len(options))
	for k := range options {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range someN(r, names, r.IntN(3)) {
		q.Set(n, options[n]())
	}
}

// matches is the report's definition, written directly over the
// interaction's fields: the brute force the store's answers must equal.
func matches(in *domain.Interaction, req *tracking.Request) bool {
	f := &req.Filter
	agentIDs, serviceSet, names := []string{}, []string{in.Service}, []string{}
	if in.Agent != nil {
		agentIDs = append(agentIDs, in.Agent.ID)
		names = append(names, in.Agent.Name)
	}
	for _, l := range in.Legs {
		agentIDs, serviceSet, names = append(agentIDs, l.AgentID), append(serviceSet, l.Service), append(names, l.AgentName)
	}
	c := in.Contact
	phonesOf := []string{c.Phone, in.From, in.To, in.DID}
	anyOf := func(want []string, have []string) bool {
		for _, w := range want {
			if slices.Contains(have, w) {
				return true
			}
		}
		return false
	}
	var userTags []string
	if in.Agent != nil {
		userTags = in.Agent.Tags
	}
	channel := ""
	if in.Conversation != nil {
		channel = in.Conversation.ChannelName
	}
	disposition := ""
	if in.Disposition != nil {
		disposition = in.Disposition.Code
	}
	switch {
	case in.Media != req.Media, !req.Range.Contains(in.Start):
		return false
	case f.States != nil && !slices.Contains(f.States, in.State):
		return false
	case f.Portfolio != nil && *f.Portfolio != in.Portfolio:
		return false
	case f.Expiration != "" && f.Expiration != in.Expiration:
		return false
	case f.VoiceStatuses != nil && !slices.Contains(f.VoiceStatuses, in.VoiceStatus):
		return false
	case f.Statuses != nil && !slices.Contains(f.Statuses, in.Status):
		return false
	case f.TagsAny != nil && !anyOf(f.TagsAny, in.Tags):
		return false
	case f.Email != "" && !strings.EqualFold(f.Email, c.Email):
		return false
	case f.Phone != "" && !slices.ContainsFunc(phonesOf, func(p string) bool { return p != "" && digits(p) == digits(f.Phone) }):
		return false
	case f.AgentIDsAny != nil && !anyOf(f.AgentIDsAny, agentIDs):
		return false
	case f.ServicesAny != nil && !anyOf(f.ServicesAny, serviceSet):
		return false
	case f.Protocol != "" && f.Protocol != in.Protocol:
		return false
	case f.ExternalContactID != "" && f.ExternalContactID != c.ExternalID:
		return false
	case f.ExternalProtocol != "" && f.ExternalProtocol != in.ExternalProtocol:
		return false
	case f.UserTagsAny != nil && !anyOf(f.UserTagsAny, userTags):
		return false
	case f.Contact != "" && !strings.Contains(fold(c.Name), fold(f.Contact)):
		return false
	case f.Queues != nil && !slices.Contains(f.Queues, in.Queue):
		return false
	case f.Channel != "" && f.Channel != channel:
		return false
	case f.DID != "" && !strings.Contains(in.DID, f.DID):
		return false
	case f.Disposition != "" && f.Disposition != disposition:
		return false
	case f.Agent != "" && !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(fold(n), fold(f.Agent)) }):
		return false
	}
	return true
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// fold is an independent accent folding for the letters the pools use.
func fold(s string) string {
	return strings.NewReplacer("á", "a", "â", "a", "ã", "a", "é", "e", "ê", "e", "í", "i", "ó", "o", "ô", "o", "õ", "o", "ú", "u", "ü", "u", "ç", "c", "ë", "e").Replace(strings.ToLower(s))
}

// Random interactions and random filter sets, paged with random limits
// (and a tiny read budget, so some pages come back short or empty with a
// cursor), equal a brute-force filter: each match exactly once, in order.
func TestReportEqualsBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	loc, _ := time.LoadLocation("America/New_York")
	first := time.Date(2026, 10, 28, 0, 0, 0, 0, loc) // spans the fall-back day, 2026-11-01
	now := first.AddDate(0, 0, 10)
	e := newEnv(t, "America/New_York", now)
	var ins []domain.Interaction
	for i := 0; i < 900; i++ {
		ins = append(ins, randomInteraction(r, i, first.Add(-6*time.Hour), 9*24*time.Hour))
	}
	e.load(t, ins)

	supervisor := domain.Identity{Tenant: "acme", UserID: "s", Role: domain.RoleSupervisor, Queues: []string{"q1", "q3"}}
	admin := domain.Identity{Tenant: "acme", UserID: "a", Role: domain.RoleAdmin}
	matched, multiPage, empty := 0, 0, 0
	for n := 0; n < 80; n++ {
		m := pick(r, propMedia)
		q := url.Values{"media": {string(m)}}
		d0 := r.IntN(8)
		q.Set("from", period.DateOf(first.AddDate(0, 0, d0)).String())
		q.Set("to", period.DateOf(first.AddDate(0, 0, d0+r.IntN(4))).String())
		if r.IntN(3) == 0 {
			q.Set("timeFrom", fmt.Sprintf("%02d:%02d", r.IntN(24), r.IntN(60)))
			q.Set("timeTo", fmt.Sprintf("%02d:%02d:%02d", r.IntN(24), r.IntN(60), r.IntN(60)))
		}
		if r.IntN(2) == 0 {
			q.Set("sort", "asc")
		}
		q.Set("limit", strconv.Itoa(1+r.IntN(40)))
		randomFilters(r, m, q)
		id := admin
		if r.IntN(3) == 0 {
			id = supervisor
			if slices.Contains(q["queue"], "q2") {
				q.Del("queue")
			}
		}
		e.svc.Budget = store.PageBudget{MaxEvaluated: []int{0, 1, 7, 60}[r.IntN(4)], Parallel: 1 + r.IntN(4)}

		req, err := tracking.Parse(q, id, mustSettings(t, e), now)
		if err != nil {
			t.Fatalf("%s: %v", q.Encode(), err)
		}
		var want []string
		for i := range ins {
			if matches(&ins[i], req) {
				want = append(want, ins[i].ID)
			}
		}
		sortLike(want, ins, req.Desc)
		got := e.all(t, q, id)
		if !slices.Equal(got, want) {
			t.Fatalf("query %d %s (budget %+v):\n got %d %v\nwant %d %v", n, q.Encode(), e.svc.Budget, len(got), got, len(want), want)
		}
		matched += len(want)
		if l, _ := strconv.Atoi(q.Get("limit")); len(want) > l {
			multiPage++
		}
		if len(want) == 0 {
			empty++
		}
	}
	// The test means something only if queries match, page and miss.
	t.Logf("matched %d rows; %d queries paged, %d matched nothing", matched, multiPage, empty)
	if matched < 600 || multiPage < 15 || empty < 3 || empty > 40 {
		t.Fatalf("the random queries don't exercise the report: matched %d, paged %d, empty %d", matched, multiPage, empty)
	}
}

func mustSettings(t *testing.T, e *env) domain.Settings {
	s, err := e.st.GetSettings(t.Context(), e.tenant)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sortLike orders ids by start then id, as the report does.
func sortLike(ids []string, ins []domain.Interaction, desc bool) {
	key := map[string]string{}
	for i := range ins {
		key[ins[i].ID] = domain.FormatInstant(ins[i].Start) + "#" + ins[i].ID
	}
	sort.Slice(ids, func(i, j int) bool { return (key[ids[i]] < key[ids[j]]) != desc })
}
