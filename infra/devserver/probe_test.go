package devserver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/rastro-cc/rastro/infra/devserver"
)

// TestProbeTenancy attacks the isolation of tenants and of supervisors'
// queues through every endpoint, as the acceptance asks: two
// tenants and, in each, supervisors of different queues try every other
// principal's ids, protocols, contact keys, agent ids, cursors and export
// ids, then random requests built from the OpenAPI document.
//
// Two oracles judge each answer. Marks: every owner's data carries its
// token, so an answer showing another owner's token is a leak whatever the
// field. Twins: each principal has a twin, with the same role and queues,
// in a tenant that holds exactly the data the principal may see; the two
// must get the same answer (request ids and cursors aside) to the same
// request. A count, a chart bucket or a 404's wording that differs from
// the twin's tells the principal something about data they may not see,
// including whether an id exists.
func TestProbeTenancy(t *testing.T) {
	s := startRun(t, devserver.SeedConfig{Tenant: "demo", Zone: "UTC", Interactions: 10, Days: 1, Seed: 1, End: time.Now().UTC().Truncate(time.Hour)})
	pr := newProber(t, s.client)
	pr.load(t)

	pr.lookups(t)
	pr.exports(t)
	pr.presentCursors(t)
	pr.random(t)

	t.Logf("%d probes (%d of them twins' answers) by %d principals: %d leaks", pr.probes.Load(), pr.twins.Load(), len(pr.ps), pr.leaks.Load())
	if pr.leaks.Load() > 0 {
		t.Fail()
	}
}

type prober struct {
	c        client
	ps       []*principal
	now      time.Time
	from, to string // the range every report is asked for: the data's days

	probes, twins, leaks atomic.Int64

	cursors []heldCursor
	jobs    []job
}

// heldCursor is a cursor, who it was issued to, and the request that
// continues with it.
type heldCursor struct {
	holder *principal
	path   string // without the cursor
	cursor string
}

type job struct {
	by  *principal
	id  string
	url string
}

func newProber(t *testing.T, c client) *prober {
	now := time.Now().UTC()
	return &prober{c: c, ps: principals(), now: now,
		from: now.AddDate(0, 0, -3).Format(time.DateOnly), to: now.Format(time.DateOnly)}
}

// load stores the world, and for each principal their twin's tenant,
// through the ingest API, and gives everyone a token.
func (pr *prober) load(t *testing.T) {
	c := pr.c
	settings := map[string]any{"timeZone": "UTC", "locale": "en", "slaMinutes": []int{1, 5}}
	fill := func(tenant string, codes []string, sharedOf string) {
		admin := c.token(tenant, "admin")
		if status, out := c.do("PUT", "/v1/settings", admin, settings); status != 200 {
			t.Fatalf("settings of %s: %d %v", tenant, status, out)
		}
		ing := c.token(tenant, "ingest")
		var ins, bots, events []map[string]any
		for _, o := range owners {
			if slices.Contains(codes, o.code) {
				ins = append(ins, interactions(o, pr.now)...)
				bots = append(bots, botSessions(o, pr.now)...)
				events = append(events, agentEvents(o, pr.now)...)
			}
		}
		if sharedOf != "" {
			events = append(events, sharedAgentEvents(sharedOf, pr.now)...)
		}
		for _, post := range []struct {
			path, key string
			items     []map[string]any
		}{{"/v1/ingest/interactions", "interactions", ins}, {"/v1/ingest/bot-sessions", "sessions", bots}, {"/v1/ingest/agent-events", "events", events}} {
			if len(post.items) == 0 {
				continue
			}
			if status, out := c.do("POST", post.path, ing, map[string]any{post.key: post.items}); status != 200 || fmt.Sprint(out["rejected"]) != "0" && out["rejected"] != nil {
				t.Fatalf("%s into %s: %d %v", post.path, tenant, status, out)
			}
		}
	}
	for _, tenant := range []string{"acme", "acmecorp"} {
		var codes []string
		for _, o := range owners {
			if o.tenant == tenant {
				codes = append(codes, o.code)
			}
		}
		fill(tenant, codes, tenant)
	}
	for _, p := range pr.ps {
		p.token = c.identity(p.tenant, p.role, p.name, p.name, p.queues)
		if p.role == "ingest" {
			continue // reads nothing: every read is its 403, twin or not
		}
		twin := "twin-" + p.name
		fill(twin, p.sees, p.tenant)
		p.twinToken = c.identity(twin, p.role, p.name, p.name, p.queues)
	}
}

