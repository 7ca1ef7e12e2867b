// Command invoke runs one function's built bootstrap under the Lambda
// Runtime API emulator (infra/lambdaemu) with the environment `sam local`
// would give it (template.yaml's declared variables, valued from
// infra/sam/env.json), against DynamoDB Local and versitygw.
//
//	invoke -fn settings -event functions/settings/testdata/apigw-me.json
//
// prints the function's answer on stdout (its logs go to stderr) and exits
// 1 if the invocation failed. Without -event it serves invocations on
// -addr like the official emulator, until interrupted:
//
//	curl -d @event.json http://127.0.0.1:9000/2015-03-31/functions/function/invocations
//
// It starts its own in-memory DynamoDB Local and versitygw, with the table
// and buckets env.json names, unless -dynamodb and -s3 point at running
// ones, such as `make dev`'s (their endpoints are in its log; the table,
// bucket names and keys are already the dev server's). `make invoke` runs
// it after building the bootstrap for this machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/rastro-cc/rastro/infra/devserver"
	"github.com/rastro-cc/rastro/infra/lambdaemu"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/store"
)

type envFlags []string

func (e *envFlags) String() string { return strings.Join(*e, ",") }
func (e *envFlags) Set(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("want KEY=VALUE, got %q", v)
	}
	*e = append(*e, v)
	return nil
}

func main() {
	var extra envFlags
	fn := flag.String("fn", "", "function folder under functions/ (required)")
	bootstrap := flag.String("bootstrap", "", "built bootstrap (default: build/<fn>/bootstrap, as `make build-<fn> GOARCH_LAMBDA=<this machine>` writes it)")
	eventFile := flag.String("event", "", "event JSON file, - for stdin; without it, serve invocations on -addr")
	addr := flag.String("addr", "127.0.0.1:9000", "where to serve invocations without -event")
	dynamoEndpoint := flag.String("dynamodb", "", "a running DynamoDB Local (e.g. make dev's); empty starts one in memory")
	s3Endpoint := flag.String("s3", "", "a running versitygw (e.g. make dev's); empty starts one in a temporary folder")
	accessKey := flag.String("access-key", devserver.S3AccessKey, "versitygw's access key, with -s3")
	secretKey := flag.String("secret-key", devserver.S3SecretKey, "versitygw's secret key, with -s3")
	timeout := flag.Duration("timeout", 29*time.Second, "invocation timeout (template.yaml's Globals)")
	flag.Var(&extra, "env", "KEY=VALUE to add to the function's environment, even undeclared (repeatable)")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if *fn == "" || (*dynamoEndpoint == "") != (*s3Endpoint == "") {
		fmt.Fprintln(os.Stderr, "usage: invoke -fn <function> [-event <file>] [-dynamodb <url> -s3 <url>]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := run(ctx, options{
		fn: *fn, bootstrap: *bootstrap, eventFile: *eventFile, addr: *addr, extraEnv: extra, timeout: *timeout,
		dynamo: *dynamoEndpoint, s3: *s3Endpoint, accessKey: *accessKey, secretKey: *secretKey,
	})
	if err != nil {
		slog.Error("invoke", "error", err.Error())
		os.Exit(1)
	}
	os.Exit(code)
}

type options struct {
	fn, bootstrap, eventFile, addr string
	extraEnv                       []string
	timeout                        time.Duration
	dynamo, s3                     string
	accessKey, secretKey           string
}

func run(ctx context.Context, o options) (int, error) {
	root, err := localaws.RepoRoot()
	if err != nil {
		return 0, err
	}
	if o.bootstrap == "" {
		o.bootstrap = filepath.Join(root, "build", o.fn, "bootstrap")
	}
	if _, err := os.Stat(o.bootstrap); err != nil {
		return 0, fmt.Errorf("%w: build it with `make build-%s GOARCH_LAMBDA=$(go env GOARCH)`", err, o.fn)
	}
	var event []byte
	switch o.eventFile {
	case "":
	case "-":
		event, err = io.ReadAll(os.Stdin)
	default:
		event, err = os.ReadFile(o.eventFile)
	}
	if err != nil {
		return 0, err
	}

	if o.dynamo == "" {
		stop, err := startStandIns(ctx, root, &o)
		if err != nil {
			return 0, err
		}
		defer stop()
	}
	env, err := lambdaemu.TemplateEnv(root, o.fn, map[string]string{"DYNAMODB_ENDPOINT": o.dynamo, "S3_ENDPOINT": o.s3})
	if err != nil {
		return 0, err
	}
	env = append(env, "AWS_ACCESS_KEY_ID="+o.accessKey, "AWS_SECRET_ACCESS_KEY="+o.secretKey)
	env = append(env, o.extraEnv...)
	emu := lambdaemu.New(lambdaemu.Options{Bootstrap: o.bootstrap, Env: env, FunctionName: o.fn, Timeout: o.timeout, Logs: os.Stderr})
	defer emu.Close()

	if event == nil {
		return 0, serve(ctx, emu, o.addr)
	}
	res, err := emu.Invoke(ctx, event)
	if err != nil {
		return 0, err
	}
	report := fmt.Sprintf("REPORT RequestId: %s Duration: %.2f ms", res.RequestID, ms(res.Duration))
	if res.ColdStart {
		report += fmt.Sprintf(" Init Duration: %.2f ms", ms(res.InitDuration))
	}
	if res.ErrorType != "" {
		report += " Error: " + res.ErrorType
	}
	fmt.Fprintln(os.Stderr, report)
	fmt.Println(string(res.Payload))
	if res.ErrorType != "" {
		return 1, nil
	}
	return 0, nil
}

// startStandIns starts an in-memory DynamoDB Local and a versitygw with
// the table and buckets env.json names, and points o at them.
func startStandIns(ctx context.Context, root string, o *options) (stop func(), err error) {
	names, err := lambdaemu.TemplateEnv(root, o.fn, nil)
	if err != nil {
		return nil, err
	}
	value := func(k string) string {
		for _, kv := range names {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	dir, err := os.MkdirTemp("", "rastro-invoke-s3-")
	if err != nil {
		return nil, err
	}
	db, err := localaws.StartDynamo(ctx, localaws.DynamoOptions{})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	gw, err := localaws.StartS3(ctx, localaws.S3Options{Dir: dir})
	if err != nil {
		db.Stop()
		os.RemoveAll(dir)
		return nil, err
	}
	stop = func() { gw.Stop(); db.Stop(); os.RemoveAll(dir) }
	if t := value("TABLE_NAME"); t != "" {
		if err := store.CreateTable(ctx, db.Client(), t); err != nil {
			stop()
			return nil, err
		}
	}
	for _, b := range []string{value("INGEST_BUCKET"), value("MEDIA_BUCKET")} {
		if b == "" {
			continue
		}
		if err := gw.EnsureBucket(ctx, b); err != nil {
			stop()
			return nil, err
		}
	}
	o.dynamo, o.s3, o.accessKey, o.secretKey = db.Endpoint, gw.Endpoint, gw.AccessKey, gw.SecretKey
	slog.Info("stand-ins up", "dynamodb", db.Endpoint, "s3", gw.Endpoint, "table", value("TABLE_NAME"))
	return stop, nil
}

func serve(ctx context.Context, emu *lambdaemu.Emulator, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu.Handler(), ReadHeaderTimeout: 10 * time.Second}
	slog.Info("serving invocations", "url", "http://"+addr+"/2015-03-31/functions/function/invocations")
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	case err := <-served:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
