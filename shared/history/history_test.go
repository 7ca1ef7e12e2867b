package history_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/history"
	"github.com/rastro-cc/rastro/shared/store"
)

// base dates the fixtures: three days ago, on the hour.
var base = time.Now().UTC().Truncate(time.Hour).Add(-72 * time.Hour)

const phone = "+5511999990000"

// fixture is one tenant's interactions with one client (phone above):
//
//	chat-1  chat      Vendas   transferred agA → agB → agC   protocol PRT-0001, external EXT-77
//	call-1  voice     Suporte  agA, recording in the media bucket
//	call-2  voice     Vendas   agB, recording linked by the platform; protocol PRT-0001
//	wa-1    whatsapp  Suporte  agB, still active
//	other-1 chat      Vendas   agB, another client
func fixture(tb testing.TB, e *env, tenant string) (recording []byte) {
	tb.Helper()
	ctx := context.Background()
	if err := e.st.PutSettings(ctx, store.Tenant(tenant), domain.Settings{TimeZone: "America/Sao_Paulo", Locale: "pt-BR", SLAMinutes: []int{1, 5}}); err != nil {
		tb.Fatal(err)
	}
	client := &domain.Contact{Name: "João Silva", Phone: phone}
	at := func(d time.Duration) time.Time { return base.Add(d) }
	leg := func(seq int, agent, name string, from, to time.Duration, reason string) domain.Leg {
		return domain.Leg{Seq: seq, AgentID: agent, AgentName: name, Queue: "Vendas", Service: "Vendas", Start: at(from), End: tp(at(to)), EndReason: reason}
	}
	msg := func(id string, d time.Duration, sender, agent, text string) domain.Message {
		m := domain.Message{ID: id, At: at(d), Direction: "in", Sender: sender, ContentType: "text", Content: text, Status: "read"}
		if sender == "agent" {
			m.Direction, m.AgentID = "out", agent
		}
		return m
	}
	chat := domain.Interaction{
		ID: "chat-1", Media: domain.MediaChat, Updated: at(time.Hour), Start: at(0),
		Answered: tp(at(time.Minute)), Finished: tp(at(12 * time.Minute)),
		Queue: "Vendas", Service: "Vendas", Protocol: "PRT-0001", ExternalProtocol: "EXT-77",
		Agent: &domain.Agent{ID: "agC", Name: "Caio"}, Contact: client, Status: domain.StatusServiceCompleted,
		Legs: []domain.Leg{
			leg(1, "agA", "Ana", 0, 2*time.Minute, "transferred"),
			leg(2, "agB", "Bruno", 2*time.Minute, 5*time.Minute, "transferred"),
			leg(3, "agC", "Caio", 5*time.Minute, 12*time.Minute, "completed"),
		},
		Messages: []domain.Message{
			msg("m5", 7*time.Minute, "customer", "", "Obrigado!"),
			msg("m1", 30*time.Second, "customer", "", "Olá, quero mudar meu plano"),
			msg("m3", 3*time.Minute, "agent", "agB", "Vou transferir para o time certo"),
			msg("m2", time.Minute, "agent", "agA", "Oi João, um momento"),
			msg("m4", 6*time.Minute, "agent", "agC", "Pronto, plano alterado"),
		},
		Participants: []domain.Participant{{Type: "end_user", Name: "João Silva"}, {Type: "agent", ID: "agA", Name: "Ana"}},
	}
	call1 := domain.Interaction{
		ID: "call-1", Media: domain.MediaVoice, Updated: at(2 * time.Hour), Start: at(time.Hour),
		Answered: tp(at(time.Hour + 10*time.Second)), Finished: tp(at(time.Hour + 5*time.Minute)),
		Queue: "Suporte", Service: "Suporte", Protocol: "PRT-0002", DID: "+551133334444",
		Agent: &domain.Agent{ID: "agA", Name: "Ana"}, Contact: client, Status: domain.StatusServiceCompleted,
		Voice: &domain.VoiceDetails{
			JitterMs: fp(12.5), PacketLossPct: fp(0.4), Server: "pbx-1", DialedNumber: "+551133334444",
			ExternalChannel: "SIP/trunk-0001", InternalChannel: "SIP/agA-0002", RecordingPermission: "granted",
			RecordingKey: "recordings/call-1.wav", TranscriptionURL: "https://transcripts.example.com/call-1",
		},
	}
	call2 := domain.Interaction{
		ID: "call-2", Media: domain.MediaVoice, Updated: at(3 * time.Hour), Start: at(2 * time.Hour),
		Answered: tp(at(2*time.Hour + 5*time.Second)), Finished: tp(at(2*time.Hour + 3*time.Minute)),
		Queue: "Vendas", Protocol: "PRT-0001", Agent: &domain.Agent{ID: "agB", Name: "Bruno"}, Contact: client,
		Voice: &domain.VoiceDetails{RecordingURL: "https://pbx.example.com/rec/call-2.mp3"},
	}
	wa := domain.Interaction{
		ID: "wa-1", Media: domain.MediaWhatsApp, Updated: at(4 * time.Hour), Start: at(3 * time.Hour), State: domain.StateActive,
		Queue: "Suporte", Agent: &domain.Agent{ID: "agB", Name: "Bruno"}, Contact: client,
		Messages: []domain.Message{msg("w1", 3*time.Hour+time.Minute, "customer", "", "Meu boleto não chegou")},
	}
	other := domain.Interaction{
		ID: "other-1", Media: domain.MediaChat, Updated: at(time.Hour), Start: at(30 * time.Minute), Finished: tp(at(40 * time.Minute)),
		Queue: "Vendas", Agent: &domain.Agent{ID: "agB", Name: "Bruno"}, Contact: &domain.Contact{Name: "Maria", Phone: "+5521988880000"},
	}
	e.put(tb, tenant, chat, call1, call2, wa, other)
	return e.upload(tb, tenant+"/recordings/call-1.wav")
}