// probe asks path as p, checks the answer for leaks, and, when twin is
// set, holds it equal to p's twin's answer.
func (pr *prober) probe(t *testing.T, p *principal, path string, twin bool) (int, []byte) {
	status, body := pr.c.raw("GET", path, p.token, nil)
	pr.probes.Add(1)
	what := "GET " + path + " as " + p.name
	if status >= 500 {
		pr.leak(t, "%s: %d %s", what, status, body)
	}
	if marks := leaks(p, path, body); len(marks) > 0 {
		pr.leak(t, "%s shows %v: %d %s", what, marks, status, clip(body))
	}
	if twin && p.twinToken != "" {
		ts, tb := pr.c.raw("GET", path, p.twinToken, nil)
		pr.twins.Add(1)
		if got, want := normalize(body), normalize(tb); status != ts || got != want {
			pr.leak(t, "%s: %d %s\nbut the twin, who holds only what %s may see, got %d %s", what, status, clip([]byte(got)), p.name, ts, clip([]byte(want)))
		}
	}
	return status, body
}

func (pr *prober) leak(t *testing.T, format string, args ...any) {
	pr.leaks.Add(1)
	t.Errorf(format, args...)
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// normalize is an answer without what differs between equal answers to
// two users: request ids, cursor tokens (sealed for their holder), and
// the instants the answer was computed at and counts through, which are
// "now" for a period that includes it.
func normalize(body []byte) string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return string(body)
	}
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				switch {
				case k == "requestId" || k == "generatedAt" || k == "dataThrough":
					delete(x, k)
				case (k == "nextCursor" || k == "cursor") && e != nil:
					x[k] = "<cursor>"
				default:
					x[k] = walk(e)
				}
			}
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		}
		return v
	}
	b, _ := json.Marshal(walk(v))
	return string(b)
}

// lookups tries every owner's every identifier, by every principal, on
// every route that takes one. What the principal may see must be found
// (else the probe proves nothing); the rest must answer as the twin does,
// which has never heard of it.
func (pr *prober) lookups(t *testing.T) {
	found := 0
	for _, p := range pr.ps {
		for _, o := range owners {
			v := identifiers(o, pr.now)
			mine := slices.Contains(p.sees, o.code)
			var paths []string
			for n, id := range v.interactions {
				for _, path := range []string{"/v1/interactions/" + url.PathEscape(id), "/v1/interactions/" + url.PathEscape(id) + "/history"} {
					status, _ := pr.probe(t, p, path, true)
					if mine && status == 200 {
						found++
					} else if mine {
						pr.leak(t, "GET %s as %s: %d, but it is theirs to see", path, p.name, status)
					}
				}
				paths = append(paths, pr.report("/v1/reports/interactions", "media", probeMedia[n], "protocol", v.protocols[n]),
					pr.report("/v1/reports/interactions", "media", probeMedia[n], "externalProtocol", v.externals[n]))
			}
			for _, x := range v.protocols {
				paths = append(paths, "/v1/interactions?protocol="+url.QueryEscape(x))
			}
			for _, x := range v.externals {
				paths = append(paths, "/v1/interactions?externalProtocol="+url.QueryEscape(x))
			}
			for _, x := range v.contacts {
				paths = append(paths, "/v1/contacts/"+url.PathEscape(x)+"/interactions",
					pr.report("/v1/reports/bot-conversations", "contact", strings.TrimPrefix(x, "tel:")))
			}
			for _, x := range v.agents {
				paths = append(paths, "/v1/agents/"+url.PathEscape(x)+"/interactions",
					pr.report("/v1/reports/interactions", "media", "voice", "agents", x),
					pr.report("/v1/reports/agents", "users", x),
					pr.report("/v1/reports/ivr", "group", "agent", "agents", x),
					pr.report("/v1/reports/tags", "view", "agent", "agents", x))
			}
			for i, x := range v.sessions {
				paths = append(paths, "/v1/bot-sessions/"+url.PathEscape(x),
					pr.report("/v1/reports/bot-conversations", "session", x),
					pr.report("/v1/reports/bot-conversations", "protocol", v.botProtocols[i]))
			}
			if o.queue != "" {
				for _, r := range []string{"/v1/reports/agents", "/v1/reports/ivr", "/v1/reports/conversations", "/v1/reports/tags"} {
					paths = append(paths, pr.report(r, "queue", o.queue))
				}
				paths = append(paths, pr.report("/v1/reports/interactions", "media", "voice", "queue", o.queue))
			}
			for _, path := range paths {
				pr.probe(t, p, path, true)
			}
		}
	}
	if found == 0 {
		t.Fatal("no principal found any of their own interactions: the probe proves nothing")
	}
}

