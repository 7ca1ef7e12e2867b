package devserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/devserver"
	"github.com/rastro-cc/rastro/shared/httpapi"
)

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

type client struct {
	t    *testing.T
	base string
}

func (c client) do(method, path, token string, body any) (int, map[string]any) {
	c.t.Helper()
	var raw []byte
	if body != nil {
		raw, _ = json.Marshal(body)
	}
	status, b := c.raw(method, path, token, raw)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return status, out
}

// raw sends body as it is and returns the status and the body's bytes.
func (c client) raw(method, path, token string, body []byte) (int, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (c client) token(tenant, role string, queues ...string) string {
	c.t.Helper()
	return c.identity(tenant, role, "Test "+role, "", queues)
}

// identity is a dev token for a user of tenant: userID "" lets the dev
// server derive one from the tenant, role and name.
func (c client) identity(tenant, role, name, userID string, queues []string) string {
	c.t.Helper()
	status, out := c.do("POST", "/dev/token", "", map[string]any{"tenant": tenant, "role": role, "queues": queues, "name": name, "userId": userID})
	if status != 200 {
		c.t.Fatalf("token: %d %v", status, out)
	}
	return out["token"].(string)
}

// stack is a Run of the whole local system, started by a test.
type stack struct {
	client
	dataDir string
	cancel  context.CancelFunc
	done    chan error
}

// startRun starts Run with seed on a free port and waits until it is
// ready; the test stops it (stop), or the cleanup does.
func startRun(t *testing.T, seed devserver.SeedConfig) *stack {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	s := &stack{client: client{t: t, base: "http://" + addr}, dataDir: t.TempDir(), cancel: cancel, done: make(chan error, 1)}
	go func() {
		s.done <- devserver.Run(ctx, devserver.RunOptions{Dir: s.dataDir, Addr: addr, FrontendDir: t.TempDir(), Seed: &seed})
	}()
	t.Cleanup(cancel)
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("healthz never became ready")
		}
		select {
		case err := <-s.done:
			t.Fatalf("Run ended before it was ready: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// stop ends the Run and waits for it.
func (s *stack) stop(t *testing.T) {
	t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop")
	}
}

// The whole local system: stand-ins, seeding, every route through the
// local API Gateway, and a clean stop.
func TestRunServesSeedsAndStops(t *testing.T) {
	seed := devserver.DefaultSeed(time.Now())
	seed.Interactions, seed.Days = 300, 5
	s := startRun(t, seed)
	c, dataDir := s.client, s.dataDir

	// The dashboard's files come with the security headers CloudFront adds
	// in AWS, the recordings' local S3 allowed as a media source.
	page, err := http.Get(c.base + "/reports/ivr")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") ||
		!strings.Contains(csp, "media-src 'self' http://127.0.0.1:") || page.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("dashboard headers: %v", page.Header)
	}

	admin := c.token("demo", "admin")
	sup := c.token("demo", "supervisor", "Vendas", "Suporte")
	ing := c.token("demo", "ingest")

	status, me := c.do("GET", "/v1/me", admin, nil)
	if status != 200 || me["settings"].(map[string]any)["timeZone"] != "America/Sao_Paulo" {
		t.Fatalf("me: %d %v", status, me)
	}
	status, me = c.do("GET", "/v1/me", sup, nil)
	if status != 200 || fmt.Sprint(me["identity"].(map[string]any)["queues"]) != "[Vendas Suporte]" {
		t.Fatalf("supervisor me: %d %v", status, me)
	}
	// A tenant with no settings gets the defaults.
	status, me = c.do("GET", "/v1/me", c.token("newco", "admin"), nil)
	if status != 200 || me["settings"].(map[string]any)["timeZone"] != "UTC" || me["settings"].(map[string]any)["locale"] != "en" {
		t.Fatalf("defaults: %d %v", status, me)
	}

	tests := []struct {
		name, method, path, token string
		body                      any
		status                    int
	}{
		{"me without token", "GET", "/v1/me", "", nil, 401},
		{"me with forged token", "GET", "/v1/me", admin[:len(admin)-3] + "abc", nil, 401},
		{"me as ingest client", "GET", "/v1/me", ing, nil, 403},
		{"settings as supervisor", "PUT", "/v1/settings", sup, map[string]any{"timeZone": "UTC", "locale": "en", "slaMinutes": []int{1}}, 403},
		{"settings invalid zone", "PUT", "/v1/settings", admin, map[string]any{"timeZone": "Nowhere/City", "locale": "en", "slaMinutes": []int{1}}, 422},
		{"settings unknown field", "PUT", "/v1/settings", admin, map[string]any{"timeZone": "UTC", "tenant": "other"}, 400},
		{"settings ok", "PUT", "/v1/settings", admin, map[string]any{"timeZone": "Asia/Kolkata", "locale": "en", "slaMinutes": []int{2, 10}}, 200},
		{"ingest as admin", "POST", "/v1/ingest/agent-events", admin, map[string]any{"events": []any{}}, 403},
		{"ingest agent event", "POST", "/v1/ingest/agent-events", ing, map[string]any{"events": []any{map[string]any{
			"agentId": "ag-1", "type": "pause", "reason": "almoço", "at": time.Now().UTC().Format(time.RFC3339)}}}, 200},
		{"token for bad role", "POST", "/dev/token", "", map[string]any{"tenant": "demo", "role": "root"}, 422},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c.t = t
			status, out := c.do(tc.method, tc.path, tc.token, tc.body)
			if status != tc.status {
				t.Fatalf("%s %s: %d %v, want %d", tc.method, tc.path, status, out, tc.status)
			}
		})
	}
	c.t = t
	if _, me := c.do("GET", "/v1/me", admin, nil); me["settings"].(map[string]any)["timeZone"] != "Asia/Kolkata" {
		t.Fatalf("settings not saved: %v", me)
	}
	// The history function is wired to the stack's media bucket: a call
	// pointing at a seeded recording plays through its presigned link.
	callAt := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
	endAt := time.Now().UTC().Add(-50 * time.Minute).Format(time.RFC3339)
	if status, out := c.do("POST", "/v1/ingest/interactions", ing, map[string]any{"interactions": []any{map[string]any{
		"id": "dev-call-1", "media": "voice", "updated": endAt, "start": callAt, "finished": endAt, "queue": "Suporte",
		"contact": map[string]any{"phone": "+5511912345678"}, "voice": map[string]any{"recordingKey": "recordings/demo-call-1.wav"},
	}}}); status != 200 {
		t.Fatalf("ingest call: %d %v", status, out)
	}
	status, hist := c.do("GET", "/v1/interactions/dev-call-1/history", sup, nil)
	voice, _ := hist["voice"].(map[string]any)
	if status != 200 || voice["recordingUrl"] == nil {
		t.Fatalf("history: %d %v", status, hist)
	}
	resp, err := http.Get(voice["recordingUrl"].(string))
	if err != nil {
		t.Fatal(err)
	}
	wav, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(wav, []byte("RIFF")) {
		t.Fatalf("recording: %d, %d bytes", resp.StatusCode, len(wav))
	}
	if status, list := c.do("GET", "/v1/contacts/tel:5511912345678/interactions", admin, nil); status != 200 || len(list["items"].([]any)) != 1 {
		t.Fatalf("client history: %d %v", status, list)
	}

	// Every route of the table is mounted (an unauthenticated call reaches
	// the function, which answers 401, rather than 404).
	for _, r := range httpapi.Routes {
		if status, _ := c.do(r.Method, r.Path, "", map[string]any{}); status != 401 {
			t.Errorf("%s %s: %d, want 401 from the function", r.Method, r.Path, status)
		}
	}

	everyRouteRefusesBadInputCleanly(t, c, map[string]string{
		"admin": admin, "supervisor": sup, "ingest client": ing, "another tenant's admin": c.token("globex", "admin"),
	})

	// The processes it started are found while it runs...
	if running := started(t, dataDir); len(running) != 2 {
		t.Fatalf("want DynamoDB Local and versitygw running, found %q", running)
	}
	s.stop(t)
	// ...and none is left after it stops.
	if left := started(t, dataDir); len(left) > 0 {
		t.Fatalf("left running: %q", left)
	}
	if _, err := http.Get(c.base + "/healthz"); err == nil {
		t.Fatal("server still answering after stop")
	}
}

// started lists the processes of a Run on dataDir: versitygw serves
// dataDir/s3, DynamoDB Local the database's tmpfs working copy.
func started(t *testing.T, dataDir string) []string {
	t.Helper()
	out, err := exec.Command("ps", "-eo", "args").Output()
	if err != nil || !strings.Contains(string(out), "COMMAND") {
		t.Fatalf("ps is needed to check the processes: %v", err)
	}
	workDir := devserver.DatabaseWorkDir(dataDir)
	var found []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, dataDir) || strings.Contains(line, workDir) {
			found = append(found, line)
		}
	}
	return found
}