type historyBody struct {
	Zone         string               `json:"zone"`
	Order        string               `json:"order"`
	Row          map[string]any       `json:"row"`
	Legs         []history.Leg        `json:"legs"`
	Messages     []domain.Message     `json:"messages"`
	Participants []domain.Participant `json:"participants"`
	Voice        *history.Voice       `json:"voice"`
}

type listBody struct {
	Order      string         `json:"order"`
	Items      []history.Item `json:"items"`
	NextCursor *string        `json:"nextCursor"`
}

type lookupBody struct {
	Items     []history.Item `json:"items"`
	Truncated bool           `json:"truncated"`
}

func TestTransferredChatHistory(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	fixture(t, e, tenant)
	tests := []struct {
		query    string
		order    string
		legs     []string // agents in order
		messages []string
	}{
		{"", "asc", []string{"agA", "agB", "agC"}, []string{"m1", "m2", "m3", "m4", "m5"}},
		{"?order=asc", "asc", []string{"agA", "agB", "agC"}, []string{"m1", "m2", "m3", "m4", "m5"}},
		{"?order=desc", "desc", []string{"agC", "agB", "agA"}, []string{"m5", "m4", "m3", "m2", "m1"}},
	}
	for _, tc := range tests {
		t.Run("order "+tc.order+tc.query, func(t *testing.T) {
			h := getJSON[historyBody](t, e, admin(tenant), "/v1/interactions/chat-1/history"+tc.query, 200)
			if h.Zone != "America/Sao_Paulo" || h.Order != tc.order || h.Row["id"] != "chat-1" || h.Row["protocol"] != "PRT-0001" {
				t.Errorf("zone %q order %q row %v", h.Zone, h.Order, h.Row)
			}
			var legs, msgs []string
			for _, l := range h.Legs {
				legs = append(legs, l.AgentID)
			}
			for _, m := range h.Messages {
				msgs = append(msgs, m.ID)
			}
			if !slices.Equal(legs, tc.legs) || !slices.Equal(msgs, tc.messages) {
				t.Fatalf("legs %v messages %v, want %v %v", legs, msgs, tc.legs, tc.messages)
			}
			for _, l := range h.Legs {
				if l.AgentID == "agB" && (l.Seq != 2 || l.AgentName != "Bruno" || l.Queue != "Vendas" || l.EndReason != "transferred" ||
					l.Duration != domain.Duration(3*time.Minute/time.Millisecond) || l.End == nil) {
					t.Errorf("leg %+v", l)
				}
			}
			for _, m := range h.Messages {
				if m.ID == "m3" && (m.Sender != "agent" || m.AgentID != "agB" || m.Direction != "out" || m.Status != "read" || m.ContentType != "text") {
					t.Errorf("message %+v", m)
				}
			}
			if len(h.Participants) != 2 || h.Voice != nil {
				t.Errorf("participants %v voice %v", h.Participants, h.Voice)
			}
		})
	}
	t.Run("the row alone", func(t *testing.T) {
		v := getJSON[struct {
			Zone string         `json:"zone"`
			Row  map[string]any `json:"row"`
		}](t, e, admin(tenant), "/v1/interactions/chat-1", 200)
		if v.Zone != "America/Sao_Paulo" || v.Row["id"] != "chat-1" || v.Row["media"] != "chat" {
			t.Errorf("%+v", v)
		}
	})
}

