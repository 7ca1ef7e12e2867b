package tracking_test

import (
	"encoding/csv"
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
	channels     = []string{"Acme Page", "Acme Store", "Acme, Inc"}
	dids         = []string{"551130001000", "551130002000"}
	finals       = []domain.FinalStatus{domain.StatusServiceCompleted, domain.StatusServiceTransferred, domain.StatusAbandoned, domain.StatusDequeued}
	voiceStats   = []domain.VoiceStatus{domain.VoiceAnswered, domain.VoiceAbandoned, domain.VoiceVoicemail, domain.VoiceNotAnswered}
	agentIDs     = []string{"a1", "a2", "a3", "a4", "a5"}
	menuPaths    = []string{"Main", "Support", "Billing"}
	categories   = []string{"Complaint", "Praise", "Question"}
	// withinMinutes are the respondedWithin values drawn; waits are drawn
	// at and one millisecond either side of each bound.
	withinMinutes = []int{1, 2, 5}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func some[T any](r *rand.Rand, s []T, max int) []T {
	return someN(r, s, r.IntN(max+1))
}

// list is a comma-separated list of 1 to max values, a value with a comma
// quoted.
func list(r *rand.Rand, s []string, max int) string {
	vals := someN(r, s, 1+r.IntN(max))
	for i, v := range vals {
		if strings.Contains(v, ",") {
			vals[i] = `"` + v + `"`
		}
	}
	return strings.Join(vals, ",")
}

// listOrNone is a list that, one time in three, also holds "" (no value),
// and now and then only that.
func listOrNone(r *rand.Rand, s []string, max int) string {
	switch r.IntN(6) {
	case 0:
		return `""`
	case 1, 2:
		return list(r, s, max) + `,""`
	}
	return list(r, s, max)
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
	agentID := pick(r, agentIDs)
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
	if r.IntN(3) == 0 { // transferred: an earlier leg with another agent and service
		other := pick(r, agentIDs)
		legEnd := start.Add(time.Second)
		in.Legs = []domain.Leg{
			{Seq: 1, AgentID: other, AgentName: agentNames[other], Service: pick(r, services), Start: start, End: &legEnd, EndReason: "transferred"},
			{Seq: 2, AgentID: agentID, AgentName: agentNames[agentID], Service: in.Service, Start: legEnd, End: in.Finished, EndReason: "completed"},
		}
	}
	if len(in.Legs) == 0 && r.IntN(8) == 0 {
		in.Service = "" // no service at all
	}
	drillDownFields(r, &in)
	return in
}

// drillDownFields varies what the drill-down filters look at: the IVR and
// the queued instant of calls, the conversation's flags, category and
// support type (or no conversation at all), the wait at and around each
// respondedWithin bound, the CSAT rating, and calls no agent took.
func drillDownFields(r *rand.Rand, in *domain.Interaction) {
	if r.IntN(2) == 0 {
		q := in.Start.Add(time.Duration(1+r.IntN(30)) * time.Second)
		in.Queued = &q
	}
	if r.IntN(3) == 0 {
		in.CSAT = &domain.CSAT{Rating: 1 + r.IntN(4)}
	}
	if r.IntN(4) > 0 {
		in.Handle = domain.Duration(1 + r.IntN(900_000))
	}
	switch n := r.IntN(8); {
	case n == 0:
		in.Wait = 0
	case n == 1:
		in.Wait = domain.Duration(3*time.Hour/time.Millisecond + time.Duration(r.IntN(1000)))
	default:
		in.Wait = domain.Duration(int64(pick(r, withinMinutes))*60000 + int64(r.IntN(3)-1))
	}
	switch in.Media {
	case domain.MediaVoice:
		if r.IntN(4) > 0 {
			in.Session = &domain.SessionInfo{MenuPath: pick(r, append(menuPaths, ""))}
		}
		if r.IntN(10) == 0 { // abandoned before any agent
			in.Agent, in.Legs = nil, nil
		}
	default:
		if r.IntN(5) == 0 {
			in.Conversation = nil
			return
		}
		if in.Conversation == nil {
			in.Conversation = &domain.Conversation{}
		}
		c := in.Conversation
		c.Category = pick(r, append(categories, ""))
		c.SupportType = pick(r, []string{"message", "comment", ""})
		c.Assigned, c.Completed, c.Supported = r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(3) > 0
	}
}

// filterValues are the random filter values per parameter, valid for the
// media given.
func randomFilters(r *rand.Rand, m domain.Media, q url.Values, drillKey string) {
	options := map[string]func() string{
		"portfolio":         func() string { return pick(r, []string{"assigned", "unassigned"}) },
		"tags":              func() string { return list(r, tagPool, 2) },
		"agents":            func() string { return list(r, agentIDs, 2) },
		"services":          func() string { return listOrNone(r, services, 2) },
		"channel":           func() string { return listOrNone(r, channels, 2) },
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
		options["phone"] = func() string { return pick(r, phones) }
	case domain.MediaEmail:
		options["email"] = func() string { return pick(r, []string{"ana@example.com", "bruno@example.com.br", "x@y.org"}) }
	}
	if drillKey == "" {
		for _, n := range someN(r, sortedKeys(options), r.IntN(3)) {
			q.Set(n, options[n]())
		}
		return
	}
	// A drill-down query (an aggregate report's link): its filter, now
	// and then a second drill-down filter, and at most one other.
	for _, n := range someN(r, sortedKeys(options), r.IntN(2)) {
		q.Set(n, options[n]())
	}
	drill := drillDownOptions(r, m)
	if r.IntN(4) == 0 {
		n := pick(r, sortedKeys(drill))
		q.Set(n, drill[n]())
	}
	name, value, two := strings.Cut(drillKey, "=")
	if !two {
		value = drill[name]()
	}
	q.Set(name, value)
}

// drillDownKeys are the drill-down filters, each answer of the two-valued
// ones apart, taken in turn by the drill-down queries.
var drillDownKeys = []string{"finalAgents", "rated=yes", "rated=no", "ivr", "abandonedIn=ivr", "abandonedIn=queue",
	"category", "supportType=message", "supportType=comment", "assigned=yes", "assigned=no", "done=yes", "done=no",
	"supported=yes", "supported=no", "respondedWithin", "waited=yes", "waited=no", "handled=yes", "handled=no",
	"services", "channel"}

// drillDownMedia is a media the filter of key applies to.
func drillDownMedia(r *rand.Rand, key string) domain.Media {
	name, _, _ := strings.Cut(key, "=")
	switch name {
	case "finalAgents", "rated", "waited", "handled", "services":
		return pick(r, propMedia)
	case "channel": // every media; only text media have channels
		return pick(r, []domain.Media{domain.MediaChat, domain.MediaChat, domain.MediaVoice})
	case "ivr", "abandonedIn":
		return domain.MediaVoice
	}
	return pick(r, []domain.Media{domain.MediaChat, domain.MediaEmail})
}

// drillDownOptions are the random drill-down filter values valid for m.
func drillDownOptions(r *rand.Rand, m domain.Media) map[string]func() string {
	yesNo := func() string { return pick(r, []string{"yes", "no"}) }
	options := map[string]func() string{
		"finalAgents": func() string { return listOrNone(r, agentIDs, 2) },
		"rated":       yesNo,
		"waited":      yesNo,
		"handled":     yesNo,
		"services":    func() string { return listOrNone(r, services, 2) },
		"channel":     func() string { return listOrNone(r, channels, 2) },
	}
	if m == domain.MediaVoice {
		options["ivr"] = func() string { return listOrNone(r, menuPaths, 2) }
		options["abandonedIn"] = func() string { return pick(r, []string{"ivr", "queue"}) }
		return options
	}
	options["category"] = func() string { return list(r, categories, 2) }
	options["supportType"] = func() string { return pick(r, []string{"message", "comment"}) }
	options["assigned"], options["done"], options["supported"] = yesNo, yesNo, yesNo
	options["respondedWithin"] = func() string { return strconv.Itoa(pick(r, withinMinutes)) }
	return options
}

func sortedKeys[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// matches is the report's definition, written directly over the
// interaction's fields: the brute force the store's answers must equal.
func matches(in *domain.Interaction, req *tracking.Request, q url.Values) bool {
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
	case !listSelects(q, "services", serviceSet...):
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
	case !listSelects(q, "channel", channel):
		return false
	case f.DID != "" && !strings.Contains(in.DID, f.DID):
		return false
	case f.Disposition != "" && f.Disposition != disposition:
		return false
	case f.Agent != "" && !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(fold(n), fold(f.Agent)) }):
		return false
	}
	return matchesDrillDown(in, q)
}

