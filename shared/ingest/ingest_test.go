package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	s3api "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/ingest"
	"github.com/rastro-cc/rastro/shared/store"
)

// records makes n realistic interactions of the month before now.
func records(n int, seed int64) []domain.Interaction {
	zone, _ := time.LoadLocation("America/Sao_Paulo")
	g := demodata.New(demodata.Config{Seed: seed, Interactions: n, End: now.Add(-time.Hour), Days: 30, Zone: zone})
	var out []domain.Interaction
	for in := range g.Interactions() {
		out = append(out, in)
	}
	return out
}

func body(tb testing.TB, key string, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(map[string]any{key: v})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func postBatches(tb testing.TB, e *env, tenant string, recs []domain.Interaction) map[string]float64 {
	tb.Helper()
	total := map[string]float64{}
	for i := 0; i < len(recs); i += 500 {
		end := min(i+500, len(recs))
		status, out := e.post(tb, "/v1/ingest/interactions", body(tb, "interactions", recs[i:end]), ingestClaims(tenant))
		if status != http.StatusOK {
			tb.Fatalf("batch at %d: status %d: %v", i, status, out)
		}
		for k, v := range out {
			total[k] += v.(float64)
		}
	}
	return total
}

func TestReplayLeavesTableByteIdentical(t *testing.T) {
	e := newEnv(t)
	recs := records(1000, 7)
	first := postBatches(t, e, "acme", recs)
	if first["written"] != 1000 {
		t.Fatalf("first pass: %v", first)
	}
	before := snapshot(t, e.st)
	second := postBatches(t, e, "acme", recs)
	if second["unchanged"] != 1000 || second["written"] != 0 {
		t.Fatalf("replay: %v, want 1000 unchanged", second)
	}
	after := snapshot(t, e.st)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("replay changed the table: %d items before, %d after", len(before), len(after))
	}
}

