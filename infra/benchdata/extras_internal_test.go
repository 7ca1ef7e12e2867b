package benchdata

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Each step runs EnsureExtras on the database the previous one left.
func TestEnsureExtras(t *testing.T) {
	if testing.Short() {
		t.Skip("starts DynamoDB Local")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	spec := DefaultSpec(200)
	spec.Days = 7 // a week of 40 agents: a thousand-odd events
	db, err := Ensure(ctx, Options{Dir: filepath.Join(t.TempDir(), "dynamodb"), Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}()
	want, err := db.extras()
	if err != nil {
		t.Fatal(err)
	}
	if want.bots != spec.BotSessions || want.events == 0 {
		t.Fatalf("this build's extras: %d bot sessions, %d agent events; want %d and some", want.bots, want.events, spec.BotSessions)
	}
	if has := mustHasExtras(t, db); has {
		t.Fatal("HasExtras before any were loaded")
	}
	stale := func(t *testing.T) {
		mustSetMarker(t, db, extrasMarker, "bots=1 events=1 items=another-build")
		gen, err := spec.generator()
		if err != nil {
			t.Fatal(err)
		}
		var b domain.BotSession
		for b = range gen.BotSessions() {
			break
		}
		b.ID = "stale-" + b.ID
		if _, err := db.Store.PutBotSession(ctx, db.Tenant, b); err != nil {
			t.Fatal(err)
		}
		e := domain.AgentEvent{AgentID: "ag-stale", Type: "login", At: spec.End.Add(-time.Hour)}
		if _, err := db.Store.LoadNewAgentEvents(ctx, db.Tenant, []domain.AgentEvent{e}); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name   string
		before func(t *testing.T)
		quiet  bool // the marker matched: nothing to do, nothing said
	}{
		{name: "first load"},
		{name: "marker matches", quiet: true},
		{name: "interrupted before the marker reruns", before: func(t *testing.T) { mustSetMarker(t, db, extrasMarker, "") }},
		{name: "another build's are replaced", before: stale},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.before != nil {
				s.before(t)
			}
			var log bytes.Buffer
			if err := db.EnsureExtras(ctx, &log); err != nil {
				t.Fatal(err)
			}
			t.Logf("log:\n%s", log.String())
			if quiet := log.Len() == 0; quiet != s.quiet {
				t.Errorf("did nothing: %v, want %v; log:\n%s", quiet, s.quiet, log.String())
			}
			if !mustHasExtras(t, db) {
				t.Error("HasExtras false after EnsureExtras")
			}
			if bots, events := countExtras(t, db); bots != want.bots || events != want.events {
				t.Errorf("stored %d bot sessions and %d agent events, want %d and %d", bots, events, want.bots, want.events)
			}
			if !streamOn(ctx, db.Store.Client()) {
				t.Error("the table's stream is off; template.yaml's is on")
			}
		})
	}
}

func mustHasExtras(t *testing.T, db *DB) bool {
	t.Helper()
	has, err := db.HasExtras(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return has
}

func mustSetMarker(t *testing.T, db *DB, name, value string) {
	t.Helper()
	if err := db.Store.SetMarker(context.Background(), db.Tenant, name, value); err != nil {
		t.Fatal(err)
	}
}

// countExtras reads the data set's window the way the reports do: every
// text channel's bot sessions page by page, and the agent events.
func countExtras(t *testing.T, db *DB) (bots, events int) {
	t.Helper()
	ctx := context.Background()
	spec := db.Info.Spec
	from, to := spec.End.AddDate(0, 0, -spec.Days), spec.End
	q := store.BotQuery{Channels: domain.TextMedia, Spans: []store.Span{{From: from, To: to}}}
	pos := store.BotPos{}
	for {
		page, err := db.Store.QueryBotSessions(ctx, db.Tenant, q, pos, 1000, store.PageBudget{})
		if err != nil {
			t.Fatal(err)
		}
		bots += len(page.Sessions)
		if page.Next == nil {
			break
		}
		pos = *page.Next
	}
	evs, _, err := db.Store.AgentEvents(ctx, db.Tenant, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return bots, len(evs)
}

func TestBar(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		want        string
	}{
		{0, 100, "[....................]   0%"},
		{45, 100, "[#########...........]  45%"},
		{100, 100, "[####################] 100%"},
		{5, 0, ""},
	} {
		if got := bar(tc.done, tc.total); got != tc.want {
			t.Errorf("bar(%d, %d) = %q, want %q", tc.done, tc.total, got, tc.want)
		}
	}
}