// matchesDrillDown is the drill-down filters' definition, read from the
// query string itself so the parsing and the unit conversion are checked
// too: the final agent, the IVR, where a call was abandoned, the
// conversation's category, support type and flags (a missing conversation
// is not assigned, done or supported), responded within X minutes
// (supported and a wait of at most X·60,000 ms) and the CSAT rating.
func matchesDrillDown(in *domain.Interaction, q url.Values) bool {
	oneOf := func(name, v string) bool { return listSelects(q, name, v) }
	is := func(name string, v bool) bool { return !q.Has(name) || (q.Get(name) == "yes") == v }
	var finalAgent, menuPath string
	if in.Agent != nil {
		finalAgent = in.Agent.ID
	}
	if in.Session != nil {
		menuPath = in.Session.MenuPath
	}
	c := in.Conversation
	if c == nil {
		c = &domain.Conversation{}
	}
	if a := q.Get("abandonedIn"); a != "" && (in.VoiceStatus != domain.VoiceAbandoned || (in.Queued == nil) != (a == "ivr")) {
		return false
	}
	if w := q.Get("respondedWithin"); w != "" {
		minutes, _ := strconv.Atoi(w)
		if !c.Supported || in.Wait.Millis() > int64(minutes)*60000 {
			return false
		}
	}
	return oneOf("finalAgents", finalAgent) && oneOf("ivr", menuPath) && oneOf("category", c.Category) &&
		(!q.Has("supportType") || q.Get("supportType") == c.SupportType) &&
		is("assigned", c.Assigned) && is("done", c.Completed) && is("supported", c.Supported) &&
		is("rated", in.CSAT != nil) && is("waited", in.Wait > 0) && is("handled", in.Handle > 0)
}