func TestOutOfOrderVersionsEndInNewest(t *testing.T) {
	e := newEnv(t)
	base := records(50, 11)
	// Five versions of each interaction, each a later `updated` with a
	// different agent, sent in a random order across several batches.
	var all []domain.Interaction
	for _, in := range base {
		for v := 1; v <= 5; v++ {
			x := in
			x.Updated = in.Updated.Add(time.Duration(v) * time.Minute)
			x.Version = int64(v)
			x.Agent = &domain.Agent{ID: fmt.Sprintf("agent-v%d", v), Name: fmt.Sprintf("Version %d", v)}
			x.Legs = nil
			all = append(all, x)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for i := 0; i < len(all); i += 50 { // batches must not repeat an id
		seen := map[string]bool{}
		var batch []domain.Interaction
		for _, x := range all[i:min(i+50, len(all))] {
			if seen[x.ID] {
				postBatches(t, e, "acme", []domain.Interaction{x})
				continue
			}
			seen[x.ID] = true
			batch = append(batch, x)
		}
		postBatches(t, e, "acme", batch)
	}
	for _, in := range base {
		got, err := e.st.GetInteraction(context.Background(), "acme", in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 5 || got.Agent.ID != "agent-v5" {
			t.Fatalf("%s ended at version %d (agent %s), want 5", in.ID, got.Version, got.Agent.ID)
		}
	}
}

func TestInvalidRecordInBatchWritesNothing(t *testing.T) {
	tests := []struct {
		name      string
		mutate    func(*domain.Interaction)
		wantField string
	}{
		{"bad media", func(in *domain.Interaction) { in.Media = "fax" }, "media"},
		{"csat out of range", func(in *domain.Interaction) { in.CSAT = &domain.CSAT{Rating: 9} }, "csat.rating"},
		{"finished before start", func(in *domain.Interaction) {
			f := in.Start.Add(-time.Hour)
			in.Finished = &f
		}, "finished"},
		{"bad contact email", func(in *domain.Interaction) { in.Contact = &domain.Contact{Email: "test@gmail"} }, "contact.email"},
		{"missing id", func(in *domain.Interaction) { in.ID = "" }, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			recs := records(500, 3)
			tc.mutate(&recs[317])
			status, out := e.post(t, "/v1/ingest/interactions", body(t, "interactions", recs), ingestClaims("acme"))
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %v", status, out)
			}
			errBody := out["error"].(map[string]any)
			details := errBody["details"].([]any)
			found := false
			for _, d := range details {
				d := d.(map[string]any)
				if d["index"].(float64) != 317 {
					t.Fatalf("details name record %v; only 317 is invalid", d["index"])
				}
				found = found || d["field"] == tc.wantField
			}
			if !found {
				t.Fatalf("details %v, want index 317 field %s", details, tc.wantField)
			}
			if n := len(snapshot(t, e.st)); n != 0 {
				t.Fatalf("%d items written, want none", n)
			}
		})
	}
}

func TestRequestErrors(t *testing.T) {
	e := newEnv(t)
	one := records(1, 5)
	big := make([]domain.Interaction, 501)
	for i := range big {
		big[i] = one[0]
	}
	tests := []struct {
		name   string
		path   string
		body   []byte
		claims map[string]string
		status int
		code   string
	}{
		{"no token", "/v1/ingest/interactions", body(t, "interactions", one), nil, 401, "unauthorized"},
		{"dashboard user", "/v1/ingest/interactions", body(t, "interactions", one),
			map[string]string{"sub": "u1", "custom:tenant": "acme", "custom:role": "admin"}, 403, "forbidden"},
		{"supervisor", "/v1/ingest/agent-events", []byte(`{"events":[]}`),
			map[string]string{"sub": "u1", "custom:tenant": "acme", "custom:role": "supervisor", "custom:queues": "a"}, 403, "forbidden"},
		{"ingest client without tenant", "/v1/ingest/interactions", body(t, "interactions", one),
			map[string]string{"client_id": "unknown", "scope": "rastro/ingest"}, 403, "forbidden"},
		{"malformed JSON", "/v1/ingest/interactions", []byte(`{"interactions": [`), ingestClaims("acme"), 400, "bad_request"},
		{"wrong envelope", "/v1/ingest/interactions", []byte(`{"records": []}`), ingestClaims("acme"), 400, "bad_request"},
		{"not an array", "/v1/ingest/interactions", []byte(`{"interactions": {}}`), ingestClaims("acme"), 400, "bad_request"},
		{"empty batch", "/v1/ingest/interactions", []byte(`{"interactions": []}`), ingestClaims("acme"), 422, "invalid"},
		{"501 records", "/v1/ingest/interactions", body(t, "interactions", big), ingestClaims("acme"), 413, "too_large"},
		{"body over 4 MiB", "/v1/ingest/interactions", []byte(`{"interactions": ["` + strings.Repeat("x", 4<<20) + `"]}`), ingestClaims("acme"), 413, "too_large"},
		{"unknown field", "/v1/ingest/interactions", []byte(`{"interactions": [{"id": "x", "mediaa": "voice"}]}`), ingestClaims("acme"), 422, "invalid"},
		{"wrong type", "/v1/ingest/interactions", []byte(`{"interactions": [{"id": 12}]}`), ingestClaims("acme"), 422, "invalid"},
		{"unknown route", "/v1/ingest/nothing", []byte(`{}`), ingestClaims("acme"), 404, "not_found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, out := e.post(t, tc.path, tc.body, tc.claims)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %v", status, tc.status, out)
			}
			eb, _ := out["error"].(map[string]any)
			if eb == nil || eb["code"] != tc.code || eb["message"] == "" {
				t.Fatalf("error body %v, want code %s", out, tc.code)
			}
			if tc.status == 413 && eb["field"] == nil {
				t.Errorf("a limit's error names no field: %v", out)
			}
			if strings.Contains(fmt.Sprint(out), "goroutine") || strings.Contains(fmt.Sprint(out), ".go:") {
				t.Fatalf("error body leaks internals: %v", out)
			}
		})
	}
	if n := len(snapshot(t, e.st)); n != 0 {
		t.Fatalf("%d items written by rejected requests", n)
	}
}

