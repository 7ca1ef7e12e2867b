package lambdaemu_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/lambdaemu"
)

// fakeEmulator runs the test binary as the bootstrap in the given mode.
func fakeEmulator(t *testing.T, mode string, o lambdaemu.Options) *lambdaemu.Emulator {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	o.Bootstrap, o.FunctionName, o.Logs = self, "fake", logs
	o.Env = append(o.Env, "LAMBDAEMU_FAKE_RUNTIME="+mode, "GREETING=hello")
	e := lambdaemu.New(o)
	t.Cleanup(func() {
		e.Close()
		if t.Failed() {
			t.Logf("bootstrap output:\n%s", logs.String())
		}
	})
	return e
}

func invoke(t *testing.T, e *lambdaemu.Emulator, do, value string) (lambdaemu.Result, map[string]any) {
	t.Helper()
	res, err := e.Invoke(context.Background(), mustJSON(t, map[string]string{"do": do, "value": value}))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	_ = json.Unmarshal(res.Payload, &doc)
	return res, doc
}

// A warm environment keeps its process; the Runtime API gives the handler
// the request id, function ARN and deadline Lambda would.
func TestInvokeWarmAndCold(t *testing.T) {
	e := fakeEmulator(t, "run", lambdaemu.Options{Timeout: 5 * time.Second})
	first, doc := invoke(t, e, "echo", "GREETING")
	if first.Status != 200 || first.ErrorType != "" || !first.ColdStart {
		t.Fatalf("%+v %s", first, first.Payload)
	}
	if doc["requestId"] != first.RequestID || doc["env"] != "hello" ||
		doc["arn"] != "arn:aws:lambda:us-east-1:000000000000:function:fake" {
		t.Fatalf("context %v, request %s", doc, first.RequestID)
	}
	if ms := doc["deadlineInMs"].(float64); ms < 4000 || ms > 5000 {
		t.Fatalf("deadline in %v ms, want about 5000", ms)
	}
	second, doc2 := invoke(t, e, "echo", "")
	if second.ColdStart || doc2["pid"] != doc["pid"] || second.RequestID == first.RequestID {
		t.Fatalf("second invocation %+v on pid %v, first on %v", second, doc2["pid"], doc["pid"])
	}
}

// How each failure is answered, and whether the process survives it.
func TestFailures(t *testing.T) {
	tests := []struct {
		name       string
		mode, do   string
		timeout    time.Duration
		wantStatus int
		wantType   string
		wantMsg    string
		survives   bool // the next invocation finds the same process
	}{
		{"function error", "run", "error", 0, 200, "errorString", "boom", true},
		{"panic", "run", "panic", 0, 200, "string", "kaboom", false},
		{"exit while invoked", "run", "exit", 0, 502, "Runtime.ExitError", "exit status 4", false},
		{"timeout", "run", "sleep", 300 * time.Millisecond, 200, "Sandbox.Timedout", "Task timed out after 0.30 seconds", false},
		{"response over 6 MB", "run", "big", 0, 200, "Function.ResponseSizeTooLarge", "maximum allowed payload size", false},
		{"exit at init", "exit-at-init", "echo", 0, 502, "Runtime.ExitError", "exit status 3", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := fakeEmulator(t, tc.mode, lambdaemu.Options{Timeout: tc.timeout})
			res, doc := invoke(t, e, tc.do, "")
			if res.Status != tc.wantStatus || res.ErrorType != tc.wantType || !strings.Contains(doc["errorMessage"].(string), tc.wantMsg) {
				t.Fatalf("got %d %s %s", res.Status, res.ErrorType, res.Payload)
			}
			if tc.mode != "run" {
				return
			}
			next, _ := invoke(t, e, "echo", "")
			if next.Status != 200 || next.ErrorType != "" || next.ColdStart == tc.survives {
				t.Fatalf("next invocation %+v %s, process should survive: %v", next, next.Payload, tc.survives)
			}
		})
	}
}

func TestInitTimeout(t *testing.T) {
	e := fakeEmulator(t, "hang-at-init", lambdaemu.Options{InitTimeout: 300 * time.Millisecond})
	res, _ := invoke(t, e, "echo", "")
	if res.Status != 502 || res.ErrorType != "Sandbox.Timedout" {
		t.Fatalf("%+v %s", res, res.Payload)
	}
}

// The Runtime API refuses an answer for another invocation (400) and an
// init error after init (403), as Lambda's does.
func TestRuntimeAPIRefusals(t *testing.T) {
	e := fakeEmulator(t, "run", lambdaemu.Options{})
	res, doc := invoke(t, e, "misuse", "")
	if res.ErrorType != "" || doc["wrongID"] != 400.0 || doc["lateInitError"] != 403.0 {
		t.Fatalf("%+v %s", res, res.Payload)
	}
}

// Invocations queue for the one execution environment.
func TestConcurrentInvocationsQueue(t *testing.T) {
	e := fakeEmulator(t, "run", lambdaemu.Options{})
	var wg sync.WaitGroup
	pids := make([]any, 4)
	for i := range pids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, doc := invoke(t, e, "echo", "")
			if res.ErrorType != "" {
				t.Errorf("%s", res.Payload)
			}
			pids[i] = doc["pid"]
		}()
	}
	wg.Wait()
	for _, p := range pids {
		if p != pids[0] {
			t.Fatalf("pids %v: one environment should serve them all", pids)
		}
	}
}

// The official emulator's endpoint: the response as the body; errors
// flagged with Lambda's X-Amz-Function-Error header.
func TestInvocationsEndpoint(t *testing.T) {
	e := fakeEmulator(t, "run", lambdaemu.Options{})
	srv := httptest.NewServer(e.Handler())
	defer srv.Close()
	tests := []struct {
		event, wantBody, wantFnError string
		wantStatus                   int
	}{
		{`{"do":"echo","value":"GREETING"}`, `"env":"hello"`, "", 200},
		{`{"do":"error"}`, `"errorMessage":"boom"`, "Unhandled", 200},
		{`{"do":"exit"}`, `"errorType":"Runtime.ExitError"`, "Unhandled", 502},
	}
	for _, tc := range tests {
		t.Run(tc.event, func(t *testing.T) {
			resp, err := http.Post(srv.URL+"/2015-03-31/functions/function/invocations", "application/json", strings.NewReader(tc.event))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.wantStatus || resp.Header.Get("X-Amz-Function-Error") != tc.wantFnError || !strings.Contains(string(body), tc.wantBody) {
				t.Fatalf("%d %q %s", resp.StatusCode, resp.Header.Get("X-Amz-Function-Error"), body)
			}
		})
	}
}

func TestInvokeAfterClose(t *testing.T) {
	e := fakeEmulator(t, "run", lambdaemu.Options{})
	e.Close()
	if _, err := e.Invoke(context.Background(), []byte(`{}`)); err != lambdaemu.ErrClosed {
		t.Fatalf("err = %v", err)
	}
}
