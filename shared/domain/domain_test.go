package domain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

func TestValidEmail(t *testing.T) {
	tests := []struct {
		email string
		want  bool
	}{
		// Seed 000's examples.
		{"test@gmail.com", true}, {"user.name@company.com.br", true}, {"abc123@mail.co", true},
		{"test@gmail", false}, {"@gmail.com", false}, {"test@.com", false}, {"test@gmail.c", false},
		// Our edge cases.
		{"a+b_c-d@x-y.org", true}, {"joão@mail.com", false}, {"a b@mail.com", false}, {"a@b@mail.com", false},
		{"a<b>@mail.com", false}, {"a@mail.com\n", false}, {"a\t@mail.com", false}, {"a@mail..com", false},
		{"a@-mail.com", false}, {"a@mail.c0m", false}, {`"a"@mail.com`, false}, {"a,b@mail.com", false},
	}
	for _, tc := range tests {
		t.Run(tc.email, func(t *testing.T) {
			if got := domain.ValidEmail(tc.email); got != tc.want {
				t.Fatalf("ValidEmail(%q) = %v, want %v", tc.email, got, tc.want)
			}
		})
	}
}

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func tp(t time.Time) *time.Time { return &t }

func valid() domain.Interaction {
	start := now.Add(-time.Hour)
	return domain.Interaction{
		ID: "i-1", Media: domain.MediaVoice, Updated: now.Add(-time.Minute), Start: start,
		Answered: tp(start.Add(time.Minute)), Finished: tp(start.Add(5 * time.Minute)), State: domain.StateClosed,
	}
}

func TestInteractionValidation(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*domain.Interaction)
		field  string // "" = valid
	}{
		{"valid", func(*domain.Interaction) {}, ""},
		{"no id", func(i *domain.Interaction) { i.ID = "" }, "id"},
		{"id with separator", func(i *domain.Interaction) { i.ID = "a#b" }, "id"},
		{"unknown media", func(i *domain.Interaction) { i.Media = "pager" }, "media"},
		{"no start", func(i *domain.Interaction) { i.Start = time.Time{} }, "start"},
		{"no updated", func(i *domain.Interaction) { i.Updated = time.Time{} }, "updated"},
		{"far future", func(i *domain.Interaction) { i.Updated = now.Add(48 * time.Hour) }, "updated"},
		{"closed without finish", func(i *domain.Interaction) { i.Finished = nil }, "finished"},
		{"finish before answer", func(i *domain.Interaction) { i.Finished = tp(i.Start) }, "finished"},
		{"queued before start", func(i *domain.Interaction) { i.Queued = tp(i.Start.Add(-time.Second)) }, "queued"},
		{"voice status on chat", func(i *domain.Interaction) { i.Media = domain.MediaChat; i.VoiceStatus = domain.VoiceAnswered }, "voiceStatus"},
		{"expiration on email", func(i *domain.Interaction) { i.Media = domain.MediaEmail; i.Expiration = "active" }, "expiration"},
		{"expiration on whatsapp", func(i *domain.Interaction) { i.Media = domain.MediaWhatsApp; i.Expiration = "expired" }, ""},
		{"undefined session status", func(i *domain.Interaction) { s := domain.SessionStatus(7); i.SessionStatus = &s }, "sessionStatus"},
		{"csat 5", func(i *domain.Interaction) { i.CSAT = &domain.CSAT{Rating: 5} }, "csat.rating"},
		{"document with dots", func(i *domain.Interaction) { i.Contact = &domain.Contact{Document: "123.456.789-00"} }, "contact.document"},
		{"cnpj", func(i *domain.Interaction) { i.Contact = &domain.Contact{Document: "12345678000199"} }, ""},
		{"bad phone", func(i *domain.Interaction) { i.Contact = &domain.Contact{Phone: "call me"} }, "contact.phone"},
		{"voice details on chat", func(i *domain.Interaction) { i.Media = domain.MediaChat; i.Voice = &domain.VoiceDetails{} }, "voice"},
		{"packet loss over 100", func(i *domain.Interaction) { p := 120.0; i.Voice = &domain.VoiceDetails{PacketLossPct: &p} }, "voice.packetLossPct"},
		{"recording key escapes", func(i *domain.Interaction) { i.Voice = &domain.VoiceDetails{RecordingKey: "acme/../other/x.wav"} }, "voice.recordingKey"},
		{"legs out of order", func(i *domain.Interaction) {
			i.Legs = []domain.Leg{{Seq: 2, AgentID: "a", Start: i.Start}}
		}, "legs[0].seq"},
		{"messages on voice", func(i *domain.Interaction) {
			i.Messages = []domain.Message{{ID: "m", At: i.Start, Direction: "in", Sender: "customer", ContentType: "text"}}
		}, "messages"},
		{"message sender", func(i *domain.Interaction) {
			i.Media = domain.MediaChat
			i.Messages = []domain.Message{{ID: "m", At: i.Start, Direction: "in", Sender: "robot", ContentType: "text"}}
		}, "messages[0].sender"},
		{"session type of other media", func(i *domain.Interaction) { i.Session = &domain.SessionInfo{Type: "messaging_whatsapp"} }, "session.type"},
		{"queue priority 9", func(i *domain.Interaction) { i.Session = &domain.SessionInfo{QueuePriority: 9} }, "session.queuePriority"},
		{"control characters", func(i *domain.Interaction) { i.Queue = "a\x00b" }, "queue"},
		{"leg ends in the future", func(i *domain.Interaction) {
			i.Legs = []domain.Leg{{Seq: 1, AgentID: "a", Start: i.Start, End: tp(now.Add(72 * time.Hour))}}
		}, "legs[0].end"},
		{"participant leaves before joining", func(i *domain.Interaction) {
			i.Participants = []domain.Participant{{Type: "agent", Joined: tp(i.Start.Add(time.Minute)), Left: tp(i.Start)}}
		}, "participants[0].left"},
		{"too long", func(i *domain.Interaction) { i.Service = strings.Repeat("x", 300) }, "service"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := valid()
			tc.mutate(&in)
			problems := in.Problems(now)
			if tc.field == "" {
				if len(problems) > 0 {
					t.Fatalf("unexpected problems: %v", problems)
				}
				return
			}
			for _, p := range problems {
				if p.Field == tc.field {
					if p.Reason == "" {
						t.Fatal("problem without a reason")
					}
					return
				}
			}
			t.Fatalf("want a problem on %s, got %v", tc.field, problems)
		})
	}
}

