package bench

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
)

// botMix is one chatbot report request and the channels whose month of
// sessions a raw read would otherwise go through.
type botMix struct {
	name     string
	q        url.Values
	channels []domain.Media
}

// BenchmarkBotReport measures the chatbot conversation report's first
// page (50 sessions, newest first) over the data set's 31 days (October
// 2026 in São Paulo), per filter mix, and a session's lookup by id: p50
// and p95 latency, the sessions returned and the items read, against the
// items and read capacity of a raw Select=COUNT Query of the month's bot
// partitions of the same channels. Each iteration is one request through
// botreport.Service, as the function serves it (settings read, parse,
// queries, render, cursor). The report doesn't expose the capacity its
// own reads consumed, so its cost is the items it read.
func BenchmarkBotReport(b *testing.B) {
	db := open(b)
	ok, err := db.HasExtras(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if !ok {
		b.Skip("the data set's bot sessions and agent events are not loaded: run make bench-data")
	}
	benchBotReport(b, db)
}

// benchBotReport is the benchmark on any data set of the benchmark month
// with its extras: a small one in a temporary directory tries it out
// without the hour of loading.
func benchBotReport(b *testing.B, db *benchdata.DB) {
	ctx := context.Background()
	signer, _ := cursor.NewSigner([]byte("bench-cursor-key-0123456789abcdefghij"))
	svc := &botreport.Service{Store: db.Store, Cursors: signer, Now: func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) }}
	admin := domain.Identity{Tenant: string(db.Tenant), UserID: "bench", Role: domain.RoleAdmin}
	month := func(kv ...string) url.Values {
		q := url.Values{"from": {"2026-10-01"}, "to": {"2026-10-31"}, "zone": {"America/Sao_Paulo"}}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	s := botSamples(b, svc, admin, month())
	every := domain.TextMedia // a report without channels reads every text channel's partitions
	mixes := []botMix{
		{"all", month(), every},
		{"whatsapp", month("channel", "whatsapp"), []domain.Media{domain.MediaWhatsApp}},
		{"label", month("labels", s.label), every},
		{"info-contains", month("info", s.infoKey, "op", "contains", "value", s.infoPart), every},
		{"protocol", month("protocol", s.protocol), every},
		{"contact", month("contact", s.contact), every},
	}
	raw := rawBot(b, db)
	for _, m := range mixes {
		b.Run(m.name, func(b *testing.B) {
			var lat []time.Duration
			rows, items := 0, 0
			for b.Loop() {
				t0 := time.Now()
				resp, err := svc.Page(ctx, m.q, admin)
				if err != nil {
					b.Fatalf("%s: %v", m.q.Encode(), err)
				}
				lat = append(lat, time.Since(t0))
				rows, items = len(resp.Sessions), resp.ItemsRead
			}
			var rawItems int
			var rawRCU float64
			for _, c := range m.channels {
				rawItems += raw[c].items
				rawRCU += raw[c].units
			}
			report(b, lat)
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(items), "items-read")
			b.ReportMetric(float64(rawItems), "raw-items")
			b.ReportMetric(rawRCU, "raw-RCU")
			b.ReportMetric(100*float64(items)/float64(max(1, rawItems)), "%-items-of-raw")
		})
	}
	b.Run("session-by-id", func(b *testing.B) {
		var lat []time.Duration
		msgs, n := 0, 0
		for b.Loop() {
			// A different session each time, as a supervisor opens them.
			id := s.ids[n%len(s.ids)]
			n++
			t0 := time.Now()
			resp, err := svc.Session(ctx, admin, id, nil)
			if err != nil {
				b.Fatalf("session %s: %v", id, err)
			}
			lat = append(lat, time.Since(t0))
			msgs = len(resp.Session.Messages)
		}
		report(b, lat)
		b.ReportMetric(float64(msgs), "messages")
	})
}

// botSampled are filter values taken from the report's own first page,
// so the selective mixes select something.
type botSampled struct {
	label, infoKey, infoPart, protocol, contact string
	ids                                         []string
}

func botSamples(b *testing.B, svc *botreport.Service, id domain.Identity, q url.Values) botSampled {
	b.Helper()
	first, err := svc.Page(context.Background(), q, id)
	if err != nil || len(first.Sessions) == 0 {
		b.Fatalf("sample bot sessions: %v (%d sessions)", err, len(first.Sessions))
	}
	var s botSampled
	labels := map[string]int{}
	for _, x := range first.Sessions {
		s.ids = append(s.ids, x.ID)
		for _, l := range x.Labels {
			labels[l]++
		}
		if s.protocol == "" {
			s.protocol = x.Protocol
		}
		if f := strings.Fields(x.Name); s.contact == "" && len(f) > 1 {
			s.contact = f[len(f)-1] // the surname: a name search a supervisor would type
		}
		for k, v := range x.Info {
			// The middle of the page's longest value (ties by key): a word
			// a supervisor would look for, and contains, not equals in
			// disguise.
			r := []rune(v)
			if len(r) < 4 {
				continue
			}
			part, best := r[1:len(r)-1], []rune(s.infoPart)
			if len(part) > len(best) || len(part) == len(best) && k < s.infoKey {
				s.infoKey, s.infoPart = k, string(part)
			}
		}
	}
	// The rarest label of the page: a label filter is looking for few.
	names := make([]string, 0, len(labels))
	for l := range labels {
		names = append(names, l)
	}
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(labels[x]-labels[y], strings.Compare(x, y)) })
	if len(names) > 0 {
		s.label = names[0]
	}
	if s.label == "" || s.infoKey == "" || s.protocol == "" || s.contact == "" {
		b.Fatalf("the first page has no value to sample for some filter: %+v", s)
	}
	b.Logf("samples: %+v", s)
	return s
}

var (
	rawBotOnce sync.Once
	rawBotByC  map[domain.Media]rawRead
)

// rawBot is, per text channel, the items and read capacity of Querying
// every bot session of the benchmark month.
func rawBot(b *testing.B, db *benchdata.DB) map[domain.Media]rawRead {
	rawBotOnce.Do(func() {
		rawBotByC = map[domain.Media]rawRead{}
		for _, c := range domain.TextMedia {
			rawBotByC[c] = rawCount(b, db, func(day string) string { return db.Tenant.BotPartition(c, day) })
		}
		b.Logf("raw read of the month's bot sessions by channel: %v", rawBotByC)
	})
	return rawBotByC
}
