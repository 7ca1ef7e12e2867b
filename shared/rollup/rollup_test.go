package rollup_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
)

// MustStore gives the test its own table, with the rollup contributor.
func MustStore(tb testing.TB) *store.Store {
	tb.Helper()
	client := localaws.MustDynamo(tb).Client()
	name := localaws.UniqueName(tb, "r")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTableWithoutStream(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	return store.New(client, name, rollup.Contributor{})
}

// cellDump is every rollup cell of the table as canonical JSON lines,
// sorted: what "byte for byte" compares. (A Scan: test tooling.)
func cellDump(tb testing.TB, st *store.Store) []string {
	tb.Helper()
	var out []string
	p := dynamodb.NewScanPaginator(st.Client(), &dynamodb.ScanInput{TableName: aws.String(st.TableName())})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range page.Items {
			pk := it["pk"].(*types.AttributeValueMemberS).Value
			if !strings.Contains(pk, "#R#") {
				continue
			}
			var m map[string]any
			if err := attributevalue.UnmarshalMap(it, &m); err != nil {
				tb.Fatal(err)
			}
			b, _ := json.Marshal(m) // map keys marshal sorted
			out = append(out, string(b))
		}
	}
	sort.Strings(out)
	return out
}

// TestRollupsExactAndRebuilt sends a history of 800 interactions through
// the transactional path (corrections that move an interaction to another
// agent, status, rating, day or media; replays; stale versions arriving
// after newer ones), then holds the cells equal to the sum of the final
// versions' contributions alone (no delta left anything behind), damages
// them, and holds a rebuild from the rows equal to what the transactions
// kept, byte for byte.
func TestRollupsExactAndRebuilt(t *testing.T) {
	st := MustStore(t)
	ctx := context.Background()
	tenant := store.Tenant("acme")
	from := time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC)
	span := 4 * 24 * time.Hour
	h := rolluptest.Generate(7, 800, from, span)
	rolluptest.Store(t, st, tenant, h)
	incremental := cellDump(t, st)
	if len(h.Sent) < len(h.Final)*5/4 {
		t.Fatalf("only %d versions sent for %d interactions: too few corrections and replays", len(h.Sent), len(h.Final))
	}
	if !equalLines(t, "deltas vs final versions", withoutDigest(t, incremental), expectedCells(t, st, tenant, h.Final)) {
		return
	}

	// Damage the cells: delete some, change others, add a stray one.
	client := st.Client()
	for i, line := range incremental {
		var c struct{ PK, SK string }
		c.PK, c.SK = field(t, line, "pk"), field(t, line, "sk")
		key := map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: c.PK}, "sk": &types.AttributeValueMemberS{Value: c.SK}}
		var err error
		switch i % 7 {
		case 0:
			_, err = client.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(st.TableName()), Key: key})
		case 2: // the same counts in the map form cells had before they were packed in a string
			v, derr := store.DecodeCounters(field(t, line, "v"))
			if derr != nil {
				t.Fatal(derr)
			}
			legacy := map[string]types.AttributeValue{}
			for name, x := range v {
				legacy[name] = &types.AttributeValueMemberN{Value: strconv.FormatInt(x, 10)}
			}
			_, err = client.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String(st.TableName()), Key: key,
				UpdateExpression: aws.String("SET v = :m"), ExpressionAttributeValues: map[string]types.AttributeValue{":m": &types.AttributeValueMemberM{Value: legacy}}})
		case 1:
			_, err = client.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String(st.TableName()), Key: key,
				UpdateExpression: aws.String("SET v = :x"), ExpressionAttributeValues: map[string]types.AttributeValue{":x": &types.AttributeValueMemberS{Value: "n=99"}}})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	stray := tenant.CellKey("ag", store.Quarter, from.Add(time.Hour), "voice|q9|ghost||||")
	if _, err := client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(st.TableName()), Item: map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: stray.PK}, "sk": &types.AttributeValueMemberS{Value: stray.SK},
		"h": &types.AttributeValueMemberS{Value: "x"}, "v": &types.AttributeValueMemberS{Value: "n=1"},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := rollup.Rebuild(ctx, st, tenant, from, from.Add(span), nil); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "rebuild vs transactions", cellDump(t, st), incremental)

	// A second rebuild changes nothing.
	s, err := rollup.Rebuild(ctx, st, tenant, from, from.Add(span), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Written != 0 || s.Deleted != 0 || s.Interactions != len(h.Final) {
		t.Errorf("second rebuild: %+v, want nothing written of %d interactions", s, len(h.Final))
	}
}

