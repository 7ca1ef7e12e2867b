package devserver_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The probe's world: two tenants whose names are prefixes of each
// other's (acme, acmecorp), with a queue named alike in both, and in each
// tenant data in two queues and bot sessions that reached no queue. Every
// string an owner's data carries that no other owner's does holds the
// owner's token (mkan, mkas…) or its phone prefix, so a response that
// shows one to a principal who may not see that owner is a leak, whatever
// the field.

// owner is a slice of the data: one tenant's one queue ("" for the bot
// sessions that never reached a human queue, which only admins see).
type owner struct {
	code, tenant, queue string
	digits              string // of the owner's phones
}

func (o owner) tok() string { return "mk" + o.code }

// phoneMark is the start of every phone number of the owner's contacts.
func (o owner) phoneMark() string { return "5511970" + o.digits + "000" }

var owners = []owner{
	{"an", "acme", "Norte", "01"},
	{"as", "acme", "Sul mkas", "02"},
	{"ax", "acme", "", "05"},
	{"cn", "acmecorp", "Norte", "03"},
	{"cw", "acmecorp", "Oeste mkcw", "04"},
	{"cx", "acmecorp", "", "06"},
}

// principal is someone the probe acts as, and the owners whose data they
// may see.
type principal struct {
	name, tenant, role string
	queues             []string
	sees               []string // owner codes
	token, twinToken   string   // the twin acts in a tenant holding exactly what sees names
}

func (p *principal) mayExport() bool { return p.role == "admin" || p.role == "supervisor" }

func principals() []*principal {
	return []*principal{
		{name: "ana", tenant: "acme", role: "admin", sees: []string{"an", "as", "ax"}},
		{name: "nora", tenant: "acme", role: "supervisor", queues: []string{"Norte"}, sees: []string{"an"}},
		{name: "sam", tenant: "acme", role: "supervisor", queues: []string{"Sul mkas"}, sees: []string{"as"}},
		{name: "carl", tenant: "acmecorp", role: "admin", sees: []string{"cn", "cw", "cx"}},
		{name: "gina", tenant: "acmecorp", role: "supervisor", queues: []string{"Norte"}, sees: []string{"cn"}},
		{name: "ingest", tenant: "acme", role: "ingest"},
	}
}

// perOwner is how many interactions each queue owner has, over the last
// two days.
const perOwner = 6

var probeMedia = []string{"voice", "whatsapp", "chat", "email", "voice", "whatsapp"}

func interactionID(o owner, n int) string { return fmt.Sprintf("i-%s-%d", o.tok(), n) }
func protocolOf(o owner, n int) string    { return fmt.Sprintf("P-%s-%d", o.tok(), n) }
func externalOf(o owner, n int) string    { return fmt.Sprintf("X-%s-%d", o.tok(), n) }
func agentOf(o owner) string              { return "ag-" + o.tok() }
func sharedAgent(tenant string) string    { return "ag-" + tenant + "-shared" }
func sessionOf(o owner, n int) string     { return fmt.Sprintf("bs-%s-%d", o.tok(), n) }

// botProtocolOf is a session's protocol: 17 digits, its start's date first.
func botProtocolOf(o owner, n int, start time.Time) string {
	return start.UTC().Format("20060102") + "97" + o.digits + "0000" + fmt.Sprint(n)
}

// sharedPhone is a client of the tenant who wrote to both queues.
func sharedPhone(tenant string) string {
	if tenant == "acme" {
		return "+5511955550001"
	}
	return "+5511955550002"
}

func ownPhone(o owner, n int) string { return "+" + o.phoneMark() + fmt.Sprint(n) }

func contactKeyOf(o owner, n int) string {
	switch {
	case probeMedia[n] == "email":
		return "email:" + emailOf(o, n)
	case n%3 == 2:
		return "tel:" + strings.TrimPrefix(sharedPhone(o.tenant), "+")
	}
	return "tel:" + strings.TrimPrefix(ownPhone(o, n), "+")
}