func TestSessionStatusTable(t *testing.T) {
	codes := domain.SessionStatuses()
	want := []int{0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 80, 81}
	if len(codes) != len(want) {
		t.Fatalf("%d codes, want %d", len(codes), len(want))
	}
	for i, c := range codes {
		if int(c) != want[i] || c.Name() == "" || !c.Valid() {
			t.Fatalf("code %d: %q", c, c.Name())
		}
		if back, ok := domain.SessionStatusByName(c.Name()); !ok || back != c {
			t.Fatalf("name %s does not map back", c.Name())
		}
	}
	for _, c := range []domain.SessionStatus{-1, 6, 7, 24, 79, 82} {
		if c.Valid() {
			t.Fatalf("code %d should be undefined", c)
		}
	}
}

func TestVersionKeyOrders(t *testing.T) {
	a := valid()
	a.Normalize()
	b := a
	b.Updated = a.Updated.Add(time.Millisecond)
	c := a
	c.Version = 2
	d := a
	d.Queue = "other"
	ka, _ := a.VersionKey()
	kb, _ := b.VersionKey()
	kc, _ := c.VersionKey()
	kd, _ := d.VersionKey()
	if !(ka < kb) || !(ka < kc) || !(kc < kb) {
		t.Fatalf("order: %s %s %s", ka, kb, kc)
	}
	if ka == kd || ka[:34] != kd[:34] {
		t.Fatalf("same updated+version must differ only by hash: %s %s", ka, kd)
	}
	a2 := valid()
	a2.Start = a2.Start.In(time.FixedZone("x", -3*3600)).Add(400 * time.Microsecond)
	a2.Normalize()
	if k2, _ := a2.VersionKey(); k2 != ka {
		t.Fatalf("normalization must make equal records equal: %s %s", k2, ka)
	}
}

func TestSettingsValidation(t *testing.T) {
	tests := []struct {
		s     domain.Settings
		field string
	}{
		{domain.DefaultSettings(), ""},
		{domain.Settings{TimeZone: "Asia/Kathmandu", Locale: "pt-BR", SLAMinutes: []int{1, 5, 15, 60}}, ""},
		{domain.Settings{TimeZone: "Mars/Olympus", Locale: "en", SLAMinutes: []int{1}}, "timeZone"},
		{domain.Settings{TimeZone: "Local", Locale: "en", SLAMinutes: []int{1}}, "timeZone"},
		{domain.Settings{TimeZone: "UTC", Locale: "fr", SLAMinutes: []int{1}}, "locale"},
		{domain.Settings{TimeZone: "UTC", Locale: "en", SLAMinutes: []int{5, 1}}, "slaMinutes"},
		{domain.Settings{TimeZone: "UTC", Locale: "en", SLAMinutes: nil}, "slaMinutes"},
		{domain.Settings{TimeZone: "UTC", Locale: "en", SLAMinutes: []int{0}}, "slaMinutes"},
	}
	for _, tc := range tests {
		t.Run(tc.s.TimeZone+"/"+tc.s.Locale, func(t *testing.T) {
			err := tc.s.Validate()
			var de *domain.Error
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			if de, _ = err.(*domain.Error); de.Field != tc.field {
				t.Fatalf("field %s, want %s (%v)", de.Field, tc.field, err)
			}
		})
	}
}

func TestCanSeeQueue(t *testing.T) {
	admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
	sup := domain.Identity{Tenant: "acme", Role: domain.RoleSupervisor, Queues: []string{"Vendas", "Suporte"}}
	ingest := domain.Identity{Tenant: "acme", Role: domain.RoleIngest}
	tests := []struct {
		who   domain.Identity
		queue string
		want  bool
	}{
		{admin, "Vendas", true}, {admin, "", true},
		{sup, "Vendas", true}, {sup, "Cobrança", false}, {sup, "", false},
		{ingest, "Vendas", false},
	}
	for _, tc := range tests {
		if got := tc.who.CanSeeQueue(tc.queue); got != tc.want {
			t.Errorf("%s sees %q: %v, want %v", tc.who.Role, tc.queue, got, tc.want)
		}
	}
}
