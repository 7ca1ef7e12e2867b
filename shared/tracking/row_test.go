package tracking

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

func ptr[T any](v T) *T { return &v }

func TestCallQuality(t *testing.T) {
	cases := []struct {
		jitter, loss *float64
		want         Level
	}{
		{ptr(10.0), ptr(0.5), LevelHigh},
		{ptr(70.0), ptr(1.0), LevelHigh},
		{ptr(70.5), ptr(0.2), LevelMedium},
		{ptr(150.0), ptr(0.9), LevelMedium},
		{ptr(20.0), ptr(3.0), LevelMedium},
		{ptr(151.0), ptr(0.0), LevelLow},
		{ptr(10.0), ptr(5.1), LevelLow},
		{ptr(200.0), ptr(9.0), LevelLow},
		{nil, ptr(0.5), LevelHigh},
		{ptr(120.0), nil, LevelMedium},
		{nil, nil, ""},
	}
	for _, c := range cases {
		if got := CallQuality(c.jitter, c.loss); got != c.want {
			t.Errorf("CallQuality(%v, %v) = %q, want %q", deref(c.jitter), deref(c.loss), got, c.want)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestRenderRowFormats(t *testing.T) {
	sp, _ := time.LoadLocation("America/Sao_Paulo")
	start := time.Date(2025, 3, 17, 13, 20, 45, 0, time.UTC)
	answered, finished := start.Add(20*time.Second), start.Add(5*time.Minute)
	clientEnd := finished
	voice := domain.Interaction{
		ID: "c1", Media: domain.MediaVoice, State: domain.StateClosed, Start: start, Answered: &answered, Finished: &finished,
		ClientEnd: &clientEnd, Protocol: "2025-03-17-13-20-45", Direction: "inbound", To: "1005", From: "5511999990000",
		Agent: &domain.Agent{ID: "a1", Name: "Ana"}, Contact: &domain.Contact{Name: "José", Phone: "+5511999990000"},
		Duration: domain.Duration(280000), Portfolio: true, DID: "551130001000",
		Voice: &domain.VoiceDetails{JitterMs: ptr(80.0), PacketLossPct: ptr(0.4), Server: "server.voip.example.com"},
	}
	r := RenderRow(&voice, sp)
	want := map[string]any{
		"date": "2025-03-17", "time": "10:20:45", "dateAnswered": "2025-03-17 10:21:05", "dateFinished": "2025-03-17 10:25:45",
		"clientEnd": "17-03-2025 10:25:45", "agentEnd": "", "callQuality": "medium", "jitterLevel": "medium",
		"packetLossLevel": "high", "portfolio": "Yes", "type": "inbound", "client": "+5511999990000", "did": "551130001000",
		"created": "2025-03-17 10:20:45", "contactKey": "tel:5511999990000", "agentId": "a1",
	}
	for k, v := range want {
		if got := r.Get(k); got != v {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
	for _, k := range []string{"apt", "aut", "expirationStatus", "dateQueued", "queueEntryDate", "conversationOrigin"} {
		if r.Get(k) != nil {
			t.Errorf("voice row has %s", k)
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), `{"id":"c1","media":"voice","contactKey":"tel:5511999990000","agentId":"a1","date":"2025-03-17","time":"10:20:45",`) {
		t.Errorf("key order: %s", b)
	}
	if !strings.Contains(string(b), `"duration":280,`) {
		t.Errorf("duration in seconds: %s", b)
	}

	queued := start.Add(time.Second)
	chat := domain.Interaction{ID: "h1", Media: domain.MediaChat, Start: start, Queued: &queued, Contact: &domain.Contact{Name: "Bia", CRMContactID: "77"}}
	r = RenderRow(&chat, time.UTC)
	for k, v := range map[string]any{"queueEntryDate": "2025-03-17", "queueEntryTime": "13:20:46", "dateQueued": "2025-03-17 13:20:46", "client": "Bia", "expirationStatus": ""} {
		if got := r.Get(k); got != v {
			t.Errorf("chat %s = %#v, want %#v", k, got, v)
		}
	}
	if r.Get("jitterMs") != nil || r.Get("did") != nil {
		t.Error("chat row has voice columns")
	}
}

// Every media's columns are those of the seed's notes: the voice-only ones
// only for voice, and the common ones everywhere.
func TestColumnsPerMedia(t *testing.T) {
	for _, m := range domain.AllMedia {
		keys := map[string]bool{}
		for _, c := range Columns(m) {
			keys[c.Key] = true
		}
		for _, k := range []string{"date", "time", "protocol", "service", "agent", "contact", "status", "created", "closed", "queue", "disposition", "acw", "state"} {
			if !keys[k] {
				t.Errorf("%s lacks %s", m, k)
			}
		}
		if keys["callQuality"] != (m == domain.MediaVoice) {
			t.Errorf("%s: callQuality %v", m, keys["callQuality"])
		}
		if keys["apt"] != (m == domain.MediaChat || m == domain.MediaWhatsApp) {
			t.Errorf("%s: apt %v", m, keys["apt"])
		}
	}
}