// Every key a request of tenant "acme" sends to DynamoDB belongs to acme,
// even next to a tenant whose id extends acme's.
func TestRequestsTouchOnlyTheirTenantsKeys(t *testing.T) {
	e := newEnv(t)
	postBatches(t, e, "acme2", records(20, 9))
	e.rec.reset()
	recs := records(200, 9)
	postBatches(t, e, "acme", recs)
	postBatches(t, e, "acme", recs) // replays read too
	ctx := context.Background()
	for _, in := range recs[:20] {
		if _, err := e.st.GetInteraction(ctx, store.Tenant("acme"), in.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Settings, agent events, bot sessions, and the S3 drop path too.
	if err := e.st.PutSettings(ctx, "acme", domain.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.GetSettings(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	zone, _ := time.LoadLocation("America/Sao_Paulo")
	g := demodata.New(demodata.Config{Seed: 9, Interactions: 10, End: now.Add(-time.Hour), Days: 2, Zone: zone, BotSessions: 20})
	var evs []domain.AgentEvent
	for ev := range g.AgentEvents() {
		if len(evs) < 100 {
			evs = append(evs, ev)
		}
	}
	var bots []domain.BotSession
	for b := range g.BotSessions() {
		bots = append(bots, b)
	}
	if _, err := e.svc.AgentEvents(ctx, "acme", evs); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.BotSessions(ctx, "acme", bots); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.GetBotSession(ctx, "acme", bots[0].ID); err != nil {
		t.Fatal(err)
	}
	s3 := localaws.MustS3(t)
	bucket := localaws.UniqueName(t, "ingest")
	if err := s3.EnsureBucket(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	docs, _ := json.Marshal(sessionDocs(t, 5))
	if _, err := s3.Client().PutObject(ctx, &s3api.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("acme/drop.json"), Body: bytes.NewReader(docs)}); err != nil {
		t.Fatal(err)
	}
	if _, err := (&ingest.S3Handler{Svc: e.svc, S3: s3.Client(), Bucket: bucket}).Object(ctx, bucket, "acme/drop.json"); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, b := range e.rec.all() {
		for _, k := range tenantKeys(b) {
			checked++
			if k != "T#acme" && !strings.HasPrefix(k, "T#acme#") {
				t.Fatalf("request for acme touched %q", k)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d keys checked; the recorder saw too little", checked)
	}
}

// tenantKeys finds every string value beginning with "T#" in a request body.
func tenantKeys(body string) []string {
	var v any
	if json.Unmarshal([]byte(body), &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			for _, e := range t {
				walk(e)
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		case string:
			if strings.HasPrefix(t, "T#") {
				k := t
				// Only the key part: "T#acme#M#chat#D#..." → compare prefix.
				out = append(out, k)
			}
		}
	}
	walk(v)
	return out
}

// A value that doesn't decode is named by its path, index included.
func TestUndecodableValuesNameTheirField(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ body, field string }{
		{`{"interactions":[{"id":"a","start":"yesterday"}]}`, "start"},
		{`{"interactions":[{"id":"a","duration":-5}]}`, "duration"},
		{`{"interactions":[{"id":"a","legs":[{"seq":1},{"seq":"2"}]}]}`, "legs[1].seq"},
		{`{"interactions":[{"id":"a","messages":[{"id":"m","at":"3pm"}]}]}`, "messages[0].at"},
		{`{"events":[{"agentId":"a","at":12}]}`, "at"},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			path := "/v1/ingest/interactions"
			if strings.HasPrefix(tc.body, `{"events"`) {
				path = "/v1/ingest/agent-events"
			}
			status, out := e.post(t, path, []byte(tc.body), ingestClaims("acme"))
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d: %v", status, out)
			}
			d := out["error"].(map[string]any)["details"].([]any)[0].(map[string]any)
			if d["field"] != tc.field || d["index"].(float64) != 0 || d["reason"] == "" {
				t.Fatalf("details %v, want field %s", d, tc.field)
			}
		})
	}
}
