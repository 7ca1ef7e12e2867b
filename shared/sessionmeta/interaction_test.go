package sessionmeta_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

func TestFullDocumentMapsEveryField(t *testing.T) {
	raw := MustFixture(t, "full.json")
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatal(err)
	}
	// The fixture must exercise every key, or "every field" is not tested.
	assertEveryKeyPresent(t, tree, reflect.TypeFor[sessionmeta.Document](), "")

	got := MustMap(t, MustDocument(t, raw))
	code := domain.SessionStatus(8)
	want := domain.Interaction{
		ID:          "S-77001",
		Media:       domain.MediaVoice,
		State:       domain.StateClosed,
		Updated:     instant(t, "2024-03-10T15:00:10.500Z"),
		Start:       instant(t, "2024-03-10T13:00:00.250Z"),
		Queued:      instantPtr(t, "2024-03-10T14:30:02Z"),
		Assigned:    instantPtr(t, "2024-03-10T14:31:00Z"),
		Answered:    instantPtr(t, "2024-03-10T14:31:10Z"),
		Finished:    instantPtr(t, "2024-03-10T14:45:10.500Z"),
		Scheduled:   instantPtr(t, "2024-03-10T14:30:00Z"),
		VAAssigned:  instantPtr(t, "2024-03-10T14:30:03Z"),
		VAConnected: instantPtr(t, "2024-03-10T14:30:04Z"),
		Queue:       "Reservas",
		Agent:       &domain.Agent{ID: "a-2", Name: "Beto"},
		Direction:   "inbound",
		From:        "+525512345678",
		To:          "+18005550100",
		DID:         "+18005550100",
		Contact: &domain.Contact{
			Name:       "Carla Ruiz",
			Phone:      "+525512345678",
			Email:      "carla.ruiz@example.mx",
			ExternalID: "555",
		},
		Status:        domain.StatusServiceTransferred,
		VoiceStatus:   domain.VoiceAnswered,
		SessionStatus: &code,
		Disposition:   &domain.Disposition{Code: "Rebooked", Notes: "Moved the booking to Friday.\nSent the confirmation."},
		CSAT:          &domain.CSAT{Rating: 2, Comment: "Tardó mucho"},
		Duration:      domain.Duration(840_500),
		Handle:        domain.Duration(840_500),
		Hold:          domain.Duration(60_000),
		Session: &domain.SessionInfo{
			Lang:           "es",
			Type:           "voice_scheduled_web",
			AnswerType:     "human",
			TicketID:       "T-9",
			TicketURL:      "https://crm.example.com/tickets/T-9",
			SupportNumber:  "+18005550100",
			OutboundNumber: "+18005550199",
			MenuPath:       "Reservas",
			MenuPathID:     "7/19/31",
			QueuePriority:  8,
			Deflection:     "after_hours_schedule_call",
			Transferred:    true,
			SmartActions:   &domain.SmartActions{Verification: "failed", Photos: true, Videos: true, TextInput: true},
			InCallSMS:      true,
			WaitTimeSMS:    true,
		},
		Voice: &domain.VoiceDetails{RecordingPermission: "not_asked", RecordingURL: "https://rec.example.com/S-77001"},
		Legs: []domain.Leg{
			{Seq: 1, AgentID: "a-1", AgentName: "Ana", Queue: "Reservas", Start: instant(t, "2024-03-10T14:31:00Z"), End: instantPtr(t, "2024-03-10T14:38:00Z"), EndReason: "transferred"},
			{Seq: 2, AgentID: "a-2", AgentName: "Beto", Queue: "Cambios", Menu: "Reservas > Cambios", Start: instant(t, "2024-03-10T14:38:00Z"), End: instantPtr(t, "2024-03-10T14:45:10.500Z"), EndReason: "completed"},
		},
		Participants: []domain.Participant{
			{Type: "end_user", ID: "555", Name: "Carla Ruiz", Joined: instantPtr(t, "2024-03-10T14:31:05Z"), Left: instantPtr(t, "2024-03-10T14:45:10.500Z")},
			{Type: "agent", ID: "a-1", Name: "Ana", Joined: instantPtr(t, "2024-03-10T14:31:10Z"), Left: instantPtr(t, "2024-03-10T14:38:00Z")},
			{Type: "agent", ID: "a-2", Name: "Beto", Joined: instantPtr(t, "2024-03-10T14:38:05Z"), Left: instantPtr(t, "2024-03-10T14:45:10.500Z")},
			{Type: "third_party", ID: "interp-1", Name: "Interpreter", Joined: instantPtr(t, "2024-03-10T14:40:00Z"), Left: instantPtr(t, "2024-03-10T14:44:00Z")},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mapped interaction differs\n got: %s\nwant: %s", mustJSON(t, got), mustJSON(t, want))
	}
	if got.Start.Location() != want.Start.Location() {
		t.Errorf("Start is in %v, want UTC", got.Start.Location())
	}
}

