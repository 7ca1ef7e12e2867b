package history

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

func TestListRequest(t *testing.T) {
	tests := []struct {
		raw, key string
		want     ListRequest
		field    string
	}{
		{"", "agB", ListRequest{Key: "agB", Order: Desc, Limit: DefaultLimit}, ""},
		{"order=asc&limit=200&cursor=abc", "agB", ListRequest{Key: "agB", Order: Asc, Limit: 200, Cursor: "abc"}, ""},
		{"limit=1", "agB", ListRequest{Key: "agB", Order: Desc, Limit: 1}, ""},
		{"limit=201", "agB", ListRequest{}, "limit"},
		{"limit=-1", "agB", ListRequest{}, "limit"},
		{"limit=1e2", "agB", ListRequest{}, "limit"},
		{"limit=", "agB", ListRequest{}, "limit"},
		{"order=DESC", "agB", ListRequest{}, "order"},
		{"cursor=", "agB", ListRequest{}, "cursor"},
		{"cursor=a&cursor=b", "agB", ListRequest{}, "cursor"},
		{"zeta=1&alpha=2", "agB", ListRequest{}, "alpha"}, // the first unknown name, alphabetically
		{"%zz", "agB", ListRequest{}, ""},
		{"", "", ListRequest{}, "agentId"},
		{"", strings.Repeat("a", 513), ListRequest{}, "agentId"},
	}
	for _, tc := range tests {
		t.Run(tc.raw+"|"+tc.key, func(t *testing.T) {
			got, err := listRequest(tc.raw, "agentId", tc.key)
			if tc.want.Key == "" {
				if domain.ErrorCode(err) != domain.CodeBadRequest {
					t.Fatalf("err %v, want a bad request", err)
				}
				if de := err.(*domain.Error); de.Field != tc.field {
					t.Fatalf("field %q, want %q (%s)", de.Field, tc.field, de.Message)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestParseContactKey(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"tel:5511999990000", "tel:5511999990000", true},
		{"tel:+55 (11) 99999-0000", "tel:5511999990000", true},
		{"tel:+", "", false},
		{"tel:55x11", "", false},
		{"email:Joao@Example.COM", "email:joao@example.com", true},
		{"crm:42", "crm:42", true},
		{"ext:A/b:c", "ext:A/b:c", true},
		{"crm:", "", false},
		{"5511999990000", "", false},
		{"cpf:123", "", false},
	}
	for _, tc := range tests {
		got, ok := domain.ParseContactKey(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseContactKey(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	// What ParseContactKey reads back is what the rows are keyed by.
	in := domain.Interaction{Contact: &domain.Contact{Phone: "+5511999990000"}}
	if got, _ := domain.ParseContactKey("tel:+5511999990000"); got != in.ContactKey() {
		t.Errorf("%q vs the row's %q", got, in.ContactKey())
	}
}

func TestLookupRequest(t *testing.T) {
	tests := []struct {
		raw   string
		want  LookupRequest
		field string
	}{
		{"protocol=2026%23001", LookupRequest{Protocol: "2026#001"}, ""},
		{"externalProtocol=ZD-9", LookupRequest{Protocol: "ZD-9", External: true}, ""},
		{"", LookupRequest{}, "protocol"},
		{"protocol=a&externalProtocol=b", LookupRequest{}, "externalProtocol"},
		{"protocol=a&protocol=b", LookupRequest{}, "protocol"},
		{"protocol=a&limit=5", LookupRequest{}, "limit"},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			got, err := lookupRequest(tc.raw)
			if tc.field != "" {
				de, ok := err.(*domain.Error)
				if !ok || de.Code != domain.CodeBadRequest || de.Field != tc.field {
					t.Fatalf("err %v, want a bad request naming %s", err, tc.field)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v", got, err)
			}
		})
	}
}

func TestSortedByTime(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	end := func(d time.Duration) *time.Time { x := t0.Add(d); return &x }
	// A leg to a menu can start in the same millisecond as the next one.
	legs := []domain.Leg{
		{Seq: 1, Menu: "URA", Start: t0, End: end(0)},
		{Seq: 2, AgentID: "a", Start: t0, End: end(time.Minute)},
		{Seq: 3, AgentID: "b", Start: t0.Add(time.Minute)},
	}
	var asc, desc []int
	for _, l := range legsIn(legs, Asc) {
		asc = append(asc, l.Seq)
	}
	for _, l := range legsIn(legs, Desc) {
		desc = append(desc, l.Seq)
	}
	if !slices.Equal(asc, []int{1, 2, 3}) || !slices.Equal(desc, []int{3, 2, 1}) {
		t.Errorf("legs asc %v desc %v", asc, desc)
	}
	if l := legsIn(legs, Asc); l[1].Duration != 60000 || l[2].Duration != 0 {
		t.Errorf("durations %v %v", l[1].Duration, l[2].Duration)
	}
	msgs := []domain.Message{{ID: "b", At: t0}, {ID: "c", At: t0.Add(-time.Second)}, {ID: "a", At: t0}}
	var got []string
	for _, m := range messagesIn(msgs, Desc) {
		got = append(got, m.ID)
	}
	if !slices.Equal(got, []string{"b", "a", "c"}) || msgs[0].ID != "b" {
		t.Errorf("messages desc %v (input %v)", got, msgs)
	}
}

func TestRecordingKeys(t *testing.T) {
	for key, ok := range map[string]bool{
		"recordings/a.wav": true, "2026/05/01/call.mp3": true,
		"../x.wav": false, "a/../../x": false, "/abs.wav": false, `a\..\b`: false,
	} {
		if safeKey(key) != ok {
			t.Errorf("safeKey(%q) = %v", key, !ok)
		}
	}
	link := "https://b.s3.amazonaws.com/t/k?X-Amz-Date=20260301T120000Z&X-Amz-Expires=900"
	if got := expiry(link, 15*time.Minute); !got.Equal(time.Date(2026, 3, 1, 12, 15, 0, 0, time.UTC)) {
		t.Errorf("expiry %v", got)
	}
}
