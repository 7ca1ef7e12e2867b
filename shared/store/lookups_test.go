package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// lookupFixture is one client's interactions on two media over three
// days, some transferred, in two queues, plus another client's.
func lookupFixture(tb testing.TB, s *store.Store, t store.Tenant) {
	tb.Helper()
	var all []domain.Interaction
	for i := range 7 {
		in := chat(fmt.Sprintf("c%d", i), base.Add(time.Hour))
		in.Start = base.Add(time.Duration(i) * 9 * time.Hour)
		in.Answered, in.Finished = tp(in.Start.Add(time.Minute)), tp(in.Start.Add(10*time.Minute))
		in.Messages[0].At, in.Messages[1].At = in.Start.Add(time.Minute), in.Start.Add(2*time.Minute)
		in.Messages[0].Content = fmt.Sprintf("mensagem %d: %s", i, strings.Repeat("é", 100))
		in.Queue = []string{"Vendas", "Suporte"}[i%2]
		in.Protocol = fmt.Sprintf("P-%d", i%3) // P-0 is shared by c0, c3 and c6
		in.ExternalProtocol = fmt.Sprintf("X-%d", i)
		if i%2 == 1 { // a voice call of the same client, by phone
			in.Media = domain.MediaVoice
			in.Messages = nil
			in.Voice = &domain.VoiceDetails{RecordingKey: "recordings/c.wav"}
		}
		if i == 4 { // transferred: ag2 held the first leg, ag1 closed it
			in.Legs = []domain.Leg{
				{Seq: 1, AgentID: "ag2", AgentName: "Bia", Queue: "Vendas", Start: in.Start, End: tp(in.Start.Add(2 * time.Minute)), EndReason: "transferred"},
				{Seq: 2, AgentID: "ag1", AgentName: "Ana", Queue: "Vendas", Start: in.Start.Add(2 * time.Minute), End: in.Finished, EndReason: "completed"},
			}
		}
		all = append(all, in)
	}
	other := chat("other", base.Add(time.Hour))
	other.Contact = &domain.Contact{Name: "Maria", Phone: "+5521988880000"}
	other.Agent = &domain.Agent{ID: "ag2", Name: "Bia"}
	all = append(all, other)
	for _, in := range all {
		if _, err := s.PutInteraction(context.Background(), t, in); err != nil {
			tb.Fatal(err)
		}
	}
}

func ids(items []store.Summary) []string {
	var out []string
	for _, s := range items {
		out = append(out, s.ID)
	}
	return out
}

// pageAll follows a lookup's pages to the end.
func pageAll(tb testing.TB, limit int, read func(pos *store.LookupPos, limit int) (store.SummaryPage, error)) (got []string, pages int) {
	tb.Helper()
	var pos *store.LookupPos
	for {
		p, err := read(pos, limit)
		if err != nil {
			tb.Fatal(err)
		}
		if len(p.Items) > limit {
			tb.Fatalf("page of %d items, limit %d", len(p.Items), limit)
		}
		got = append(got, ids(p.Items)...)
		pages++
		if p.Next == nil {
			return got, pages
		}
		if pages > 50 {
			tb.Fatal("paging does not end")
		}
		pos = p.Next
	}
}

func TestContactAndAgentHistory(t *testing.T) {
	ctx := context.Background()
	s := MustStore(t)
	tenant := store.Tenant("acme")
	lookupFixture(t, s, tenant)
	contact := "tel:5511999990000"
	tests := []struct {
		name  string
		read  func(store.LookupQuery, *store.LookupPos, int) (store.SummaryPage, error)
		q     store.LookupQuery
		limit int
		want  []string
	}{
		{"client, oldest first", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.ContactHistory(ctx, tenant, contact, q, p, n)
		}, store.LookupQuery{}, 3, []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6"}},
		{"client, newest first, one per page", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.ContactHistory(ctx, tenant, contact, q, p, n)
		}, store.LookupQuery{Desc: true}, 1, []string{"c6", "c5", "c4", "c3", "c2", "c1", "c0"}},
		{"client, supervisor of Suporte", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.ContactHistory(ctx, tenant, contact, q, p, n)
		}, store.LookupQuery{Queues: []string{"Suporte"}, Desc: true}, 2, []string{"c5", "c3", "c1"}},
		{"client, supervisor without queues", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.ContactHistory(ctx, tenant, contact, q, p, n)
		}, store.LookupQuery{Queues: []string{}}, 5, nil},
		{"agent ag1 closed them all", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.AgentHistory(ctx, tenant, "ag1", q, p, n)
		}, store.LookupQuery{}, 4, []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6"}},
		{"agent ag2: an earlier leg and a closed one", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.AgentHistory(ctx, tenant, "ag2", q, p, n)
		}, store.LookupQuery{}, 1, []string{"other", "c4"}},
		{"unknown agent", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.AgentHistory(ctx, tenant, "nobody", q, p, n)
		}, store.LookupQuery{}, 5, nil},
		{"another tenant's client", func(q store.LookupQuery, p *store.LookupPos, n int) (store.SummaryPage, error) {
			return s.ContactHistory(ctx, "globex", contact, q, p, n)
		}, store.LookupQuery{}, 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, pages := pageAll(t, tc.limit, func(pos *store.LookupPos, n int) (store.SummaryPage, error) { return tc.read(tc.q, pos, n) })
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			// Full pages only, and no empty page at the end.
			if wantPages := max(1, (len(tc.want)+tc.limit-1)/tc.limit); pages != wantPages {
				t.Errorf("%d pages, want %d", pages, wantPages)
			}
		})
	}

	t.Run("summaries carry the history window's columns", func(t *testing.T) {
		p, err := s.AgentHistory(ctx, tenant, "ag2", store.LookupQuery{}, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		var fromEntry store.Summary // c4 reaches ag2 through a lookup entry
		for _, it := range p.Items {
			if it.ID == "c4" {
				fromEntry = it
			}
		}
		if fromEntry.AgentID != "ag1" || fromEntry.Queue != "Vendas" || fromEntry.Protocol != "P-1" || !strings.HasPrefix(fromEntry.Preview, "mensagem 4: éé") {
			t.Errorf("entry summary %+v", fromEntry)
		}
		c, err := s.ContactHistory(ctx, tenant, contact, store.LookupQuery{}, nil, 2)
		if err != nil {
			t.Fatal(err)
		}
		row, voice := c.Items[0], c.Items[1] // rows
		if len([]rune(row.Preview)) != 80 || row.ContactName != "João" || row.State != domain.StateClosed || row.Finished == nil {
			t.Errorf("row summary %+v", row)
		}
		if voice.Media != domain.MediaVoice || voice.RecordingKey != "recordings/c.wav" || voice.Preview != "" {
			t.Errorf("voice summary %+v", voice)
		}
	})
}