// report is a report's path over the data's days, with more parameters
// as name, value pairs.
func (pr *prober) report(path string, kv ...string) string {
	q := url.Values{"from": {pr.from}, "to": {pr.to}}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Add(kv[i], kv[i+1])
	}
	return path + "?" + q.Encode()
}

// exports: everyone who may export asks for two files. A supervisor's file
// holds only their queues, and each job is seen by its maker and the
// tenant's admins only: to anyone else it is the 404 of an id that never
// was.
func (pr *prober) exports(t *testing.T) {
	for _, p := range pr.ps {
		if !p.mayExport() {
			continue
		}
		for _, media := range []string{"voice", "whatsapp"} {
			body := map[string]any{"report": "interactions", "params": map[string]any{"media": media, "from": pr.from, "to": pr.to}, "format": "csv"}
			status, out := pr.c.do("POST", "/v1/exports", p.token, body)
			if status != 202 {
				t.Fatalf("export as %s: %d %v", p.name, status, out)
			}
			pr.jobs = append(pr.jobs, job{by: p, id: out["id"].(string)})
		}
	}
	deadline := time.Now().Add(3 * time.Minute)
	for i := range pr.jobs {
		j := &pr.jobs[i]
		for {
			status, out := pr.c.do("GET", "/v1/exports/"+j.id, j.by.token, nil)
			if status == 200 && out["status"] == "succeeded" {
				j.url = out["url"].(string)
				break
			}
			if status != 200 || out["status"] == "failed" || time.Now().After(deadline) {
				t.Fatalf("export %s of %s: %d %v", j.id, j.by.name, status, out)
			}
			time.Sleep(300 * time.Millisecond)
		}
	}
	for _, j := range pr.jobs {
		file := download(t, j.url)
		pr.probes.Add(1)
		if marks := leaks(j.by, "", file); len(marks) > 0 {
			pr.leak(t, "the file of %s's export %s shows %v", j.by.name, j.id, marks)
		}
		if !bytes.Contains(file, []byte("mk"+j.by.sees[0])) {
			t.Errorf("the file of %s's export %s holds none of their own data: the probe proves nothing\n%s", j.by.name, j.id, clip(file))
		}
	}
	for _, p := range pr.ps {
		const never = "00000000000000000000000000"
		_, missing := pr.c.raw("GET", "/v1/exports/"+never, p.token, nil)
		var visible []string
		for _, j := range pr.jobs {
			path := "/v1/exports/" + j.id
			status, body := pr.probe(t, p, path, false)
			if sees := j.by.tenant == p.tenant && (p.role == "admin" || j.by == p); sees {
				visible = append(visible, j.id)
				if status != 200 {
					pr.leak(t, "GET %s as %s: %d, but it is theirs to see", path, p.name, status)
				}
			} else if normalize(bytes.ReplaceAll(body, []byte(j.id), []byte(never))) != normalize(missing) {
				// (An error may quote the path it was asked.)
				pr.leak(t, "GET %s (%s's) as %s: %d %s, unlike an id that never was: %s", path, j.by.name, p.name, status, body, missing)
			}
		}
		if !p.mayExport() {
			continue
		}
		status, body := pr.probe(t, p, "/v1/exports?limit=100", false)
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		if err := json.Unmarshal(body, &page); status != 200 || err != nil {
			t.Fatalf("list as %s: %d %s", p.name, status, body)
		}
		var listed []string
		for _, it := range page.Items {
			listed = append(listed, it.ID)
		}
		slices.Sort(listed)
		slices.Sort(visible)
		if !slices.Equal(listed, visible) {
			pr.leak(t, "%s lists jobs %v, may see %v", p.name, listed, visible)
		}
	}
}