func TestVoiceRecordingLinks(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	recording := fixture(t, e, tenant)

	t.Run("a recording in the media bucket plays through a presigned link", func(t *testing.T) {
		before := time.Now()
		h := getJSON[historyBody](t, e, admin(tenant), "/v1/interactions/call-1/history", 200)
		v := h.Voice
		if v == nil || v.JitterMs == nil || *v.JitterMs != 12.5 || *v.PacketLossPct != 0.4 || v.Server != "pbx-1" ||
			v.DialedNumber != "+551133334444" || v.ExternalChannel != "SIP/trunk-0001" || v.InternalChannel != "SIP/agA-0002" ||
			v.RecordingPermission != "granted" || v.TranscriptionURL != "https://transcripts.example.com/call-1" {
			t.Fatalf("voice %+v", v)
		}
		if len(h.Messages) != 0 || h.Messages == nil {
			t.Errorf("a call has an empty message list, got %v", h.Messages)
		}
		if v.RecordingExpiresAt == nil || v.RecordingExpiresAt.Before(before.Add(history.DefaultRecordingTTL-2*time.Second)) ||
			v.RecordingExpiresAt.After(time.Now().Add(history.DefaultRecordingTTL)) {
			t.Errorf("expires at %v, want about 15 minutes from now", v.RecordingExpiresAt)
		}
		if got := fetch(t, v.RecordingURL); got.status != 200 || !bytes.Equal(got.body, recording) {
			t.Fatalf("GET recording: %d, %d bytes (want %d)", got.status, len(got.body), len(recording))
		}
		// The signature covers the object: the same link can't reach
		// another key under the tenant's prefix, let alone another tenant's.
		other := strings.Replace(v.RecordingURL, "/call-1.wav", "/call-2.wav", 1)
		if got := fetch(t, other); got.status != 403 {
			t.Errorf("GET with the key changed: %d, want 403", got.status)
		}
	})

	t.Run("a link made to last a second is refused once it expires", func(t *testing.T) {
		short := newEnv(t, time.Second)
		h := getJSON[historyBody](t, short, admin(tenant), "/v1/interactions/call-1/history", 200)
		link, exp := h.Voice.RecordingURL, h.Voice.RecordingExpiresAt
		if exp == nil || time.Until(*exp) > time.Second {
			t.Fatalf("expires at %v", exp)
		}
		time.Sleep(time.Until(*exp) + 1500*time.Millisecond)
		if got := fetch(t, link); got.status != 403 {
			t.Fatalf("GET after expiry: %d, want 403", got.status)
		}
	})

	t.Run("a recording the platform keeps elsewhere is linked as given", func(t *testing.T) {
		h := getJSON[historyBody](t, e, admin(tenant), "/v1/interactions/call-2/history", 200)
		if h.Voice == nil || h.Voice.RecordingURL != "https://pbx.example.com/rec/call-2.mp3" || h.Voice.RecordingExpiresAt != nil {
			t.Fatalf("voice %+v", h.Voice)
		}
	})

	t.Run("a key that climbs out of the tenant's prefix is not signed", func(t *testing.T) {
		for i, key := range []string{"../" + tenant + "x/recordings/call-1.wav", "/etc/passwd", "recordings/../../x.wav"} {
			in := domain.Interaction{
				ID: "bad-" + string(rune('a'+i)), Media: domain.MediaVoice, Updated: base, Start: base, Finished: tp(base.Add(time.Minute)),
				Queue: "Suporte", Voice: &domain.VoiceDetails{RecordingKey: key},
			}
			// Ingestion refuses such keys; this one reaches the store directly.
			if _, err := e.st.PutInteraction(context.Background(), store.Tenant(tenant), in); err != nil {
				t.Fatal(err)
			}
			h := getJSON[historyBody](t, e, admin(tenant), "/v1/interactions/"+in.ID+"/history", 200)
			if h.Voice == nil || h.Voice.RecordingURL != "" || h.Voice.RecordingExpiresAt != nil {
				t.Errorf("key %q: voice %+v", key, h.Voice)
			}
		}
	})

	t.Run("history windows link recordings too", func(t *testing.T) {
		l := getJSON[listBody](t, e, admin(tenant), "/v1/contacts/tel:"+phone[1:]+"/interactions", 200)
		var played bool
		for _, it := range l.Items {
			switch it.ID {
			case "call-1":
				played = it.RecordingExpiresAt != nil && it.TranscriptionURL == "https://transcripts.example.com/call-1"
				if got := fetch(t, it.RecordingURL); got.status != 200 || !bytes.Equal(got.body, recording) {
					t.Errorf("GET recording from the list: %d", got.status)
				}
			case "call-2":
				if it.RecordingURL != "https://pbx.example.com/rec/call-2.mp3" || it.RecordingExpiresAt != nil {
					t.Errorf("call-2 %+v", it)
				}
			}
		}
		if !played {
			t.Errorf("call-1 not listed with its recording: %+v", l.Items)
		}
	})
}

