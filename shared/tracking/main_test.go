package tracking_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/cursor"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

func TestMain(m *testing.M) { localaws.Main(m) }

var testKey = []byte("tracking-tests-signing-key-0123456789")

// env is one test's table with a tenant in a given zone, and the report
// service over it.
type env struct {
	st     *store.Store
	tenant store.Tenant
	svc    *tracking.Service
	client *dynamodb.Client // for items older code may have written
	table  string
}

func newEnv(tb testing.TB, zone string, now time.Time) *env {
	tb.Helper()
	d := localaws.MustDynamo(tb)
	client := d.Client()
	name := localaws.UniqueName(tb, "t")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	st := store.New(client, name)
	tenant := store.Tenant("acme")
	s := domain.DefaultSettings()
	s.TimeZone = zone
	if err := st.PutSettings(ctx, tenant, s); err != nil {
		tb.Fatal(err)
	}
	signer, err := cursor.NewSigner(testKey)
	if err != nil {
		tb.Fatal(err)
	}
	return &env{st: st, tenant: tenant, svc: &tracking.Service{Store: st, Cursors: signer, Now: func() time.Time { return now }}, client: client, table: name}
}

// load stores interactions with the batched first-load path.
func (e *env) load(tb testing.TB, ins []domain.Interaction) {
	tb.Helper()
	var batch []*store.PreparedInteraction
	for _, in := range ins {
		p, err := store.PrepareInteraction(e.tenant, in)
		if err != nil {
			tb.Fatalf("prepare %s: %v", in.ID, err)
		}
		batch = append(batch, p)
	}
	if _, err := e.st.LoadNew(context.Background(), batch); err != nil {
		tb.Fatal(err)
	}
}

// all pages through a request to its end and returns the ids in order.
func (e *env) all(tb testing.TB, q url.Values, id domain.Identity) []string {
	tb.Helper()
	var ids []string
	q = cloneValues(q)
	for pages := 0; ; pages++ {
		if pages > 10000 {
			tb.Fatal("paging does not end")
		}
		resp, err := e.svc.Page(context.Background(), q, id, e.tenant)
		if err != nil {
			tb.Fatalf("%s: %v", q.Encode(), err)
		}
		for _, r := range resp.Rows {
			ids = append(ids, r.Get("id").(string))
		}
		if resp.NextCursor == nil {
			return ids
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
