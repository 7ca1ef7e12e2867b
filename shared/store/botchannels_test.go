package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// The bot report reads only the channels sessions are on: an unfiltered
// query over every text channel costs one channel's partitions, and a
// session on a new channel is found as soon as it is stored.
func TestBotQueryReadsChannelsInUse(t *testing.T) {
	ctx := context.Background()
	st := MustStore(t)
	g := demodata.New(demodata.Config{Seed: 3, Interactions: 20, End: base, Days: 10, Zone: time.UTC, BotSessions: 40})
	var on, off []domain.BotSession
	for b := range g.BotSessions() {
		if b.Channel == domain.MediaWhatsApp {
			on = append(on, b)
		} else {
			off = append(off, b)
		}
	}
	if len(on) == 0 || len(off) == 0 {
		t.Fatalf("%d WhatsApp and %d other sessions: the generator changed", len(on), len(off))
	}
	var first []*store.PreparedBotSession // a first load: the list holds for all time
	for _, b := range on {
		p, err := store.PrepareBotSession("acme", b)
		if err != nil {
			t.Fatal(err)
		}
		first = append(first, p)
	}
	if _, err := st.LoadNewBotSessions(ctx, first); err != nil {
		t.Fatal(err)
	}
	q := store.BotQuery{Channels: domain.TextMedia, Spans: []store.Span{{From: base.AddDate(0, 0, -10), To: base}}, Desc: true}
	count := func() (int, int) {
		t.Helper()
		total, requests := 0, 0
		var pos store.BotPos
		for {
			p, err := st.QueryBotSessions(ctx, "acme", q, pos, 100, store.PageBudget{})
			if err != nil {
				t.Fatal(err)
			}
			total, requests = total+len(p.Sessions), requests+p.Requests
			if p.Next == nil {
				return total, requests
			}
			pos = *p.Next
		}
	}
	n, requests := count()
	if n != len(on) {
		t.Fatalf("found %d sessions, stored %d", n, len(on))
	}
	// One read of the list and at most the 11 UTC days of one channel (a
	// page budget may split a day in two calls), not 9 channels' days.
	if requests > 1+2*11 {
		t.Errorf("%d requests for one channel's sessions over 10 days", requests)
	}
	if _, err := st.PutBotSession(ctx, "acme", off[0]); err != nil {
		t.Fatal(err)
	}
	if n, _ := count(); n != len(on)+1 {
		t.Fatalf("after a session on %s, found %d sessions, want %d", off[0].Channel, n, len(on)+1)
	}
}

// Sessions stored before the channel list existed stay in the report when
// a later session creates the list without their channels.
func TestBotQueryBeforeTheChannelList(t *testing.T) {
	ctx := context.Background()
	st := MustStore(t)
	g := demodata.New(demodata.Config{Seed: 4, Interactions: 20, End: base, Days: 10, Zone: time.UTC, BotSessions: 60})
	byChannel := map[domain.Media][]domain.BotSession{}
	for b := range g.BotSessions() {
		byChannel[b.Channel] = append(byChannel[b.Channel], b)
	}
	old := append(byChannel[domain.MediaWhatsApp], byChannel[domain.MediaWebchat]...)
	for _, b := range old {
		if _, err := st.PutBotSession(ctx, "acme", b); err != nil {
			t.Fatal(err)
		}
	}
	// As if stored by a build without the list.
	k := store.Tenant("acme").BotChannelsKey()
	if _, err := st.Client().DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(st.TableName()), Key: map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: k.PK}, "sk": &types.AttributeValueMemberS{Value: k.SK},
	}}); err != nil {
		t.Fatal(err)
	}
	late := byChannel[domain.MediaTelegram][0]
	// A fresh process: nothing noted yet.
	fresh := store.New(st.Client(), st.TableName())
	if _, err := fresh.PutBotSession(ctx, "acme", late); err != nil {
		t.Fatal(err)
	}
	q := store.BotQuery{Channels: domain.TextMedia, Spans: []store.Span{{From: base.AddDate(0, 0, -10), To: base}}}
	var pos store.BotPos
	found := 0
	for {
		p, err := fresh.QueryBotSessions(ctx, "acme", q, pos, 100, store.PageBudget{})
		if err != nil {
			t.Fatal(err)
		}
		found += len(p.Sessions)
		if p.Next == nil {
			break
		}
		pos = *p.Next
	}
	if found != len(old)+1 {
		t.Fatalf("found %d sessions, stored %d", found, len(old)+1)
	}
}