type fetched struct {
	status int
	body   []byte
}

// fetch GETs a link as a browser would: no credentials of ours.
func fetch(tb testing.TB, link string) fetched {
	tb.Helper()
	if link == "" {
		tb.Fatal("no link")
	}
	resp, err := http.Get(link)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fetched{resp.StatusCode, b}
}

func TestScopeAndTenancy(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	fixture(t, e, tenant)
	otherTenant := localaws.UniqueName(t, "t")
	fixture(t, e, otherTenant)
	stranger := localaws.UniqueName(t, "t") // a tenant with no data at all

	_, unknown := e.get(t, admin(tenant), "/v1/interactions/nope")
	notFound := errorOf(t, unknown)
	tests := []struct {
		name   string
		who    domain.Identity
		path   string
		status int
	}{
		{"admin reads any queue", admin(tenant), "/v1/interactions/call-1", 200},
		{"supervisor reads their queue", supervisor(tenant, "Vendas"), "/v1/interactions/chat-1", 200},
		{"supervisor, another queue", supervisor(tenant, "Vendas"), "/v1/interactions/call-1", 404},
		{"supervisor, another queue's history", supervisor(tenant, "Vendas"), "/v1/interactions/call-1/history", 404},
		{"supervisor without queues", supervisor(tenant), "/v1/interactions/chat-1/history", 404},
		{"unknown id", admin(tenant), "/v1/interactions/nope/history", 404},
		{"an id ingestion would refuse", admin(tenant), "/v1/interactions/" + strings.Repeat("x", 200), 404},
		{"another tenant's admin", admin(stranger), "/v1/interactions/chat-1", 404},
		{"another tenant's admin, history", admin(stranger), "/v1/interactions/chat-1/history", 404},
		{"ingest clients read nothing", ingestClient(tenant), "/v1/interactions/chat-1", 403},
		{"ingest clients can't look up", ingestClient(tenant), "/v1/contacts/tel:5511999990000/interactions", 403},
		{"no token", domain.Identity{}, "/v1/agents/agB/interactions", 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := e.get(t, tc.who, tc.path)
			if status != tc.status {
				t.Fatalf("%d %s, want %d", status, body, tc.status)
			}
			if status == 404 {
				// Out of scope reads exactly like unknown: same code and words.
				if got := errorOf(t, body); got.Code != notFound.Code || got.Message != notFound.Message || got.Field != "" {
					t.Errorf("404 body %+v, unknown id says %+v", got, notFound)
				}
			}
		})
	}

	lists := []struct {
		name string
		who  domain.Identity
		path string
		want []string
	}{
		{"client history, admin", admin(tenant), "/v1/contacts/tel:5511999990000/interactions", []string{"wa-1", "call-2", "call-1", "chat-1"}},
		{"client history, supervisor of Vendas", supervisor(tenant, "Vendas"), "/v1/contacts/tel:5511999990000/interactions", []string{"call-2", "chat-1"}},
		{"client history, supervisor of Suporte", supervisor(tenant, "Suporte"), "/v1/contacts/tel:5511999990000/interactions", []string{"wa-1", "call-1"}},
		{"agent history, supervisor of Suporte", supervisor(tenant, "Suporte"), "/v1/agents/agB/interactions", []string{"wa-1"}},
		{"agent history, supervisor of Vendas", supervisor(tenant, "Vendas"), "/v1/agents/agA/interactions", []string{"chat-1"}},
		{"agent history, supervisor without queues", supervisor(tenant), "/v1/agents/agB/interactions", nil},
		{"another tenant's client", admin(stranger), "/v1/contacts/tel:5511999990000/interactions", nil},
		{"another tenant's agent", admin(stranger), "/v1/agents/agB/interactions", nil},
		{"protocol, supervisor of Suporte", supervisor(tenant, "Suporte"), "/v1/interactions?protocol=PRT-0001", nil},
	}
	for _, tc := range lists {
		t.Run(tc.name, func(t *testing.T) {
			l := getJSON[listBody](t, e, tc.who, tc.path, 200)
			if got := itemIDs(l.Items); !slices.Equal(got, tc.want) || l.Items == nil {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func itemIDs(items []history.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// pages follows nextCursor to the end, checking each page's size.
func pages(tb testing.TB, e *env, who domain.Identity, path string, limit int) (ids []string, n int) {
	tb.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	next := ""
	for {
		p := path + sep + "limit=" + strconv.Itoa(limit)
		if next != "" {
			p += "&cursor=" + url.QueryEscape(next)
		}
		l := getJSON[listBody](tb, e, who, p, 200)
		if len(l.Items) > limit || (l.NextCursor != nil && len(l.Items) < limit) {
			tb.Fatalf("page %d of %d items with limit %d (next %v)", n, len(l.Items), limit, l.NextCursor != nil)
		}
		ids = append(ids, itemIDs(l.Items)...)
		n++
		if l.NextCursor == nil {
			return ids, n
		}
		if n > 20 {
			tb.Fatal("paging does not end")
		}
		next = *l.NextCursor
	}
}

func TestClientAndAgentHistoryPages(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	fixture(t, e, tenant)
	tests := []struct {
		name  string
		path  string
		limit int
		want  []string
		pages int
	}{
		{"client, newest first by default", "/v1/contacts/tel:5511999990000/interactions", 3, []string{"wa-1", "call-2", "call-1", "chat-1"}, 2},
		{"client, oldest first", "/v1/contacts/tel:5511999990000/interactions?order=asc", 1, []string{"chat-1", "call-1", "call-2", "wa-1"}, 4},
		{"client, the key as typed", "/v1/contacts/" + url.PathEscape("tel:+55 (11) 99999-0000") + "/interactions", 2, []string{"wa-1", "call-2", "call-1", "chat-1"}, 2},
		{"client, exactly one page", "/v1/contacts/tel:5511999990000/interactions", 4, []string{"wa-1", "call-2", "call-1", "chat-1"}, 1},
		{"agent, with a leg it didn't close", "/v1/agents/agB/interactions", 1, []string{"wa-1", "call-2", "other-1", "chat-1"}, 4},
		{"agent, oldest first", "/v1/agents/agB/interactions?order=asc", 3, []string{"chat-1", "other-1", "call-2", "wa-1"}, 2},
		{"agent of the first leg only", "/v1/agents/agA/interactions", 50, []string{"call-1", "chat-1"}, 1},
		{"unknown agent", "/v1/agents/nobody/interactions", 50, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, n := pages(t, e, admin(tenant), tc.path, tc.limit)
			if !slices.Equal(got, tc.want) || n != tc.pages {
				t.Fatalf("got %v in %d pages, want %v in %d", got, n, tc.want, tc.pages)
			}
		})
	}

	t.Run("items carry the history window's columns", func(t *testing.T) {
		l := getJSON[listBody](t, e, admin(tenant), "/v1/contacts/tel:5511999990000/interactions?order=asc", 200)
		byID := map[string]history.Item{}
		for _, it := range l.Items {
			byID[it.ID] = it
		}
		chat, wa := byID["chat-1"], byID["wa-1"]
		if chat.Source != "closed" || chat.Media != domain.MediaChat || chat.Queue != "Vendas" || chat.AgentID != "agC" ||
			chat.AgentName != "Caio" || chat.ContactName != "João Silva" || chat.ContactKey != "tel:5511999990000" ||
			chat.Protocol != "PRT-0001" || chat.Preview != "Olá, quero mudar meu plano" || chat.Finished == nil ||
			chat.Status != domain.StatusServiceCompleted || !chat.Start.Equal(base) {
			t.Errorf("chat-1 %+v", chat)
		}
		if wa.Source != "active" || wa.Finished != nil || wa.Preview != "Meu boleto não chegou" {
			t.Errorf("wa-1 %+v", wa)
		}
		if call := byID["call-1"]; call.DID != "+551133334444" || call.Duration != domain.Duration(290000) {
			t.Errorf("call-1 %+v", call)
		}
	})
}

func TestProtocolLookups(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	fixture(t, e, tenant)
	tests := []struct {
		name  string
		who   domain.Identity
		query string
		want  []string
	}{
		{"protocol across media, newest first", admin(tenant), "protocol=PRT-0001", []string{"call-2", "chat-1"}},
		{"protocol of one", admin(tenant), "protocol=PRT-0002", []string{"call-1"}},
		{"external protocol", admin(tenant), "externalProtocol=EXT-77", []string{"chat-1"}},
		{"external protocol, supervisor of its queue", supervisor(tenant, "Vendas"), "externalProtocol=EXT-77", []string{"chat-1"}},
		{"protocol, supervisor of one of its queues", supervisor(tenant, "Vendas"), "protocol=PRT-0001", []string{"call-2", "chat-1"}},
		{"a protocol is not an external protocol", admin(tenant), "externalProtocol=PRT-0001", nil},
		{"unknown", admin(tenant), "protocol=PRT-9999", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := getJSON[lookupBody](t, e, tc.who, "/v1/interactions?"+tc.query, 200)
			if got := itemIDs(l.Items); !slices.Equal(got, tc.want) || l.Truncated || l.Items == nil {
				t.Fatalf("got %v (truncated %v), want %v", got, l.Truncated, tc.want)
			}
		})
	}
}

func TestBadRequests(t *testing.T) {
	e := newEnv(t, 0)
	tenant := localaws.UniqueName(t, "t")
	fixture(t, e, tenant)
	other := localaws.UniqueName(t, "t")
	fixture(t, e, other)
	who := admin(tenant)
	cursorOf := func(who domain.Identity, path string) string {
		t.Helper()
		l := getJSON[listBody](t, e, who, path, 200)
		if l.NextCursor == nil {
			t.Fatalf("%s: no next page", path)
		}
		return url.QueryEscape(*l.NextCursor)
	}
	contact := "/v1/contacts/tel:5511999990000/interactions"
	good := cursorOf(who, contact+"?limit=1")
	tampered := []byte(good)
	tampered[5] ^= 1
	tests := []struct {
		name, path, field string
	}{
		{"unknown parameter", contact + "?limt=5", "limt"},
		{"unknown parameter of a lookup", "/v1/interactions?protocol=P&order=asc", "order"},
		{"parameter of an endpoint that takes none", "/v1/interactions/chat-1?order=asc", "order"},
		{"unknown parameter of the history", "/v1/interactions/chat-1/history?limit=5", "limit"},
		{"bad order", "/v1/interactions/chat-1/history?order=newest", "order"},
		{"empty order", contact + "?order=", "order"},
		{"order twice", contact + "?order=asc&order=desc", "order"},
		{"limit zero", contact + "?limit=0", "limit"},
		{"limit over the maximum", "/v1/agents/agB/interactions?limit=201", "limit"},
		{"limit not an integer", contact + "?limit=ten", "limit"},
		{"limit fractional", contact + "?limit=2.5", "limit"},
		{"tampered cursor", contact + "?limit=1&cursor=" + string(tampered), "cursor"},
		{"garbage cursor", contact + "?cursor=abc", "cursor"},
		{"empty cursor", contact + "?cursor=", "cursor"},
		{"cursor of another tenant", contact + "?limit=1&cursor=" + cursorOf(admin(other), contact+"?limit=1"), "cursor"},
		{"cursor of the other order", contact + "?order=asc&limit=1&cursor=" + good, "cursor"},
		{"cursor of another endpoint", "/v1/agents/agB/interactions?limit=1&cursor=" + good, "cursor"},
		{"cursor of another client", "/v1/contacts/tel:5521988880000/interactions?limit=1&cursor=" + good, "cursor"},
		{"not a contact key", "/v1/contacts/5511999990000/interactions", "contactKey"},
		{"unknown contact key kind", "/v1/contacts/cpf:12345678901/interactions", "contactKey"},
		{"protocol and external protocol", "/v1/interactions?protocol=P&externalProtocol=X", "externalProtocol"},
		{"neither protocol", "/v1/interactions", "protocol"},
		{"empty protocol", "/v1/interactions?protocol=", "protocol"},
		{"protocol too long", "/v1/interactions?externalProtocol=" + strings.Repeat("9", 65), "externalProtocol"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := e.get(t, who, tc.path)
			if status != 400 {
				t.Fatalf("%d %s, want 400", status, body)
			}
			if got := errorOf(t, body); got.Field != tc.field || got.Code != domain.CodeBadRequest || got.RequestID == "" {
				t.Fatalf("error %+v, want field %q", got, tc.field)
			}
		})
	}
	// The cursor itself was fine all along.
	if l := getJSON[listBody](t, e, who, contact+"?limit=1&cursor="+good, 200); len(l.Items) != 1 || l.Items[0].ID != "call-2" {
		t.Fatalf("second page %+v", l.Items)
	}
}
