package botreport_test

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

	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// Pools the random sessions and filters draw from, small enough that
// filters match some sessions and miss others.
var (
	botChannels = []domain.Media{domain.MediaWhatsApp, domain.MediaWebchat, domain.MediaTelegram, domain.MediaInstagram}
	names       = []string{"Conceição Souza", "Joao Silva", "JOÃO SILVA", "Ângela", "Bruno Mário", "Zoë", ""}
	phones      = []string{"+5511999990000", "+5511988887777", "+14155550100", ""}
	contacts    = []string{"ana@example.com", "@joaozinho", "Zoë@Mail.com", ""}
	labelPool   = []string{"Segunda Via Sucesso", "Horário de Atendimento", "Transbordo", "FAQ"}
	infoPool    = map[string][]string{
		"NAO_TRANSBORDADA": {"true"},
		"CPF_INFORMADO":    {"true", "false"},
		"INTENCAO":         {"segunda via", "Segunda Via", "suporte técnico"},
		"a.b-c":            {"x", "xy"},
	}
	infoValues = []string{"true", "false", "via", "Segunda Via", "suporte", "x", "xy", "é"}
	queues     = []string{"q1", "q2", "q3"}
	reasons    = []string{"completed", "transferred", "cancelled_inactivity", "abandoned"}
	protocols  = func() []string {
		var out []string
		for i := range 25 {
			out = append(out, fmt.Sprintf("202603%02d%09d", 1+i%28, 926336000+i))
		}
		return out
	}()
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func someOf[T any](r *rand.Rand, s []T, max int) []T {
	var out []T
	for _, i := range r.Perm(len(s))[:r.IntN(max+1)] {
		out = append(out, s[i])
	}
	return out
}

func randomSession(r *rand.Rand, i int, from time.Time, span time.Duration) domain.BotSession {
	start := from.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Millisecond)
	if i%19 == 0 && i > 0 { // identical starts across channels: ties ordered by id
		start = from.Add(span / 2).Truncate(time.Second)
	}
	b := domain.BotSession{
		ID: fmt.Sprintf("s%04d", i), Channel: pick(r, botChannels), Start: start, Updated: start, Version: 1,
		Phone: pick(r, phones), Name: pick(r, names), Contact: pick(r, contacts), Labels: someOf(r, labelPool, 2),
	}
	if r.IntN(3) > 0 {
		b.Protocol = pick(r, protocols)
	}
	b.Info = map[string]string{}
	for k, vals := range infoPool {
		if r.IntN(2) == 0 {
			b.Info[k] = pick(r, vals)
		}
	}
	if r.IntN(3) == 0 {
		b.WentToHuman, b.Queue, b.InteractionID = true, pick(r, queues), fmt.Sprintf("i-%d", i)
	}
	conv := domain.BotConversation{ID: b.ID + "-1", Start: start, WentToHuman: b.WentToHuman}
	if r.IntN(5) > 0 { // the others are still open
		end := start.Add(time.Duration(1+r.IntN(3600)) * time.Second)
		b.End, conv.End, b.Updated = &end, &end, end
		b.EndReason = pick(r, reasons)
		conv.Status = b.EndReason
	}
	b.Conversations = []domain.BotConversation{conv}
	b.Messages = []domain.Message{{ID: "m1", At: start, Direction: "in", Sender: "customer", ContentType: "text", Content: "oi"}}
	return b
}