// listSelects is an "any of" list parameter's definition, read with
// encoding/csv (the list syntax is a CSV record): absent selects
// everything; else an interaction with one of the values, and one with no
// value at all (have: "" or nothing) when the list holds "".
func listSelects(q url.Values, name string, have ...string) bool {
	if !q.Has(name) {
		return true
	}
	rd := csv.NewReader(strings.NewReader(q.Get(name)))
	want, err := rd.Read()
	if err != nil {
		panic(fmt.Sprintf("%s=%s: %v", name, q.Get(name), err))
	}
	none := true
	for _, h := range have {
		if h != "" {
			none = false
			if slices.Contains(want, h) {
				return true
			}
		}
	}
	return none && slices.Contains(want, "")
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
	checkDrillDownData(t, ins)
	const queries = 200 // every other one a drill-down query
	matched, multiPage, empty := 0, 0, 0
	drill := map[string]*drillUse{}
	for n := 0; n < queries; n++ {
		m := pick(r, propMedia)
		var key string // the drill-down filter this query is about
		if n%2 == 1 {
			key = drillDownKeys[(n/2)%len(drillDownKeys)]
			m = drillDownMedia(r, key)
		}
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
		randomFilters(r, m, q, key)
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
			if matches(&ins[i], req, q) {
				want = append(want, ins[i].ID)
			}
		}
		sortLike(want, ins, req.Desc)
		got := e.all(t, q, id)
		if !slices.Equal(got, want) {
			t.Fatalf("query %d %s (budget %+v):\n got %d %v\nwant %d %v", n, q.Encode(), e.svc.Budget, len(got), got, len(want), want)
		}
		matched += len(want)
		for _, name := range drillDownNames {
			countDrillDown(drill, name, ins, req, q, len(want))
		}
		if l, _ := strconv.Atoi(q.Get("limit")); len(want) > l {
			multiPage++
		}
		if len(want) == 0 {
			empty++
		}
	}
	// The test means something only if queries match, page and miss.
	t.Logf("matched %d rows; %d queries paged, %d matched nothing", matched, multiPage, empty)
	if matched < 1200 || multiPage < 30 || empty < 6 || empty > 60 {
		t.Fatalf("the random queries don't exercise the report: matched %d, paged %d, empty %d", matched, multiPage, empty)
	}
	// Each drill-down filter must have been drawn, kept rows and dropped
	// rows the rest of its query would have kept.
	for _, name := range sortedKeys(drill) {
		u := drill[name]
		t.Logf("%s: %d queries, %d matched rows, %d queries where it dropped rows", name, u.queries, u.rows, u.narrowed)
		if u.rows < 2 || u.narrowed < 2 {
			t.Errorf("filter %s is not exercised: %+v", name, *u)
		}
	}
	if len(drill) != len(drillDownKeys) {
		t.Errorf("drill-down filters drawn: %v", sortedKeys(drill))
	}
}

