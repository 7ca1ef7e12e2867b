package lambdaemu_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/lambdaemu"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/config"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// stack is what the bootstraps run against: their builds, DynamoDB Local
// and versitygw with a table and buckets of this test's own, and the
// environment sam local would give each function, pointed at them.
type stack struct {
	root       string
	bootstraps map[string]string
	env        map[string][]string
	s3         *localaws.S3
	ingest     string
	st         *store.Store
}

func functionFolders(t *testing.T, root string) []string {
	t.Helper()
	dirs, err := os.ReadDir(filepath.Join(root, "functions"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		if d.IsDir() {
			out = append(out, d.Name())
		}
	}
	return out
}

func mustStack(t *testing.T) *stack {
	t.Helper()
	ctx := context.Background()
	root, err := localaws.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	fns := functionFolders(t, root)
	// The build and the stand-ins' start are the slow parts: side by side.
	built := make(chan error, 1)
	var bootstraps map[string]string
	go func() {
		var err error
		bootstraps, err = lambdaemu.Build(ctx, root, t.TempDir(), lambdaemu.BuildOptions{}, fns...)
		built <- err
	}()
	db, s3s := localaws.MustDynamo(t), localaws.MustS3(t)
	table := localaws.UniqueName(t, "t")
	if err := store.CreateTable(ctx, db.Client(), table); err != nil {
		t.Fatal(err)
	}
	ingest, media, exports := localaws.UniqueName(t, "ingest"), localaws.UniqueName(t, "media"), localaws.UniqueName(t, "exports")
	for _, b := range []string{ingest, media, exports} {
		if err := s3s.EnsureBucket(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-built; err != nil {
		t.Fatal(err)
	}
	s := &stack{root: root, bootstraps: bootstraps, env: map[string][]string{}, s3: s3s, ingest: ingest, st: store.New(db.Client(), table)}
	overrides := map[string]string{
		"TABLE_NAME":            table,
		"DYNAMODB_ENDPOINT":     db.Endpoint,
		"S3_ENDPOINT":           s3s.Endpoint,
		"INGEST_BUCKET":         ingest,
		"MEDIA_BUCKET":          media,
		"EXPORT_BUCKET":         exports,
		"CURSOR_KEY":            "bootstraps-test-cursor-key-0123456789",
		"INGEST_CLIENT_TENANTS": `{"cli-1":"acme"}`,
	}
	for _, fn := range fns {
		env, err := lambdaemu.TemplateEnv(root, fn, overrides)
		if err != nil {
			t.Fatal(err)
		}
		// What Lambda takes from the function's role; versitygw's keys
		// (DynamoDB Local takes any).
		s.env[fn] = append(env, "AWS_ACCESS_KEY_ID="+s3s.AccessKey, "AWS_SECRET_ACCESS_KEY="+s3s.SecretKey)
	}
	return s
}

// emulator runs a function's bootstrap with env, logging its output when
// the test fails.
func (s *stack) emulator(t *testing.T, fn string, env []string) *lambdaemu.Emulator {
	t.Helper()
	logs := &syncBuffer{}
	e := lambdaemu.New(lambdaemu.Options{Bootstrap: s.bootstraps[fn], Env: env, FunctionName: fn, Logs: logs})
	t.Cleanup(func() {
		e.Close()
		if t.Failed() {
			t.Logf("%s output:\n%s", fn, logs.String())
		}
	})
	return e
}

// seedHistory stores what functions/history/testdata's events look up.
func (s *stack) seedHistory(t *testing.T) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.root, "functions", "history", "testdata", "interactions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ins []domain.Interaction
	if err := json.Unmarshal(b, &ins); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		if _, err := s.st.PutInteraction(context.Background(), "acme", in); err != nil {
			t.Fatal(err)
		}
	}
}

func readEvent(t *testing.T, root, fn, file string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "functions", fn, "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var ev map[string]any
	if err := json.Unmarshal(b, &ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

// httpCall sends an API Gateway v2 event and decodes the proxy response.
func httpCall(t *testing.T, e *lambdaemu.Emulator, ev map[string]any) (int, map[string]any) {
	t.Helper()
	res, err := e.Invoke(context.Background(), mustJSON(t, ev))
	if err != nil {
		t.Fatal(err)
	}
	if res.ErrorType != "" {
		t.Fatalf("function error %s: %s", res.ErrorType, res.Payload)
	}
	var resp events.APIGatewayV2HTTPResponse
	if err := json.Unmarshal(res.Payload, &resp); err != nil {
		t.Fatalf("not an API Gateway response: %s", res.Payload)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		t.Fatalf("%d, body not JSON: %s", resp.StatusCode, resp.Body)
	}
	return resp.StatusCode, body
}

// Event edits.
func withoutClaims(ev map[string]any) {
	delete(ev["requestContext"].(map[string]any), "authorizer")
}

func withQuery(name, value string) func(map[string]any) {
	return func(ev map[string]any) {
		q, _ := ev["queryStringParameters"].(map[string]any)
		if q == nil {
			q = map[string]any{}
		}
		q[name] = value
		ev["queryStringParameters"] = q
		var parts []string
		for k, v := range q {
			parts = append(parts, k+"="+fmt.Sprint(v))
		}
		ev["rawQueryString"] = strings.Join(parts, "&")
	}
}

// withInteractionID points apigw-interaction.json at another interaction.
func withInteractionID(id string) func(map[string]any) {
	return func(ev map[string]any) {
		path := "/prod/v1/interactions/" + id
		ev["pathParameters"] = map[string]any{"id": id}
		ev["rawPath"] = path
		ev["requestContext"].(map[string]any)["http"].(map[string]any)["path"] = path
	}
}

func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			s, _ := v.([]any)
			if k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

// Every function's real bootstrap, built as for Lambda but for this
// machine, runs under the emulator against DynamoDB Local and versitygw
// with its sample events, and gives real answers.
func TestBootstraps(t *testing.T) {
	s := mustStack(t)
	s.seedHistory(t)
	emulators := map[string]*lambdaemu.Emulator{}
	for fn := range s.bootstraps {
		emulators[fn] = s.emulator(t, fn, s.env[fn])
	}

	tests := []struct {
		fn, file   string
		edit       func(map[string]any)
		wantStatus int
		check      func(body map[string]any) bool
	}{
		{"settings", "apigw-me.json", nil, 200, func(b map[string]any) bool {
			return get(b, "identity", "tenant") == "acme" && get(b, "identity", "role") == "admin" && get(b, "settings") != nil
		}},
		{"settings", "apigw-me.json", withoutClaims, 401, func(b map[string]any) bool { return get(b, "error", "code") != nil }},
		{"tracking", "apigw-report.json", nil, 200, func(b map[string]any) bool {
			rows, ok := b["rows"].([]any)
			return ok && len(rows) == 0 && b["media"] == "voice" && b["from"] == "2026-11-01"
		}},
		{"tracking", "apigw-report.json", withQuery("limit", "many"), 400, func(b map[string]any) bool { return get(b, "error", "field") == "limit" }},
		{"tracking", "apigw-report.json", withoutClaims, 401, func(b map[string]any) bool { return get(b, "error", "code") != nil }},
		{"history", "apigw-interaction.json", nil, 200, func(b map[string]any) bool { return get(b, "row", "id") == "chat-1" }},
		{"history", "apigw-interaction-history.json", nil, 200, func(b map[string]any) bool {
			return b["order"] == "desc" && get(b, "legs", 0, "agentId") == "agB" && get(b, "legs", 2) == nil
		}},
		{"history", "apigw-contact-interactions.json", nil, 200, func(b map[string]any) bool { // a supervisor of Vendas and Suporte
			return get(b, "items", 1) != nil && get(b, "items", 2) == nil && b["nextCursor"] == nil
		}},
		{"history", "apigw-agent-interactions.json", nil, 200, func(b map[string]any) bool {
			return get(b, "items", 0, "id") == "chat-1" && get(b, "items", 1) == nil && b["nextCursor"] != nil
		}},
		{"history", "apigw-lookup-protocol.json", nil, 200, func(b map[string]any) bool { return get(b, "items", 0, "id") == "chat-1" }},
		{"history", "apigw-interaction.json", withInteractionID("nope"), 404, func(b map[string]any) bool { return get(b, "error", "code") != nil }},
		{"ingest", "apigw-agent-events.json", nil, 200, func(b map[string]any) bool { return b["received"] == 1.0 }},
		{"ingest", "apigw-agent-events.json", withoutClaims, 401, func(b map[string]any) bool { return get(b, "error", "code") != nil }},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.fn+"/"+tc.file] = true
		name := tc.fn + "/" + tc.file
		if tc.edit != nil {
			name += fmt.Sprintf("/edited-%d", tc.wantStatus)
		}
		t.Run(name, func(t *testing.T) {
			ev := readEvent(t, s.root, tc.fn, tc.file)
			if tc.edit != nil {
				tc.edit(ev)
			}
			status, body := httpCall(t, emulators[tc.fn], ev)
			if status != tc.wantStatus || !tc.check(body) {
				t.Fatalf("%d %v", status, body)
			}
		})
	}

	// Any other sample event, such as a new function's, is at least
	// answered by its handler without a server error.
	for _, fn := range functionFolders(t, s.root) {
		files, _ := filepath.Glob(filepath.Join(s.root, "functions", fn, "testdata", "apigw-*.json"))
		for _, f := range files {
			if covered[fn+"/"+filepath.Base(f)] {
				continue
			}
			t.Run(fn+"/"+filepath.Base(f), func(t *testing.T) {
				status, body := httpCall(t, emulators[fn], readEvent(t, s.root, fn, filepath.Base(f)))
				if status >= 500 {
					t.Fatalf("%d %v", status, body)
				}
			})
		}
	}

	// A session-metadata file dropped in the ingest bucket: the S3
	// notification to the ingest bootstrap stores it, and the history
	// bootstrap finds it.
	t.Run("ingest/s3-put.json", func(t *testing.T) {
		ctx := context.Background()
		doc, err := os.ReadFile(filepath.Join(s.root, "docs", "examples", "session-metadata.json"))
		if err != nil {
			t.Fatal(err)
		}
		key := "acme/2023/09/11/session-48213377.json"
		if _, err := s.s3.Client().PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(s.ingest), Key: aws.String(key), Body: strings.NewReader(string(doc))}); err != nil {
			t.Fatal(err)
		}
		ev := readEvent(t, s.root, "ingest", "s3-put.json")
		rec := get(ev, "Records", 0, "s3").(map[string]any)
		rec["bucket"].(map[string]any)["name"] = s.ingest
		rec["object"].(map[string]any)["key"] = key
		res, err := emulators["ingest"].Invoke(ctx, mustJSON(t, ev))
		if err != nil || res.ErrorType != "" || string(res.Payload) != "null" {
			t.Fatalf("%v %s %s", err, res.ErrorType, res.Payload)
		}
		lookup := readEvent(t, s.root, "history", "apigw-interaction.json")
		withInteractionID("48213377")(lookup)
		claims := get(lookup, "requestContext", "authorizer", "jwt", "claims").(map[string]any)
		claims["custom:role"], claims["custom:queues"] = "admin", "" // the call's queue is no supervisor's
		status, body := httpCall(t, emulators["history"], lookup)
		if status != 200 || get(body, "row", "id") != "48213377" || get(body, "row", "media") != "voice" {
			t.Fatalf("history after the drop: %d %v", status, body)
		}
	})

	// An export asked for through the exports bootstrap is written by the
	// exporter bootstrap from the stream record of its job, and its link
	// downloads the file.
	t.Run("exporter/stream-insert.json", func(t *testing.T) {
		ctx := context.Background()
		create := readEvent(t, s.root, "exports", "apigw-create.json")
		status, job := httpCall(t, emulators["exports"], create)
		if status != 202 {
			t.Fatalf("create: %d %v", status, job)
		}
		id := job["id"].(string)
		ev := readEvent(t, s.root, "exporter", "stream-insert.json")
		change := get(ev, "Records", 0, "dynamodb").(map[string]any)
		for _, img := range []string{"Keys", "NewImage"} {
			change[img].(map[string]any)["sk"] = map[string]any{"S": "X#" + id}
		}
		change["NewImage"].(map[string]any)["id"] = map[string]any{"S": id}
		res, err := emulators["exporter"].Invoke(ctx, mustJSON(t, ev))
		if err != nil || res.ErrorType != "" || string(res.Payload) != "null" {
			t.Fatalf("%v %s %s", err, res.ErrorType, res.Payload)
		}
		lookup := readEvent(t, s.root, "exports", "apigw-get.json")
		path := "/prod/v1/exports/" + id
		lookup["pathParameters"] = map[string]any{"id": id}
		lookup["rawPath"] = path
		lookup["requestContext"].(map[string]any)["http"].(map[string]any)["path"] = path
		status, got := httpCall(t, emulators["exports"], lookup)
		if status != 200 || got["status"] != "succeeded" || got["url"] == nil {
			t.Fatalf("job after the exporter ran: %d %v", status, got)
		}
		resp, err := http.Get(got["url"].(string))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.ContentLength != int64(got["bytes"].(float64)) {
			t.Fatalf("download: %d, %d bytes of %v", resp.StatusCode, resp.ContentLength, got["bytes"])
		}
	})

	// A bootstrap that cannot be configured reports /init/error, and the
	// invocation that started it is answered with that error.
	initErrors := []struct{ fn, drop, want string }{
		{"settings", "TABLE_NAME", "config: TABLE_NAME is required"},
		{"ingest", "INGEST_BUCKET", "config: INGEST_BUCKET is required"},
		{"tracking", "CURSOR_KEY", "config: set CURSOR_KEY or CURSOR_KEY_PARAMETER"},
	}
	for _, tc := range initErrors {
		t.Run("init-error/"+tc.fn+"-without-"+tc.drop, func(t *testing.T) {
			var env []string
			for _, kv := range s.env[tc.fn] {
				if !strings.HasPrefix(kv, tc.drop+"=") {
					env = append(env, kv)
				}
			}
			srv := httptest.NewServer(s.emulator(t, tc.fn, env).Handler())
			defer srv.Close()
			resp, err := http.Post(srv.URL+"/2015-03-31/functions/function/invocations", "application/json",
				strings.NewReader(string(mustJSON(t, readEvent(t, s.root, "settings", "apigw-me.json")))))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			var doc map[string]any
			_ = json.Unmarshal(b, &doc)
			if resp.StatusCode != 502 || resp.Header.Get("X-Amz-Function-Error") != "Unhandled" ||
				doc["errorType"] != config.InitErrorType || !strings.HasPrefix(fmt.Sprint(doc["errorMessage"]), tc.want) {
				t.Fatalf("%d %q %s", resp.StatusCode, resp.Header.Get("X-Amz-Function-Error"), b)
			}
		})
	}
}
