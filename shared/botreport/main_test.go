package botreport_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

var testKey = []byte("botreport-tests-signing-key-0123456789")

// env is one test's table with tenants acme (in zone) and beta, and the
// report service over it.
type env struct {
	st  *store.Store
	svc *botreport.Service
}

func newEnv(tb testing.TB, zone string, now time.Time) *env {
	tb.Helper()
	client := localaws.MustDynamo(tb).Client()
	name := localaws.UniqueName(tb, "t")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	st := store.New(client, name)
	for _, t := range []store.Tenant{"acme", "beta"} {
		s := domain.DefaultSettings()
		s.TimeZone = zone
		if err := st.PutSettings(ctx, t, s); err != nil {
			tb.Fatal(err)
		}
	}
	signer, err := cursor.NewSigner(testKey)
	if err != nil {
		tb.Fatal(err)
	}
	return &env{st: st, svc: &botreport.Service{Store: st, Cursors: signer, Now: func() time.Time { return now }}}
}

// load stores sessions for tenant t with the batched first-load path.
func (e *env) load(tb testing.TB, t store.Tenant, sessions []domain.BotSession) {
	tb.Helper()
	var batch []*store.PreparedBotSession
	for _, b := range sessions {
		p, err := store.PrepareBotSession(t, b)
		if err != nil {
			tb.Fatalf("prepare %s: %v", b.ID, err)
		}
		batch = append(batch, p)
	}
	if _, err := e.st.LoadNewBotSessions(context.Background(), batch); err != nil {
		tb.Fatal(err)
	}
}

// all pages through a request to its end and returns the sessions in
// order, checking each page's count and size.
func (e *env) all(tb testing.TB, q url.Values, id domain.Identity, limit int) []botreport.Session {
	tb.Helper()
	var out []botreport.Session
	q = cloneValues(q)
	for pages := 0; ; pages++ {
		if pages > 5000 {
			tb.Fatal("paging does not end")
		}
		resp, err := e.svc.Page(context.Background(), q, id)
		if err != nil {
			tb.Fatalf("%s: %v", q.Encode(), err)
		}
		if resp.Totals.Count != len(resp.Sessions) || len(resp.Sessions) > limit {
			tb.Fatalf("page of %d sessions counts %d (limit %d)", len(resp.Sessions), resp.Totals.Count, limit)
		}
		out = append(out, resp.Sessions...)
		if resp.NextCursor == nil {
			return out
		}
		q.Set("cursor", *resp.NextCursor)
	}
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}