func TestProtocolLookups(t *testing.T) {
	ctx := context.Background()
	s := MustStore(t)
	tenant := store.Tenant("acme")
	lookupFixture(t, s, tenant)
	tests := []struct {
		name  string
		find  func(context.Context, store.Tenant, string, store.LookupQuery, int) (store.SummaryPage, error)
		value string
		q     store.LookupQuery
		limit int
		want  []string
		more  bool
	}{
		{"protocol", s.ByProtocol, "P-0", store.LookupQuery{Desc: true}, 10, []string{"c6", "c3", "c0"}, false},
		{"protocol, capped", s.ByProtocol, "P-0", store.LookupQuery{Desc: true}, 2, []string{"c6", "c3"}, true},
		{"protocol, supervisor", s.ByProtocol, "P-0", store.LookupQuery{Queues: []string{"Vendas"}, Desc: true}, 10, []string{"c6", "c0"}, false},
		{"external protocol", s.ByExternalProtocol, "X-4", store.LookupQuery{}, 10, []string{"c4"}, false},
		{"external protocol out of scope", s.ByExternalProtocol, "X-4", store.LookupQuery{Queues: []string{"Suporte"}}, 10, nil, false},
		{"the platform's protocol is not an external one", s.ByExternalProtocol, "P-0", store.LookupQuery{}, 10, nil, false},
		{"unknown", s.ByProtocol, "P-9", store.LookupQuery{}, 10, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.find(ctx, tenant, tc.value, tc.q, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(p.Items); !slices.Equal(got, tc.want) || (p.Next != nil) != tc.more {
				t.Fatalf("got %v (more %v), want %v (more %v)", got, p.Next != nil, tc.want, tc.more)
			}
		})
	}
}

// Index updates trail the table's transaction: for a moment an agent's
// partition can hold an interaction's new row and its old lookup entry.
// Each interaction still comes out once, whatever the page size.
func TestAgentHistoryListsEachInteractionOnce(t *testing.T) {
	ctx := context.Background()
	s := MustStore(t)
	tenant := store.Tenant("acme")
	lookupFixture(t, s, tenant)
	// c4's entry for ag2 (an earlier leg) is re-pointed at ag1's partition,
	// where c4's row already is: the state a lagging index shows while ag2
	// turns into ag1.
	out, err := s.Client().Query(ctx, &dynamodb.QueryInput{
		TableName: aws.String(s.TableName()), IndexName: aws.String(store.GSI3),
		KeyConditionExpression:    aws.String("gsi3pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: tenant.AgentGSI("ag2")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var entry map[string]types.AttributeValue
	for _, it := range out.Items {
		if it["pk"].(*types.AttributeValueMemberS).Value == tenant.DetailsPartition("c4") {
			entry = it
		}
	}
	if entry == nil {
		t.Fatal("c4 has no lookup entry for ag2")
	}
	entry["gsi3pk"] = &types.AttributeValueMemberS{Value: tenant.AgentGSI("ag1")}
	if _, err := s.Client().PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.TableName()), Item: entry}); err != nil {
		t.Fatal(err)
	}
	want := []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6"}
	for _, limit := range []int{1, 2, 4, 5, 10} {
		for _, desc := range []bool{false, true} {
			got, _ := pageAll(t, limit, func(pos *store.LookupPos, n int) (store.SummaryPage, error) {
				return s.AgentHistory(ctx, tenant, "ag1", store.LookupQuery{Desc: desc}, pos, n)
			})
			w := slices.Clone(want)
			if desc {
				slices.Reverse(w)
			}
			if !slices.Equal(got, w) {
				t.Errorf("limit %d desc %v: got %v, want %v", limit, desc, got, w)
			}
		}
	}
}
