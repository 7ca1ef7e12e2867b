package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// MustStore gives the test its own fresh table on the shared DynamoDB Local.
func MustStore(tb testing.TB) *store.Store {
	tb.Helper()
	d := localaws.MustDynamo(tb)
	name := localaws.UniqueName(tb, "t")
	client := d.Client()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := store.CreateTable(ctx, client, name); err != nil {
		tb.Fatal(err)
	}
	return store.New(client, name)
}

var base = time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)

func tp(t time.Time) *time.Time { return &t }

// chat builds a small valid closed chat interaction.
func chat(id string, updated time.Time) domain.Interaction {
	return domain.Interaction{
		ID: id, Media: domain.MediaChat, Updated: updated, Start: base,
		Answered: tp(base.Add(time.Minute)), Finished: tp(base.Add(10 * time.Minute)),
		Queue: "Suporte", Service: "Suporte", Protocol: "P-" + id,
		Agent:   &domain.Agent{ID: "ag1", Name: "Ana"},
		Contact: &domain.Contact{Name: "João", Phone: "+5511999990000"},
		Status:  domain.StatusServiceCompleted,
		Messages: []domain.Message{
			{ID: "m1", At: base.Add(time.Minute), Direction: "in", Sender: "customer", ContentType: "text", Content: "Olá, preciso de ajuda"},
			{ID: "m2", At: base.Add(2 * time.Minute), Direction: "out", Sender: "agent", ContentType: "text", Content: "Claro!"},
		},
	}
}

// plainItems decodes scanned items into plain Go values for comparison.
func plainItems(tb testing.TB, items []map[string]types.AttributeValue) []map[string]any {
	tb.Helper()
	out := make([]map[string]any, len(items))
	for i, it := range items {
		if err := attributevalue.UnmarshalMap(it, &out[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}
