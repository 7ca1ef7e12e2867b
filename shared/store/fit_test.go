package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Records at the edges of the validation limits either store whole or are
// refused as invalid up front; none may fail inside DynamoDB.
func TestLargeRecordsStoreOrAreRefused(t *testing.T) {
	s := MustStore(t)
	ctx := context.Background()
	now := base.Add(24 * time.Hour)

	angle := chat("angle", base.Add(time.Hour)) // 1 MB of "<": stored raw, not as \u003c
	angle.Media = domain.MediaEmail
	angle.Messages = nil
	for i := range 260 {
		angle.Messages = append(angle.Messages, domain.Message{ID: fmt.Sprintf("m%03d", i), At: base.Add(time.Duration(i) * time.Second),
			Direction: "in", Sender: "customer", ContentType: "text", Content: strings.Repeat("<", 4000)})
	}

	crowd := chat("crowd", base.Add(time.Hour)) // a large document leaves little room in META
	for i := range 100 {
		crowd.Participants = append(crowd.Participants, domain.Participant{Type: "third_party", ID: fmt.Sprint(i), Name: strings.Repeat("𝄞", 256)})
	}
	crowd.InternalComments = strings.Repeat("ç", 4000)
	for i := range 60 {
		crowd.Messages = append(crowd.Messages, domain.Message{ID: fmt.Sprintf("x%02d", i), At: base.Add(time.Duration(i) * time.Second),
			Direction: "out", Sender: "agent", ContentType: "text", Content: strings.Repeat("€", 4000)})
	}

	for _, in := range []domain.Interaction{angle, crowd} {
		t.Run(in.ID, func(t *testing.T) {
			if err := in.Validate(now); err != nil {
				t.Fatal(err)
			}
			if _, err := store.PrepareInteraction("acme", in); err != nil {
				t.Fatalf("prepare: %v", err)
			}
			if _, err := s.PutInteraction(ctx, "acme", in); err != nil {
				t.Fatal(err)
			}
			got, err := s.GetInteraction(ctx, "acme", in.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := in
			want.Normalize()
			if !reflect.DeepEqual(got.Messages, want.Messages) || len(got.Participants) != len(want.Participants) {
				t.Fatalf("read back %d messages, %d participants", len(got.Messages), len(got.Participants))
			}
		})
	}

	t.Run("bot session over the item limit", func(t *testing.T) {
		b := domain.BotSession{ID: "b1", Channel: domain.MediaWhatsApp, Updated: base, Start: base, Info: map[string]string{}}
		for i := range 100 {
			b.Info[fmt.Sprintf("K%03d", i)] = strings.Repeat("é", 4000)
		}
		if err := b.Validate(now); err != nil {
			t.Fatal(err)
		}
		_, err := store.PrepareBotSession("acme", b)
		if domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("prepare: %v, want invalid", err)
		}
		if _, err := s.PutBotSession(ctx, "acme", b); domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("put: %v, want invalid", err)
		}
	})
}

// Many versions of one interaction written at once end in the newest.
func TestConcurrentVersionsEndInNewest(t *testing.T) {
	s := MustStore(t)
	ctx := context.Background()
	const n = 30
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for v := 1; v <= n; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := chat("hot", base.Add(time.Hour))
			in.Version = int64(v)
			in.Agent = &domain.Agent{ID: fmt.Sprintf("a%02d", v)}
			if _, err := s.PutInteraction(ctx, "acme", in); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := s.GetInteraction(ctx, "acme", "hot")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != n || got.Agent.ID != fmt.Sprintf("a%02d", n) {
		t.Fatalf("ended at version %d, want %d", got.Version, n)
	}
	rows := 0
	for _, k := range scanKeys(t, s) {
		if strings.Contains(k, "#M#") {
			rows++
		}
	}
	if rows != 1 {
		t.Fatalf("%d rows, want 1", rows)
	}
}