// assertEveryKeyPresent walks the Go type and the decoded JSON together,
// failing on each document key the JSON lacks.
func assertEveryKeyPresent(t *testing.T, tree any, typ reflect.Type, path string) {
	t.Helper()
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch typ.Kind() {
	case reflect.Slice:
		items, ok := tree.([]any)
		if !ok || len(items) == 0 {
			t.Errorf("full.json: %s must be a non-empty array", path)
			return
		}
		for i, item := range items {
			assertEveryKeyPresent(t, item, typ.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Struct:
		if reflect.PointerTo(typ).Implements(reflect.TypeFor[json.Unmarshaler]()) {
			return
		}
		obj, ok := tree.(map[string]any)
		if !ok {
			t.Errorf("full.json: %s must be an object", path)
			return
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" {
				continue
			}
			key := strings.TrimPrefix(path+"."+name, ".")
			v, ok := obj[name]
			if !ok || v == nil {
				// Every element of a list need not carry every optional key; the first must.
				if !strings.HasSuffix(path, "]") || strings.HasSuffix(path, "[0]") {
					t.Errorf("full.json lacks %s", key)
				}
				continue
			}
			assertEveryKeyPresent(t, v, f.Type, key)
		}
	}
}

func TestThreeAgentTransferredCallGivesThreeLegs(t *testing.T) {
	in := MustMap(t, MustDocument(t, MustFixture(t, "three_agents.json")))
	want := []domain.Leg{
		{Seq: 1, AgentID: "11", AgentName: "First Agent", Queue: "Support", Start: instant(t, "2023-09-11T07:01:00Z"), End: instantPtr(t, "2023-09-11T07:10:00Z"), EndReason: "transferred"},
		{Seq: 2, AgentID: "22", AgentName: "Second Agent", Queue: "Tier 2", Start: instant(t, "2023-09-11T07:10:00Z"), End: instantPtr(t, "2023-09-11T07:20:00Z"), EndReason: "transferred"},
		{Seq: 3, AgentID: "33", AgentName: "Third Agent", Menu: "Retention", Start: instant(t, "2023-09-11T07:20:00Z"), End: instantPtr(t, "2023-09-11T07:30:00Z"), EndReason: "completed"},
	}
	if !reflect.DeepEqual(in.Legs, want) {
		t.Errorf("legs differ\n got: %s\nwant: %s", mustJSON(t, in.Legs), mustJSON(t, want))
	}
	if in.Agent == nil || in.Agent.ID != "33" {
		t.Errorf("Agent = %+v, want the last of agent_info (33)", in.Agent)
	}
	if got := in.AgentIDs(); !reflect.DeepEqual(got, []string{"11", "22", "33"}) {
		t.Errorf("AgentIDs = %v: every agent must reach the agent history", got)
	}
	if !in.Session.Transferred || in.Status != domain.StatusServiceTransferred {
		t.Errorf("Transferred = %v, Status = %q; want true, service_transferred", in.Session.Transferred, in.Status)
	}
}

func TestLiveTransferredCallLeavesLastLegOpen(t *testing.T) {
	d := MustDocument(t, MustPatch(t, "three_agents.json", map[string]any{"status": "5", "ended_at": nil}))
	in := MustMap(t, d)
	last := in.Legs[len(in.Legs)-1]
	if last.End != nil || last.EndReason != "" {
		t.Errorf("last leg of a live call = %+v, want no end", last)
	}
	if in.State != domain.StateActive {
		t.Errorf("State = %q, want active", in.State)
	}
}

func TestTransferToQueueWithoutAgentStillMakesALeg(t *testing.T) {
	d := MustDocument(t, MustPatch(t, "three_agents.json", map[string]any{
		"agent_info":    `[{"id": 11, "name": "First Agent"}]`,
		"transfer_info": `[{"from_agent_id": 11, "to_queue": "Tier 2", "transferred_at": "2023-09-11T10:10:00.000+03:00"}]`,
		"connected_at":  `"2023-09-11T10:01:05.000+03:00"`,
	}))
	in := MustMap(t, d)
	if len(in.Legs) != 2 || in.Legs[1].Queue != "Tier 2" || in.Legs[1].AgentID != "" {
		t.Fatalf("legs = %s, want a second leg in queue Tier 2 with no agent", mustJSON(t, in.Legs))
	}
}

func TestProblemsNameDocumentKeys(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		patch   map[string]any
		want    []string // every field blamed, sorted
	}{
		{"missing session id", "minimal.json", map[string]any{"session_id": nil}, []string{"session_id"}},
		{"bad session id", "minimal.json", map[string]any{"session_id": `"has space"`}, []string{"session_id"}},
		{"fractional session id", "minimal.json", map[string]any{"session_id": `12.5`}, []string{"session_id"}},
		{"missing created_at", "minimal.json", map[string]any{"created_at": nil}, []string{"created_at"}},
		{"missing updated_at", "minimal.json", map[string]any{"updated_at": nil}, []string{"updated_at"}},
		{"queued before created", "minimal.json", map[string]any{"queued_at": `"2023-09-11T09:00:00.000+03:00"`}, []string{"queued_at"}},
		{"ended before connected", "three_agents.json", map[string]any{"connected_at": `"2023-09-11T10:29:00.000+03:00"`, "ended_at": `"2023-09-11T10:28:00.000+03:00"`}, []string{"ended_at"}},
		{"created in the future", "minimal.json", map[string]any{"created_at": `"2030-01-01T00:00:00.000Z"`, "updated_at": `"2030-01-01T00:00:00.000Z"`}, []string{"created_at", "updated_at"}},
		{"csat out of range", "minimal.json", map[string]any{"csat_rating": `9`}, []string{"csat_rating"}},
		{"csat comment alone", "minimal.json", map[string]any{"csat_comment": `"nice"`}, []string{"csat_rating"}},
		{"queue priority zero", "minimal.json", map[string]any{"queue_priority": `0`}, []string{"queue_priority"}},
		{"queue priority nine", "minimal.json", map[string]any{"queue_priority": `9`}, []string{"queue_priority"}},
		{"answer type", "minimal.json", map[string]any{"answer_type": `"robot"`}, []string{"answer_type"}},
		{"recording permission", "minimal.json", map[string]any{"recording_permission": `"maybe"`}, []string{"recording_permission"}},
		{"recording url", "minimal.json", map[string]any{"recording_url": `"ftp://rec.example.com/1"`}, []string{"recording_url"}},
		{"ticket url", "minimal.json", map[string]any{"out_ticket_url": `"https://"`}, []string{"out_ticket_url"}},
		{"menu path type", "minimal.json", map[string]any{"menu_path": `{"id": 1, "name": "Sales", "type": "fax"}`}, []string{"menu_path.type"}},
		{"smart action verification", "minimal.json", map[string]any{"smart_actions": `{"verification_status": "maybe"}`}, []string{"smart_actions.verification_status"}},
		{"disposition notes without code", "minimal.json", map[string]any{"disposition_notes": `"called back"`}, []string{"disposition_code"}},
		{"end user email", "minimal.json", map[string]any{"end_user": `{"email": "test@.com"}`}, []string{"end_user.email"}},
		{"end user phone", "minimal.json", map[string]any{"end_user": `{"phone": "call me"}`}, []string{"end_user.phone"}},
		{"participant type", "minimal.json", map[string]any{"participants": `[{"type": "agent"}, {"type": "robot"}]`}, []string{"participants[1].type"}},
		{"participant left before joined", "minimal.json", map[string]any{"participants": `[{"type": "agent", "joined_at": "2023-09-11T09:43:00Z", "left_at": "2023-09-11T09:42:00Z"}]`}, []string{"participants[0].left_at"}},
		{"participant not an object", "minimal.json", map[string]any{"participants": `[{"type": "agent"}, 5]`}, []string{"participants[1]"}},
		{"agent without id", "minimal.json", map[string]any{"agent_info": `[{"name": "Nameless"}]`}, []string{"agent_info[0].id"}},
		{"agent_info not an array", "minimal.json", map[string]any{"agent_info": `{"id": 1}`}, []string{"agent_info"}},
		{"wrong boolean", "minimal.json", map[string]any{"in_call_sms": `"yes"`, "wait_time_sms": `1`}, []string{"in_call_sms", "wait_time_sms"}},
		{"negative duration", "minimal.json", map[string]any{"handle_duration": `-5`, "hold_duration": `"23"`}, []string{"handle_duration", "hold_duration"}},
		{"lang not a string", "minimal.json", map[string]any{"lang": `["en"]`}, []string{"lang"}},
		{"more agents than transfers", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 22, "transferred_at": "2023-09-11T10:10:00.000+03:00"}]`}, []string{"agent_info[2]"}},
		{"transfer to the wrong agent", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 99, "transferred_at": "2023-09-11T10:10:00.000+03:00"}, {"from_agent_id": 22, "to_agent_id": 33, "transferred_at": "2023-09-11T10:20:00.000+03:00"}]`}, []string{"transfer_info[0].to_agent_id"}},
		{"transfer from the wrong agent", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 22, "transferred_at": "2023-09-11T10:10:00.000+03:00"}, {"from_agent_id": 11, "to_agent_id": 33, "transferred_at": "2023-09-11T10:20:00.000+03:00"}]`}, []string{"transfer_info[1].from_agent_id"}},
		{"transfers out of order", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 22, "transferred_at": "2023-09-11T10:20:00.000+03:00"}, {"from_agent_id": 22, "to_agent_id": 33, "transferred_at": "2023-09-11T10:10:00.000+03:00"}]`}, []string{"transfer_info[1].transferred_at"}},
		{"transfer without a time", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 22}, {"from_agent_id": 22, "to_agent_id": 33, "transferred_at": "2023-09-11T10:20:00.000+03:00"}]`}, []string{"transfer_info[0].transferred_at"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, tc.fixture, tc.patch))
			_, problems := d.Interaction(now)
			if got := fields(problems); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems on %v, want %v\n%v", got, tc.want, problems)
			}
			for _, p := range problems {
				if strings.HasPrefix(p.Field, "mapped.") {
					t.Errorf("%s has a document key; got %s", p.Field, p.Field)
				}
			}
		})
	}
}

// TestDocumentRoundTrip holds that a document written back by Rastro (its
// JSON encoding) reads as the same session.
func TestDocumentRoundTrip(t *testing.T) {
	for _, name := range []string{"full.json", "three_agents.json", "minimal.json"} {
		t.Run(name, func(t *testing.T) {
			d := MustDocument(t, MustFixture(t, name))
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			again := MustDocument(t, b)
			if !reflect.DeepEqual(MustMap(t, again), MustMap(t, d)) {
				t.Errorf("round trip changed the mapping; encoded: %s", b)
			}
		})
	}
}

func TestSingleDocumentUnmarshal(t *testing.T) {
	var d sessionmeta.Document
	if err := json.Unmarshal(MustFixture(t, "minimal.json"), &d); err != nil {
		t.Fatal(err)
	}
	if in := MustMap(t, d); in.ID != "1001" {
		t.Errorf("ID = %q, want 1001", in.ID)
	}
	if err := json.Unmarshal([]byte(`[1]`), &d); err == nil {
		t.Error("a non-object decoded as a document")
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(sessionmeta.Document{SessionID: "7", CreatedAt: sessionmeta.At(now)}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"session_id":"7"`) || !strings.Contains(buf.String(), `"created_at":"2024-06-01T00:00:00.000Z"`) {
		t.Errorf("encoded %s", buf.String())
	}
}
