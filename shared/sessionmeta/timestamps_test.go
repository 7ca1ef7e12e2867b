package sessionmeta_test

import (
	"strings"
	"testing"
)

func TestBadTimestampsNameTheirField(t *testing.T) {
	tests := []struct {
		field   string
		fixture string
		patch   map[string]any
	}{
		{"created_at", "minimal.json", map[string]any{"created_at": `"2023-09-11 09:42:01"`}},
		{"updated_at", "minimal.json", map[string]any{"updated_at": `"2023-09-11T09:42:01"`}}, // no offset
		{"queued_at", "minimal.json", map[string]any{"queued_at": `"yesterday"`}},
		{"assigned_at", "minimal.json", map[string]any{"assigned_at": `1694414521`}},
		{"connected_at", "minimal.json", map[string]any{"connected_at": `true`}},
		{"ended_at", "minimal.json", map[string]any{"ended_at": `"2023-02-30T10:00:00.000+03:00"`}},
		{"scheduled_at", "minimal.json", map[string]any{"scheduled_at": `"2023-09-11T25:00:00Z"`}},
		{"va_assigned_at", "minimal.json", map[string]any{"va_assigned_at": `{}`}},
		{"va_connected_at", "minimal.json", map[string]any{"va_connected_at": `"11/09/2023 09:42"`}},
		{"participants[1].joined_at", "minimal.json", map[string]any{"participants": `[{"type": "agent"}, {"type": "end_user", "joined_at": "soon"}]`}},
		{"participants[0].left_at", "minimal.json", map[string]any{"participants": `[{"type": "agent", "left_at": "2023-09-11T09:42:01+0300"}]`}},
		{"transfer_info[1].transferred_at", "three_agents.json", map[string]any{"transfer_info": `[{"from_agent_id": 11, "to_agent_id": 22, "transferred_at": "2023-09-11T10:10:00.000+03:00"}, {"from_agent_id": 22, "to_agent_id": 33, "transferred_at": "10:20"}]`}},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, tc.fixture, tc.patch))
			_, problems := d.Interaction(now)
			reason, ok := reasonFor(problems, tc.field)
			if !ok {
				t.Fatalf("no problem on %s: %v", tc.field, problems)
			}
			if !strings.Contains(reason, "RFC 3339") {
				t.Errorf("reason %q should say what a valid time looks like", reason)
			}
			if len(problems) != 1 {
				t.Errorf("one bad time should be one problem, got %v", problems)
			}
		})
	}
}

func TestAbsentTimestamps(t *testing.T) {
	for _, value := range []string{`null`, `""`} {
		t.Run(value, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{"queued_at": value, "scheduled_at": value}))
			in := MustMap(t, d)
			if in.Queued != nil || in.Scheduled != nil {
				t.Errorf("Queued, Scheduled = %v, %v; want absent", in.Queued, in.Scheduled)
			}
		})
	}
}

func TestTimestampsKeepTheInstant(t *testing.T) {
	tests := []struct{ value, want string }{
		{`"2023-09-11T09:42:01.000+03:00"`, "2023-09-11T06:42:01Z"},
		{`"2023-09-11T06:42:01Z"`, "2023-09-11T06:42:01Z"},
		{`"2023-09-11T01:12:01.5-05:30"`, "2023-09-11T06:42:01.5Z"},
		{`"2023-09-11T06:42:01.123456789Z"`, "2023-09-11T06:42:01.123Z"}, // stored to the millisecond
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			d := MustDocument(t, MustPatch(t, "minimal.json", map[string]any{"queued_at": tc.value}))
			in := MustMap(t, d)
			if !in.Queued.Equal(instant(t, tc.want)) || in.Queued.Location().String() != "UTC" {
				t.Errorf("Queued = %v, want %s", in.Queued, tc.want)
			}
		})
	}
}