func emailOf(o owner, n int) string { return fmt.Sprintf("c%d@%s.example", n, o.tok()) }

func startOf(n int, now time.Time) time.Time {
	return now.Add(-time.Duration(n*7+1) * time.Hour).Truncate(time.Second)
}

// interactions are the owner's records, as a platform sends them.
func interactions(o owner, now time.Time) []map[string]any {
	if o.queue == "" {
		return nil
	}
	var out []map[string]any
	for n := range perOwner {
		media := probeMedia[n]
		start := startOf(n, now)
		answered, finished := start.Add(40*time.Second), start.Add(9*time.Minute)
		agent, agentName := agentOf(o), "Agent "+o.tok()
		if n%2 == 1 {
			agent, agentName = sharedAgent(o.tenant), "Shared "+o.tenant
		}
		contact := map[string]any{"name": "Client " + o.tok() + fmt.Sprint(n)}
		switch {
		case media == "email":
			contact["email"] = emailOf(o, n)
		case n%3 == 2:
			contact = map[string]any{"phone": sharedPhone(o.tenant), "name": "Shared client"}
		default:
			contact["phone"] = ownPhone(o, n)
		}
		in := map[string]any{
			"id": interactionID(o, n), "media": media, "state": "closed", "version": 1,
			"updated": rfc(finished), "start": rfc(start), "queued": rfc(start.Add(5 * time.Second)),
			"assigned": rfc(answered), "answered": rfc(answered), "finished": rfc(finished),
			"protocol": protocolOf(o, n), "externalProtocol": externalOf(o, n),
			"queue": o.queue, "service": "Service " + o.tok(),
			"agent":   map[string]any{"id": agent, "name": agentName, "tags": []string{"senior"}},
			"contact": contact, "tags": []string{"tag-" + o.tok()},
			"disposition":      map[string]any{"code": "Solved " + o.tok()},
			"internalComments": "note " + o.tok(),
			"status":           "service_completed",
			"duration":         480, "handle": 500, "wait": 40,
		}
		legs := []map[string]any{{"seq": 1, "agentId": agent, "agentName": agentName, "queue": o.queue,
			"service": "Service " + o.tok(), "start": rfc(answered), "end": rfc(finished), "endReason": "completed"}}
		if n%3 == 1 {
			// A transfer: the owner's agent, then the tenant's shared one.
			mid := answered.Add(3 * time.Minute)
			legs = []map[string]any{
				{"seq": 1, "agentId": agentOf(o), "agentName": "Agent " + o.tok(), "queue": o.queue, "service": "Service " + o.tok(),
					"start": rfc(answered), "end": rfc(mid), "endReason": "transferred"},
				{"seq": 2, "agentId": agent, "agentName": agentName, "queue": o.queue, "service": "Service " + o.tok(),
					"start": rfc(mid.Add(20 * time.Second)), "end": rfc(finished), "endReason": "completed"},
			}
		}
		in["legs"] = legs
		if media == "voice" {
			in["direction"] = "inbound"
			in["session"] = map[string]any{"menuPath": "Menu " + o.tok(), "menuPathId": "1000/1100"}
		} else {
			in["messages"] = []map[string]any{
				{"id": "m1", "at": rfc(start), "direction": "in", "sender": "customer", "contentType": "text", "content": "hello " + o.tok()},
				{"id": "m2", "at": rfc(answered.Add(time.Second)), "direction": "out", "sender": "agent", "agentId": agent, "contentType": "text", "content": "hi from " + o.tok()},
			}
		}
		out = append(out, in)
	}
	return out
}