var drillDownNames = []string{"finalAgents", "rated", "ivr", "abandonedIn", "category", "supportType", "assigned", "done", "supported", "respondedWithin",
	"waited", "handled", "services", "channel"}

// drillUse is how one drill-down filter fared in the random queries.
type drillUse struct{ queries, rows, narrowed int }

// countDrillDown records a query's use of the filter name, if it has it:
// the rows it matched, and whether the query without the filter matches
// more.
func countDrillDown(uses map[string]*drillUse, name string, ins []domain.Interaction, req *tracking.Request, q url.Values, matched int) {
	if !q.Has(name) {
		return
	}
	key := name // both answers of a two-valued filter are exercised
	if v := q.Get(name); slices.Contains([]string{"yes", "no", "ivr", "queue", "message", "comment"}, v) {
		key += "=" + v
	}
	u := uses[key]
	if u == nil {
		u = &drillUse{}
		uses[key] = u
	}
	u.queries++
	u.rows += matched
	without := cloneValues(q)
	without.Del(name)
	wider := 0
	for i := range ins {
		if matches(&ins[i], req, without) {
			wider++
		}
	}
	if wider > matched {
		u.narrowed++
	}
}

// checkDrillDownData checks the records reach the edges the drill-down
// filters must tell apart: a wait of exactly each respondedWithin bound
// and a millisecond over it on supported conversations, text interactions
// without a conversation, abandoned calls with and without a queued
// instant, rated and unrated interactions, and transfers whose earlier
// agent is not the final one.
func checkDrillDownData(t *testing.T, ins []domain.Interaction) {
	t.Helper()
	count := map[string]int{}
	for i := range ins {
		in := &ins[i]
		c := in.Conversation
		if in.Media != domain.MediaVoice && c == nil {
			count["no conversation"]++
		}
		if c != nil && c.Supported {
			for _, x := range withinMinutes {
				switch in.Wait.Millis() {
				case int64(x) * 60000:
					count[fmt.Sprintf("wait %dm exactly", x)]++
				case int64(x)*60000 + 1:
					count[fmt.Sprintf("wait %dm + 1ms", x)]++
				}
			}
		}
		if in.VoiceStatus == domain.VoiceAbandoned {
			count[fmt.Sprintf("abandoned, queued %v", in.Queued != nil)]++
		}
		count[fmt.Sprintf("rated %v", in.CSAT != nil)]++
		if len(in.Legs) > 1 && in.Agent != nil && in.Legs[0].AgentID != in.Agent.ID {
			count["earlier agent not final"]++
		}
	}
	want := []string{"no conversation", "abandoned, queued true", "abandoned, queued false", "rated true", "rated false", "earlier agent not final"}
	for _, x := range withinMinutes {
		want = append(want, fmt.Sprintf("wait %dm exactly", x), fmt.Sprintf("wait %dm + 1ms", x))
	}
	for _, k := range want {
		if count[k] < 3 {
			t.Errorf("the records have %d of %q", count[k], k)
		}
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