func download(t *testing.T, link string) []byte {
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("download: %d %v", resp.StatusCode, err)
	}
	return b
}

// presentCursors: each principal pages through every paged route, and every
// other principal presents the cursors: only their holder may go on.
func (pr *prober) presentCursors(t *testing.T) {
	for _, p := range pr.ps {
		if p.role == "ingest" {
			continue
		}
		paths := []string{
			pr.report("/v1/reports/interactions", "media", "voice", "limit", "1"),
			pr.report("/v1/reports/bot-conversations", "limit", "1"),
			"/v1/contacts/" + url.PathEscape("tel:"+strings.TrimPrefix(sharedPhone(p.tenant), "+")) + "/interactions?limit=1",
			"/v1/agents/" + url.PathEscape(sharedAgent(p.tenant)) + "/interactions?limit=1",
			"/v1/exports?limit=1",
		}
		for _, path := range paths {
			status, body := pr.probe(t, p, path, false)
			var page struct {
				Next *string `json:"nextCursor"`
			}
			if err := json.Unmarshal(body, &page); status != 200 || err != nil || page.Next == nil {
				t.Fatalf("%s as %s: %d, no next page: %s", path, p.name, status, clip(body))
			}
			pr.cursors = append(pr.cursors, heldCursor{holder: p, path: path, cursor: *page.Next})
		}
	}
	for _, h := range pr.cursors {
		for _, p := range pr.ps {
			path := h.path + "&cursor=" + url.QueryEscape(h.cursor)
			status, body := pr.probe(t, p, path, false)
			switch {
			case p == h.holder:
				if status != 200 {
					t.Errorf("%s's own cursor on %s: %d %s", p.name, h.path, status, clip(body))
				}
			case p.role == "ingest":
				if status != 403 {
					pr.leak(t, "%s presented %s's cursor on %s: %d %s", p.name, h.holder.name, h.path, status, clip(body))
				}
			default:
				var e struct {
					Error struct {
						Field string `json:"field"`
					} `json:"error"`
				}
				if _ = json.Unmarshal(body, &e); status != 400 || e.Error.Field != "cursor" {
					pr.leak(t, "%s presented %s's cursor on %s: %d %s", p.name, h.holder.name, h.path, status, clip(body))
				}
			}
		}
	}
}

