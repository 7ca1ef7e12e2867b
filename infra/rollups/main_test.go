package main

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/rollup/rolluptest"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// TestRebuildCommand loads rows without rollups, as a bulk load does, and
// has the command rebuild them: the report cells must then be exactly
// those the transactional path keeps (rollup's own tests hold that byte for
// byte; here, a second rebuild must find nothing to change).
func TestRebuildCommand(t *testing.T) {
	d := localaws.MustDynamo(t)
	client := d.Client()
	name := localaws.UniqueName(t, "cmd")
	ctx := context.Background()
	if err := store.CreateTable(ctx, client, name); err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	h := rolluptest.Generate(2, 60, from, 2*24*time.Hour)
	st := store.New(client, name)
	batch := make([]*store.PreparedInteraction, len(h.Final))
	for i, in := range h.Final {
		p, err := store.PrepareInteraction("acme", in)
		if err != nil {
			t.Fatal(err)
		}
		batch[i] = p
	}
	if _, err := st.LoadNew(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// Working time kept by PutAgentEvent, then damaged: a day item lost.
	for i, typ := range []string{"login", "pause", "ready", "logout"} {
		e := domain.AgentEvent{AgentID: "ag-1", AgentName: "Ana", Type: typ, At: from.Add(time.Duration(9+i) * time.Hour)}
		if typ == "pause" {
			e.Reason = "café"
		}
		if _, err := st.PutAgentEvent(ctx, "acme", e); err != nil {
			t.Fatal(err)
		}
	}
	dayKey := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: store.Tenant("acme").WorkDayPartition(from)},
		"sk": &types.AttributeValueMemberS{Value: store.WorkAgentSK("ag-1")},
	}
	if _, err := client.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(name), Key: dayKey}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "local")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_REGION", "us-east-1")
	if err := rebuild("acme", "2026-03-07", "2026-03-08", name, d.Endpoint); err != nil {
		t.Fatal(err)
	}
	s, err := rollup.Rebuild(ctx, st, "acme", from, from.AddDate(0, 0, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Interactions != len(h.Final) || s.Written != 0 || s.Deleted != 0 {
		t.Errorf("after the command, a rebuild found %+v; want %d interactions and nothing to change", s, len(h.Final))
	}
	w, err := st.RebuildWork(ctx, "acme", from, from.AddDate(0, 0, 1))
	if err != nil || w.Events != 4 || w.Days != 0 || w.Months != 0 {
		t.Errorf("after the command, working time's rebuild found %+v (%v); want 4 events and nothing to change", w, err)
	}
	got, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(name), Key: dayKey, ConsistentRead: aws.Bool(true)})
	if err != nil || got.Item == nil {
		t.Errorf("the command did not restore the lost day item (%v)", err)
	}
	for _, bad := range [][3]string{{"", "2026-03-07", "2026-03-08"}, {"acme", "07/03/2026", "2026-03-08"}, {"acme", "2026-03-08", "2026-03-07"}} {
		if err := rebuild(bad[0], bad[1], bad[2], name, d.Endpoint); err == nil {
			t.Errorf("rebuild %v: no error", bad)
		}
	}
}
