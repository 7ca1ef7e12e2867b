package lambdaemu_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/rastro-cc/rastro/infra/lambdaemu"
	"github.com/rastro-cc/rastro/infra/localaws"
)

// BenchmarkColdStart measures, for every function, process start to first
// answered invocation under the emulator: a fresh process each iteration
// (exec, Go runtime, main's config and AWS clients, Runtime API /next),
// then one event it answers without calling AWS (coldEvent), so the
// figure is the bootstrap's own and not DynamoDB Local's. Bootstraps are built exactly as `make build` builds
// them, for this machine; sizes are reported for Lambda's arm64 build.
//
//	go test -run '^$' -bench ColdStart -benchtime 20x ./infra/lambdaemu/
//
// ms-p50 is the median of the b.N starts (docs/benchmarks.md).
func BenchmarkColdStart(b *testing.B) {
	ctx := context.Background()
	root, err := localaws.RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	dirs, err := os.ReadDir(filepath.Join(root, "functions"))
	if err != nil {
		b.Fatal(err)
	}
	var fns []string
	for _, d := range dirs {
		if d.IsDir() {
			fns = append(fns, d.Name())
		}
	}
	host, err := lambdaemu.Build(ctx, root, b.TempDir(), lambdaemu.BuildOptions{Release: true}, fns...)
	if err != nil {
		b.Fatal(err)
	}
	arm, err := lambdaemu.Build(ctx, root, b.TempDir(), lambdaemu.BuildOptions{Release: true, GOARCH: "arm64"}, fns...)
	if err != nil {
		b.Fatal(err)
	}
	db, gw := localaws.MustDynamo(b), localaws.MustS3(b)
	overrides := map[string]string{
		"TABLE_NAME": "coldstart", "DYNAMODB_ENDPOINT": db.Endpoint, "S3_ENDPOINT": gw.Endpoint,
		"CURSOR_KEY": "coldstart-cursor-key-0123456789abcdef", "INGEST_CLIENT_TENANTS": "{}",
	}
	for _, fn := range fns {
		event, answered := coldEvent(b, root, fn)
		if event == nil {
			continue
		}
		env, err := lambdaemu.TemplateEnv(root, fn, overrides)
		if err != nil {
			b.Fatal(err)
		}
		env = append(env, "AWS_ACCESS_KEY_ID="+gw.AccessKey, "AWS_SECRET_ACCESS_KEY="+gw.SecretKey, "LOG_LEVEL=error")
		size, err := os.Stat(arm[fn])
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fn, func(b *testing.B) {
			starts := make([]time.Duration, 0, b.N)
			inits := make([]time.Duration, 0, b.N)
			for b.Loop() {
				e := lambdaemu.New(lambdaemu.Options{Bootstrap: host[fn], Env: env, FunctionName: fn})
				t0 := time.Now()
				res, err := e.Invoke(ctx, event)
				elapsed := time.Since(t0)
				e.Close()
				if err != nil {
					b.Fatal(err)
				}
				if res.ErrorType != "" || !answered(res.Payload) {
					b.Fatalf("%s %s", res.ErrorType, res.Payload)
				}
				starts, inits = append(starts, elapsed), append(inits, res.InitDuration)
			}
			b.ReportMetric(ms(percentile(starts, 50)), "ms-p50")
			b.ReportMetric(ms(percentile(starts, 90)), "ms-p90")
			b.ReportMetric(ms(percentile(inits, 50)), "ms-init-p50")
			b.ReportMetric(float64(size.Size())/1e6, "MB-arm64")
		})
	}
}

// coldEvent is the event a function's cold start answers without calling
// AWS, and how to tell its answer: an HTTP function's first API Gateway
// sample without claims (401); the exporter's stream sample as a MODIFY,
// which its filter skips (the function returns null). Nil: none.
func coldEvent(b *testing.B, root, fn string) ([]byte, func(payload []byte) bool) {
	b.Helper()
	load := func(pattern string) map[string]any {
		samples, _ := filepath.Glob(filepath.Join(root, "functions", fn, "testdata", pattern))
		if len(samples) == 0 {
			return nil
		}
		var ev map[string]any
		raw, _ := os.ReadFile(samples[0])
		if err := json.Unmarshal(raw, &ev); err != nil {
			b.Fatal(err)
		}
		return ev
	}
	if ev := load("apigw-*.json"); ev != nil {
		withoutClaims(ev)
		event, _ := json.Marshal(ev)
		return event, func(p []byte) bool {
			var resp events.APIGatewayV2HTTPResponse
			return json.Unmarshal(p, &resp) == nil && resp.StatusCode == 401
		}
	}
	if ev := load("stream-*.json"); ev != nil {
		for _, r := range ev["Records"].([]any) {
			r.(map[string]any)["eventName"] = "MODIFY"
		}
		event, _ := json.Marshal(ev)
		return event, func(p []byte) bool { return string(p) == "null" }
	}
	return nil, nil
}

func percentile(d []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