// random sends PROBES (default 3000) requests, each to a GET route of the
// OpenAPI document with a random choice of its parameters, valued from
// every owner's identifiers, queues, agents, tags and the cursors and
// export ids collected, as a random principal, and judges each by both
// oracles. RASTRO_PROBE_SEED repeats a run.
func (pr *prober) random(t *testing.T) {
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("PROBES")); err == nil && v > 0 {
		n = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("RASTRO_PROBE_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("random probes: %d, RASTRO_PROBE_SEED=%d", n, seed)
	routes := openAPIGets(t)
	pools := pr.pools()

	work := make(chan int)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			for range work {
				p := pr.ps[r.IntN(len(pr.ps))]
				route := routes[r.IntN(len(routes))]
				path, withCursor := pr.randomPath(r, route, pools)
				twin := !withCursor && !strings.HasPrefix(route.path, "/v1/exports") && route.path != "/v1/me"
				pr.probe(t, p, path, twin)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

type getRoute struct {
	path   string
	params []apiParam
}

type apiParam struct {
	Name   string `yaml:"name"`
	In     string `yaml:"in"`
	Ref    string `yaml:"$ref"`
	Schema struct {
		Enum  []any `yaml:"enum"`
		Items struct {
			Enum []any `yaml:"enum"`
		} `yaml:"items"`
	} `yaml:"schema"`
}

func (a apiParam) enum() []string {
	var out []string
	for _, v := range append(a.Schema.Enum, a.Schema.Items.Enum...) {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// openAPIGets reads every GET operation of docs/openapi.yaml with its
// parameters, so a route added there is probed without a change here.
func openAPIGets(t *testing.T) []getRoute {
	b, err := os.ReadFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []apiParam `yaml:"parameters"`
		} `yaml:"paths"`
		Components struct {
			Parameters map[string]apiParam `yaml:"parameters"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []getRoute
	for path, ops := range doc.Paths {
		op, ok := ops["get"]
		if !ok {
			continue
		}
		r := getRoute{path: path}
		for _, p := range append(op.Parameters, ops["parameters"].Parameters...) {
			if p.Ref != "" {
				p = doc.Components.Parameters[p.Ref[strings.LastIndex(p.Ref, "/")+1:]]
			}
			r.params = append(r.params, p)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b getRoute) int { return strings.Compare(a.path, b.path) })
	if len(out) < 15 {
		t.Fatalf("only %d GET routes in the OpenAPI document", len(out))
	}
	return out
}

// pools are the values a random request draws each parameter from: every
// owner's, and some no one has.
func (pr *prober) pools() map[string][]string {
	p := map[string][]string{
		"media":  {"voice", "whatsapp", "chat", "email", "sms"},
		"from":   {pr.from, pr.from, pr.to, pr.now.AddDate(0, 0, -1).Format(time.DateOnly), pr.now.AddDate(0, 0, -40).Format(time.DateOnly)},
		"zone":   {"UTC", "America/Sao_Paulo", "Asia/Kolkata"},
		"limit":  {"1", "2", "50"},
		"queue":  {"Norte", "Nowhere"},
		"agents": {"ag-nobody"},
		"id":     {"nope", "00000000000000000000000000"},
	}
	p["to"] = []string{pr.to, pr.to, pr.now.AddDate(0, 0, -1).Format(time.DateOnly)}
	p["channel"] = p["media"]
	for _, o := range owners {
		v := identifiers(o, pr.now)
		if o.queue != "" {
			p["queue"] = append(p["queue"], o.queue)
			p["services"] = append(p["services"], "Service "+o.tok())
		}
		p["id"] = append(p["id"], append(v.interactions, v.sessions...)...)
		p["contactKey"] = append(p["contactKey"], v.contacts...)
		p["agents"] = append(p["agents"], v.agents...)
		p["protocol"] = append(p["protocol"], append(v.protocols, v.botProtocols...)...)
		p["externalProtocol"] = append(p["externalProtocol"], v.externals...)
		p["tags"] = append(p["tags"], "tag-"+o.tok())
		p["labels"] = append(p["labels"], "label-"+o.tok())
		p["session"] = append(p["session"], v.sessions...)
		p["userTags"] = append(p["userTags"], "senior")
		for _, c := range v.contacts {
			p["contact"] = append(p["contact"], strings.TrimPrefix(strings.TrimPrefix(c, "tel:"), "email:"))
		}
	}
	for _, j := range pr.jobs {
		p["id"] = append(p["id"], j.id)
	}
	p["agentId"], p["agent"], p["users"] = p["agents"], p["agents"], p["agents"]
	p["email"] = p["contact"]
	p["phone"] = p["contact"]
	p["value"] = p["tags"]
	p["info"] = []string{"intent"}
	return p
}

// randomPath fills route's path parameters and some of its query
// parameters; withCursor says the request carries a cursor, which p's
// twin could not present as p does (presentCursors judges cursors).
func (pr *prober) randomPath(r *rand.Rand, route getRoute, pools map[string][]string) (string, bool) {
	path := route.path
	q := url.Values{}
	withCursor := false
	for _, a := range route.params {
		if a.In == "path" {
			vals := pools[a.Name]
			path = strings.ReplaceAll(path, "{"+a.Name+"}", url.PathEscape(vals[r.IntN(len(vals))]))
			continue
		}
		// The range and the media, which most reports need, most of the
		// time; any other parameter now and then.
		chance := 0.25
		if a.Name == "media" || a.Name == "from" || a.Name == "to" {
			chance = 0.9
		}
		if r.Float64() >= chance {
			continue
		}
		if a.Name == "cursor" {
			if len(pr.cursors) > 0 {
				h := pr.cursors[r.IntN(len(pr.cursors))]
				q.Set("cursor", h.cursor)
				withCursor = true
			}
			continue
		}
		vals := a.enum()
		if len(vals) == 0 {
			vals = pools[a.Name]
		}
		if len(vals) == 0 {
			continue
		}
		q.Add(a.Name, vals[r.IntN(len(vals))])
	}
	if len(q) == 0 {
		return path, withCursor
	}
	return path + "?" + q.Encode(), withCursor
}
