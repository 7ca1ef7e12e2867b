package bench

import (
	"context"
	"encoding/json"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	rpt "github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/agents"
	"github.com/rastro-cc/rastro/shared/report/conversations"
	"github.com/rastro-cc/rastro/shared/report/ivr"
	"github.com/rastro-cc/rastro/shared/report/tags"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// aggregate is one aggregate report request and the media whose raw rows
// the same question would otherwise read.
type aggregate struct {
	name  string
	f     rpt.Func
	q     url.Values
	media []domain.Media
}

// BenchmarkAggregates answers each aggregate report over the data set's
// 31 days (October 2026 in São Paulo) from the rollups, and reports p50
// and p95 latency and the read capacity it consumed against a raw Query
// of the same days' rows of the same media (ReturnConsumedCapacity on
// both): the rollups' whole point. The raw reads are made once per run.
func BenchmarkAggregates(b *testing.B) {
	db := open(b)
	ctx := context.Background()
	if ok, err := db.HasRollups(ctx); err != nil || !ok {
		b.Skipf("the data set's rollups are not built (%v): run make bench-data", err)
	}
	month := func(kv ...string) url.Values {
		q := url.Values{"from": {"2026-10-01"}, "to": {"2026-10-31"}, "zone": {"America/Sao_Paulo"}}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	text := domain.TextMedia
	voice := []domain.Media{domain.MediaVoice}
	all := domain.AllMedia
	cases := []aggregate{
		{"agents", agents.Report, month(), all},
		{"agents/09-12h", agents.Report, month("timeFrom", "09:00", "timeTo", "11:59"), all},
		{"agents/voice", agents.Report, month("media", "voice"), voice},
		{"agents/services", agents.Report, month("services", "Suporte Técnico"), all},
		{"agents/kolkata", agents.Report, month("zone", "Asia/Kolkata"), all},
		{"ivr/by-ivr", ivr.Report, month("group", "ivr"), voice},
		{"ivr/by-agent", ivr.Report, month("group", "agent"), voice},
		{"ivr/by-day", ivr.Report, month("group", "day"), voice},
		{"ivr/by-hour", ivr.Report, month("group", "hour"), voice},
		{"ivr/by-service", ivr.Report, month("group", "service"), voice},
		{"conversations/overview", conversations.Report, month("view", "overview"), text},
		{"conversations/agent", conversations.Report, month("view", "agent"), text},
		{"conversations/hour", conversations.Report, month("view", "hour"), text},
		{"conversations/date", conversations.Report, month("view", "date"), text},
		{"conversations/channel", conversations.Report, month("view", "channel"), text},
		{"tags/time", tags.Report, month("view", "time"), all},
		{"tags/hour", tags.Report, month("view", "time", "interval", "hour"), all},
		{"tags/channel", tags.Report, month("view", "channel"), all},
		{"tags/agent", tags.Report, month("view", "agent"), all},
	}
	env := rpt.Env{
		Store: db.Store, Reader: &rollup.Reader{Store: db.Store}, Tenant: db.Tenant,
		Identity: domain.Identity{Tenant: string(db.Tenant), UserID: "bench", Role: domain.RoleAdmin},
		Settings: domain.DefaultSettings(), Now: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC),
	}
	// -short skips the raw reads (9 minutes on this machine) for quick
	// latency runs; the comparison with raw is then not reported.
	raw := map[domain.Media]float64{}
	if !testing.Short() {
		raw = rawUnits(b, db)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			// One unmeasured request first: the data set is read from disk,
			// and the first request of a case would measure the page cache.
			if _, err := c.f(ctx, env, c.q); err != nil {
				b.Fatalf("%s: %v", c.q.Encode(), err)
			}
			var lat []time.Duration
			var units float64
			for b.Loop() {
				t0 := time.Now()
				resp, err := c.f(ctx, env, c.q)
				if err != nil {
					b.Fatalf("%s: %v", c.q.Encode(), err)
				}
				lat = append(lat, time.Since(t0))
				units = readUnits(b, resp)
			}
			var rawTotal float64
			for _, m := range c.media {
				rawTotal += raw[m]
			}
			report(b, lat)
			b.ReportMetric(units, "rollup-RCU")
			if rawTotal > 0 {
				b.ReportMetric(rawTotal, "raw-RCU")
				b.ReportMetric(100*units/rawTotal, "%-of-raw")
			}
		})
	}
}

func readUnits(b *testing.B, resp any) float64 {
	j, err := json.Marshal(resp)
	if err != nil {
		b.Fatal(err)
	}
	var e struct {
		ReadUnits float64 `json:"readUnits"`
	}
	if err := json.Unmarshal(j, &e); err != nil {
		b.Fatal(err)
	}
	return e.ReadUnits
}

var (
	rawOnce sync.Once
	rawByM  map[domain.Media]float64
)

// rawUnits is, per media, the read capacity of Querying every row of the
// benchmark month (the rows' day partitions between the month's UTC
// bounds, eventually consistent, as a report would read them).
func rawUnits(b *testing.B, db *benchdata.DB) map[domain.Media]float64 {
	rawOnce.Do(func() {
		rawByM = map[domain.Media]float64{}
		for _, m := range domain.AllMedia {
			rawByM[m] = rawCount(b, db, func(day string) string { return db.Tenant.RowPartition(m, day) }).units
		}
		b.Logf("raw read capacity of the month by media: %v", rawByM)
	})
	return rawByM
}

// rawRead is what a raw read of the benchmark month took.
type rawRead struct {
	items int
	units float64
}

// rawCount Queries with Select=COUNT, eventually consistent, the day
// partitions partition names for each UTC day of the benchmark month
// (October 2026 in São Paulo), cut to the month's UTC bounds.
func rawCount(b *testing.B, db *benchdata.DB, partition func(day string) string) rawRead {
	rng := period.Range{From: period.Date{Year: 2026, Month: 10, Day: 1}, To: period.Date{Year: 2026, Month: 10, Day: 31}}
	rng.Loc, _ = domain.LoadZone("America/Sao_Paulo")
	spans := rng.Spans()
	from, to := spans[0].From, spans[len(spans)-1].To
	var r rawRead
	for d := store.Day.Slot(from); d.Before(to); d = d.AddDate(0, 0, 1) {
		// The month's bounds cut its first and last UTC days.
		dayFrom, dayTo := d, d.AddDate(0, 0, 1)
		if dayFrom.Before(from) {
			dayFrom = from
		}
		if dayTo.After(to) {
			dayTo = to
		}
		lo, hi := store.StartBounds(dayFrom, dayTo)
		p := dynamodb.NewQueryPaginator(db.Store.Client(), &dynamodb.QueryInput{
			TableName:              aws.String(db.Store.TableName()),
			KeyConditionExpression: aws.String("pk = :pk AND sk BETWEEN :lo AND :hi"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":pk": &types.AttributeValueMemberS{Value: partition(domain.UTCDay(d))},
				":lo": &types.AttributeValueMemberS{Value: lo}, ":hi": &types.AttributeValueMemberS{Value: hi},
			},
			Select:                 types.SelectCount,
			ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
		})
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			r.items += int(page.Count)
			if page.ConsumedCapacity != nil && page.ConsumedCapacity.CapacityUnits != nil {
				r.units += *page.ConsumedCapacity.CapacityUnits
			}
		}
	}
	return r
}