// randomQuery is a random request over the sessions' weeks, with up to
// three filters.
func randomQuery(r *rand.Rand, first time.Time, sessions []domain.BotSession) url.Values {
	q := url.Values{}
	d0 := r.IntN(40)
	q.Set("from", period.DateOf(first.AddDate(0, 0, d0)).String())
	q.Set("to", period.DateOf(first.AddDate(0, 0, d0+r.IntN(31))).String())
	if r.IntN(2) == 0 {
		q.Set("sort", "asc")
	}
	options := map[string]func(){
		"session": func() {
			q.Set("session", pick(r, []string{pick(r, sessions).ID, "nope"}))
		},
		"protocol": func() { q.Set("protocol", pick(r, protocols)) },
		"labels":   func() { q.Set("labels", strings.Join(append(someOf(r, labelPool, 1), pick(r, labelPool)), ",")) },
		"info": func() {
			keys := []string{"NAO_TRANSBORDADA", "CPF_INFORMADO", "INTENCAO", "a.b-c", "MISSING"}
			op := pick(r, store.InfoOps)
			q.Set("info", pick(r, keys))
			q.Set("op", string(op))
			if op != store.InfoExists {
				q.Set("value", pick(r, infoValues))
			}
		},
		"channel": func() {
			cs := append(someOf(r, botChannels, 2), pick(r, []domain.Media{domain.MediaWhatsApp, domain.MediaSMS}))
			var s []string
			for _, c := range cs {
				s = append(s, string(c))
			}
			q.Set("channel", strings.Join(s, ","))
		},
		"contact": func() {
			q.Set("contact", pick(r, []string{"joao", "JOÃO", "ange", "Mário", "souza", "zoe", "+55 11 9999", "(415) 555", "joaozinho", "mail.com", "0000"}))
		},
		"zone": func() { q.Set("zone", pick(r, []string{"UTC", "Asia/Kolkata", "America/Sao_Paulo"})) },
	}
	names := make([]string, 0, len(options))
	for k := range options {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range someOf(r, names, 3) {
		options[n]()
	}
	return q
}

// matches is the report's definition, written directly over the
// session's fields: the brute force the store's answers must equal.
func matches(b *domain.BotSession, req *botreport.Request) bool {
	f := &req.Filter
	switch {
	case !req.Range.Contains(b.Start), !slices.Contains(req.Channels, b.Channel):
		return false
	case f.Session != "" && f.Session != b.ID:
		return false
	case f.Protocol != "" && f.Protocol != b.Protocol:
		return false
	case f.LabelsAny != nil && !slices.ContainsFunc(f.LabelsAny, func(l string) bool { return slices.Contains(b.Labels, l) }):
		return false
	case f.Info != nil && !infoMatches(b.Info, f.Info):
		return false
	case f.Contact != "" && !contactMatches(b, f.Contact):
		return false
	case f.Queues != nil && !slices.Contains(f.Queues, b.Queue):
		return false
	}
	return true
}

func infoMatches(info map[string]string, c *store.InfoFilter) bool {
	v, ok := info[c.Key]
	switch c.Op {
	case store.InfoEquals:
		return ok && v == c.Value
	case store.InfoNotEquals:
		return !ok || v != c.Value
	case store.InfoContains:
		return ok && strings.Contains(v, c.Value)
	case store.InfoNotContains:
		return !ok || !strings.Contains(v, c.Value)
	}
	return ok
}

// contactMatches: a query written like a phone number searches digits,
// anything else folded text, in the name, the contact and the phone.
func contactMatches(b *domain.BotSession, q string) bool {
	term := fold(q)
	if d := store.Digits(q); len(d) >= 3 && strings.Trim(q, "0123456789+-() .") == "" {
		term = d
	}
	return strings.Contains(fold(b.Name), term) || strings.Contains(fold(b.Contact), term) || strings.Contains(store.Digits(b.Phone), term)
}

// fold is an independent accent folding for the letters the pools use.
func fold(s string) string {
	return strings.NewReplacer("á", "a", "â", "a", "ã", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ç", "c", "ë", "e").Replace(strings.ToLower(s))
}

// wantStatus is the status text each end reason shows.
var wantStatus = map[string]string{
	"completed": "completed", "transferred": "transferred to a human", "cancelled_inactivity": "cancelled for inactivity",
	"abandoned": "abandoned", "": "in progress",
}

// Random sessions over six weeks and random filter sets, paged with random
// limits (and tiny read budgets, so some pages come back short or empty
// with a cursor), equal a brute-force filter: each match exactly once, in
// order, in zones west and east of UTC (one of them :30).
func TestReportEqualsBruteForce(t *testing.T) {
	for _, zone := range []string{"America/Sao_Paulo", "Asia/Kolkata"} {
		t.Run(zone, func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(3, uint64(len(zone))))
			loc, _ := time.LoadLocation(zone)
			first := time.Date(2026, 2, 1, 0, 0, 0, 0, loc)
			now := first.AddDate(0, 0, 45)
			e := newEnv(t, zone, now)
			var sessions []domain.BotSession
			for i := range 360 {
				sessions = append(sessions, randomSession(r, i, first.Add(-6*time.Hour), 44*24*time.Hour))
			}
			e.load(t, "acme", sessions)
			// Another tenant's sessions, ids and protocols the same: never seen.
			e.load(t, "beta", sessions[:40])

			supervisor := domain.Identity{Tenant: "acme", UserID: "s", Role: domain.RoleSupervisor, Queues: []string{"q1", "q3"}}
			matched, multiPage, empty := 0, 0, 0
			for n := range 40 {
				q := randomQuery(r, first, sessions)
				limit := 1 + r.IntN(25)
				q.Set("limit", strconv.Itoa(limit))
				id := admin
				if r.IntN(3) == 0 {
					id = supervisor
				}
				e.svc.Budget = store.PageBudget{MaxEvaluated: []int{0, 1, 7, 60}[r.IntN(4)], Parallel: 1 + r.IntN(4)}
				req, err := botreport.Parse(q, id, settingsIn(zone), now)
				if err != nil {
					t.Fatalf("%s: %v", q.Encode(), err)
				}
				var want []string
				for i := range sessions {
					if matches(&sessions[i], req) {
						want = append(want, sessions[i].ID)
					}
				}
				sortLike(want, sessions, req.Desc)
				got := e.all(t, q, id, limit)
				var gotIDs []string
				for _, s := range got {
					gotIDs = append(gotIDs, s.ID)
					b := sessions[idIndex(s.ID)]
					if s.Status != wantStatus[b.EndReason] || s.Start != b.Start.In(req.Range.Loc).Format("2006-01-02 15:04:05") {
						t.Fatalf("session %s rendered %+v", s.ID, s)
					}
				}
				if !slices.Equal(gotIDs, want) {
					t.Fatalf("query %d %s (budget %+v):\n got %d %v\nwant %d %v", n, q.Encode(), e.svc.Budget, len(gotIDs), gotIDs, len(want), want)
				}
				matched += len(want)
				if len(want) > limit {
					multiPage++
				}
				if len(want) == 0 {
					empty++
				}
			}
			// The test means something only if queries match, page and miss.
			t.Logf("matched %d sessions; %d queries paged, %d matched nothing", matched, multiPage, empty)
			if matched < 300 || multiPage < 8 || empty < 3 || empty > 30 {
				t.Fatalf("the random queries don't exercise the report: matched %d, paged %d, empty %d", matched, multiPage, empty)
			}
		})
	}
}

func idIndex(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "s"))
	return n
}

// sortLike orders ids by start then id, as the report does.
func sortLike(ids []string, sessions []domain.BotSession, desc bool) {
	key := map[string]string{}
	for i := range sessions {
		key[sessions[i].ID] = domain.FormatInstant(sessions[i].Start) + "#" + sessions[i].ID
	}
	sort.Slice(ids, func(i, j int) bool { return (key[ids[i]] < key[ids[j]]) != desc })
}
