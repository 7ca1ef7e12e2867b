package store_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// scanKeys lists every (pk, sk) of the table: test-only admin tooling.
func scanKeys(tb testing.TB, s *store.Store) []string {
	tb.Helper()
	var keys []string
	for _, it := range scanAll(tb, s) {
		keys = append(keys, it["pk"].(*types.AttributeValueMemberS).Value+" | "+it["sk"].(*types.AttributeValueMemberS).Value)
	}
	return keys
}

func scanAll(tb testing.TB, s *store.Store) []map[string]types.AttributeValue {
	tb.Helper()
	p := dynamodb.NewScanPaginator(s.Client(), &dynamodb.ScanInput{TableName: aws.String(s.TableName()), ConsistentRead: aws.Bool(true)})
	var out []map[string]types.AttributeValue
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, page.Items...)
	}
	return out
}

func TestPutInteractionVersions(t *testing.T) {
	ctx := context.Background()
	tenant := store.Tenant("acme")
	v1 := chat("c1", base.Add(time.Hour))
	v2 := chat("c1", base.Add(2*time.Hour))
	v2.Agent = &domain.Agent{ID: "ag2", Name: "Bruno"}
	v2.Messages = append(v2.Messages, domain.Message{ID: "m3", At: base.Add(3 * time.Minute), Direction: "in", Sender: "customer", ContentType: "text", Content: "Obrigado"})
	v3 := chat("c1", base.Add(3*time.Hour))
	v3.Start = base.Add(-48 * time.Hour) // a correction that moves the row to another day
	v3.Answered, v3.Finished = tp(v3.Start.Add(time.Minute)), tp(v3.Start.Add(5*time.Minute))
	v3.Messages = nil
	v3.Protocol = ""

	tests := []struct {
		name  string
		order []domain.Interaction
		want  []store.Outcome
		final domain.Interaction
	}{
		{"in order", []domain.Interaction{v1, v2, v3}, []store.Outcome{store.Written, store.Written, store.Written}, v3},
		{"newest first", []domain.Interaction{v3, v1, v2}, []store.Outcome{store.Written, store.Stale, store.Stale}, v3},
		{"middle last", []domain.Interaction{v1, v3, v2}, []store.Outcome{store.Written, store.Written, store.Stale}, v3},
		{"replays", []domain.Interaction{v2, v2, v1, v2}, []store.Outcome{store.Written, store.Unchanged, store.Stale, store.Unchanged}, v2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := MustStore(t)
			for i, in := range tc.order {
				got, err := s.PutInteraction(ctx, tenant, in)
				if err != nil {
					t.Fatal(err)
				}
				if got != tc.want[i] {
					t.Errorf("write %d: got %v, want %v", i, got, tc.want[i])
				}
			}
			got, err := s.GetInteraction(ctx, tenant, "c1")
			if err != nil {
				t.Fatal(err)
			}
			want := tc.final
			want.Normalize()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("stored %+v\nwant %+v", got, want)
			}
			// Exactly the final version's items remain: one row, in its day.
			keys := scanKeys(t, s)
			var rows []string
			for _, k := range keys {
				if strings.Contains(k, "#M#") {
					rows = append(rows, k)
				}
			}
			// The old protocol no longer finds anything.
			out, err := s.Client().Query(ctx, &dynamodb.QueryInput{
				TableName: aws.String(s.TableName()), IndexName: aws.String(store.GSI1),
				KeyConditionExpression:    aws.String("gsi1pk = :p"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: tenant.ProtocolGSI("P-c1")}},
			})
			if err != nil {
				t.Fatal(err)
			}
			if wantHits := map[bool]int32{true: 1, false: 0}[want.Protocol != ""]; out.Count != wantHits {
				t.Errorf("protocol lookup found %d items, want %d", out.Count, wantHits)
			}
			day := domain.UTCDay(want.Start)
			if len(rows) != 1 || !strings.Contains(rows[0], "#D#"+day) {
				t.Errorf("rows = %v, want one row in day %s", rows, day)
			}
		})
	}
}

func TestGetInteractionNotFound(t *testing.T) {
	s := MustStore(t)
	_, err := s.GetInteraction(context.Background(), "acme", "nope")
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
}

func TestLongChatIsChunked(t *testing.T) {
	s := MustStore(t)
	in := chat("long", base.Add(time.Hour))
	in.Messages = nil
	body := strings.Repeat("x", 3000)
	for i := range 700 {
		in.Messages = append(in.Messages, domain.Message{
			ID: "m" + strconv.Itoa(i), At: base.Add(time.Duration(i) * time.Second), Direction: "in",
			Sender: "customer", ContentType: "text", Content: body[:1000+i%1000],
		})
	}
	if err := in.Validate(base.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.PutInteraction(ctx, "acme", in); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetInteraction(ctx, "acme", "long")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 700 || got.Messages[699].ID != "m699" {
		t.Fatalf("got %d messages", len(got.Messages))
	}
	chunks := 0
	for _, k := range scanKeys(t, s) {
		if strings.Contains(k, "MSG#") {
			chunks++
		}
	}
	if chunks < 2 {
		t.Fatalf("want several chunks, got %d", chunks)
	}
}