// botSessions are two sessions per owner: for a queue, handed to it; for
// the queue-less owner, ended in the bot.
func botSessions(o owner, now time.Time) []map[string]any {
	var out []map[string]any
	for n := range 2 {
		start := startOf(n, now).Add(-10 * time.Minute)
		end := start.Add(9 * time.Minute)
		s := map[string]any{
			"id": sessionOf(o, n), "channel": "whatsapp", "version": 1, "updated": rfc(end), "start": rfc(start), "end": rfc(end),
			"phone": ownPhone(o, n), "contact": ownPhone(o, n), "name": "Client " + o.tok(),
			"protocol": botProtocolOf(o, n, start), "labels": []string{"label-" + o.tok()},
			"info":        map[string]any{"intent": "ask-" + o.tok()},
			"wentToHuman": false, "endReason": "completed",
			"conversations": []map[string]any{{"id": sessionOf(o, n) + "-1", "start": rfc(start), "end": rfc(end), "wentToHuman": o.queue != "", "status": "completed"}},
		}
		if o.queue != "" {
			s["wentToHuman"], s["endReason"], s["queue"], s["interactionId"] = true, "transferred", o.queue, interactionID(o, n)
			s["conversations"].([]map[string]any)[0]["status"] = "transferred"
		}
		out = append(out, s)
	}
	return out
}

// agentDay is an agent's logged day, with one pause, 30 hours ago.
func agentDay(now time.Time, agent, name string, queues []string, reason string) []map[string]any {
	at := now.Add(-30 * time.Hour).Truncate(time.Second)
	var out []map[string]any
	for i, typ := range []string{"login", "pause", "ready", "logout"} {
		e := map[string]any{"agentId": agent, "agentName": name, "type": typ, "at": rfc(at.Add(time.Duration(i) * time.Hour)), "queues": queues}
		if typ == "pause" {
			e["reason"] = reason
		}
		out = append(out, e)
	}
	return out
}

// agentEvents are a day of the owner's own agent, who serves its queue.
func agentEvents(o owner, now time.Time) []map[string]any {
	if o.queue == "" {
		return nil
	}
	return agentDay(now, agentOf(o), "Agent "+o.tok(), []string{o.queue}, "pause "+o.tok())
}

// sharedAgentEvents are a day of the tenant's shared agent, who serves
// every queue of the tenant, so every supervisor of the tenant sees them.
func sharedAgentEvents(tenant string, now time.Time) []map[string]any {
	var queues []string
	for _, o := range owners {
		if o.tenant == tenant && o.queue != "" {
			queues = append(queues, o.queue)
		}
	}
	return agentDay(now, sharedAgent(tenant), "Shared "+tenant, queues, "almoço")
}

func rfc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// ids are the identifiers a principal could try: every owner's.
type ids struct {
	interactions, protocols, externals, contacts, agents, sessions, botProtocols []string
}

func identifiers(o owner, now time.Time) ids {
	var v ids
	if o.queue != "" {
		for n := range perOwner {
			v.interactions = append(v.interactions, interactionID(o, n))
			v.protocols = append(v.protocols, protocolOf(o, n))
			v.externals = append(v.externals, externalOf(o, n))
			v.contacts = append(v.contacts, contactKeyOf(o, n))
		}
		v.agents = []string{agentOf(o), sharedAgent(o.tenant)}
	}
	for n := range 2 {
		v.sessions = append(v.sessions, sessionOf(o, n))
		v.botProtocols = append(v.botProtocols, botProtocolOf(o, n, startOf(n, now).Add(-10*time.Minute)))
		v.contacts = append(v.contacts, "tel:"+strings.TrimPrefix(ownPhone(o, n), "+"))
	}
	slices.Sort(v.contacts)
	v.contacts = slices.Compact(v.contacts)
	return v
}

// leaks lists the marks of owners p may not see that body shows, beyond
// those the request itself carried (an error may quote its input).
func leaks(p *principal, request string, body []byte) []string {
	lower := strings.ToLower(string(body))
	req := strings.ToLower(request)
	if u, err := url.PathUnescape(req); err == nil {
		req = u
	}
	if u, err := url.QueryUnescape(req); err == nil {
		req += " " + u
	}
	var found []string
	for _, o := range owners {
		if slices.Contains(p.sees, o.code) {
			continue
		}
		for _, mark := range []string{o.tok(), o.phoneMark()} {
			if strings.Contains(lower, mark) && !strings.Contains(req, mark) {
				found = append(found, mark)
			}
		}
	}
	return found
}