// expectedCells sums the final versions' contributions in memory, in the
// dump's form less the digest.
func expectedCells(t *testing.T, st *store.Store, tenant store.Tenant, final []domain.Interaction) []string {
	stored := storedNames(t, st, tenant)
	sums := map[store.Key]map[string]int64{}
	for i := range final {
		in := final[i]
		in.Normalize()
		for _, c := range rollup.Contributions(&in) {
			k := c.Key(tenant)
			if sums[k] == nil {
				sums[k] = map[string]int64{}
			}
			for name, v := range stored(c.Vals) {
				sums[k][name] += v
			}
		}
	}
	var out []string
	for k, v := range sums {
		for name, x := range v {
			if x == 0 {
				delete(v, name)
			}
		}
		if len(v) == 0 {
			continue
		}
		b, _ := json.Marshal(map[string]any{"pk": k.PK, "sk": k.SK, "v": v})
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

// withoutDigest drops the digest attribute from dumped cells and reads
// their counters string as the map it stands for.
func withoutDigest(t *testing.T, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "h")
		vals, err := store.DecodeCounters(m["v"].(string))
		if err != nil {
			t.Fatal(err)
		}
		m["v"] = vals
		b, _ := json.Marshal(m)
		out[i] = string(b)
	}
	sort.Strings(out)
	return out
}

func field(t *testing.T, line, name string) string {
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatal(err)
	}
	return m[name].(string)
}

func equalLines(t *testing.T, what string, got, want []string) bool {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return true
	}
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	n := 0
	for _, l := range got {
		if !w[l] && n < 5 {
			t.Errorf("%s: extra %s", what, l)
			n++
		}
	}
	for _, l := range want {
		if !g[l] && n < 10 {
			t.Errorf("%s: missing %s", what, l)
			n++
		}
	}
	t.Errorf("%s: %d cells, want %d", what, len(got), len(want))
	return false
}

// TestLargestRecordFits: an interaction with the most tags, transfers and
// services a record may carry, corrected to another day, media, agent and
// set of tags, still fits one transaction with its rollup changes; so does
// one with as many services as a split view splits (each is a cell).
func TestLargestRecordFits(t *testing.T) {
	st := MustStore(t)
	ctx := context.Background()
	start := time.Date(2026, 3, 7, 23, 59, 0, 0, time.UTC)
	tags := func(prefix string) []string {
		out := make([]string, domain.MaxTags)
		for i := range out {
			out[i] = fmt.Sprintf("%s%02d", prefix, i)
		}
		return out
	}
	for _, services := range []int{rollup.MaxSplit, domain.MaxLegs} {
		t.Run(fmt.Sprint(services, " services"), func(t *testing.T) {
			in := rolluptest.Generate(9, 1, start, time.Minute).Final[0]
			in.ID += fmt.Sprint("-", services)
			in.Tags = tags("a")
			in.Service, in.Legs = "s0", nil
			for i := range services {
				in.Legs = append(in.Legs, domain.Leg{Seq: i + 1, AgentID: fmt.Sprintf("x%d", i), Service: fmt.Sprintf("s%d", i), Start: in.Start})
			}
			if got := len(in.Services()); got != services {
				t.Fatalf("%d services, want %d", got, services)
			}
			if _, err := st.PutInteraction(ctx, "acme", in); err != nil {
				t.Fatal(err)
			}
			in.Version++
			in.Updated = in.Updated.Add(time.Hour)
			in.Start = start.AddDate(0, 0, 1)
			in.Finished = nil
			in.State, in.Status = domain.StateActive, ""
			in.Media, in.VoiceStatus, in.Session = domain.MediaChat, "", nil
			in.Conversation = &domain.Conversation{Supported: true}
			in.Agent = &domain.Agent{ID: "other"}
			in.Tags = tags("b")
			if out, err := st.PutInteraction(ctx, "acme", in); err != nil || out != store.Written {
				t.Fatalf("correction: %v %v", out, err)
			}
		})
	}
}
