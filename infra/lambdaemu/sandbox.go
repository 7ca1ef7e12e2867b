package lambdaemu

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// maxPayload is Lambda's limit on a synchronous response (6 MB).
const maxPayload = 6 * 1024 * 1024

// sandbox is one bootstrap process and the Runtime API it talks to. Each
// process gets its own listener, so a request from a process being stopped
// can never take the next process's invocation.
type sandbox struct {
	ln      net.Listener
	srv     *http.Server
	cmd     *exec.Cmd
	started time.Time
	pending chan *invocation // an invocation waiting for /next

	ready      chan struct{} // closed at the first /next
	initFailed chan struct{} // closed by /init/error
	exited     chan struct{} // closed when the process is gone

	mu       sync.Mutex
	readyAt  time.Time
	initErr  outcome
	current  *invocation
	exitErr  error
	stopOnce sync.Once
}

type invocation struct {
	id, arn, trace string
	event          []byte
	deadline       time.Time
	done           chan outcome // buffered: the first answer only
	answered       bool         // guarded by sandbox.mu
}

type outcome struct {
	payload     []byte
	contentType string
	errorType   string // "" on success
}

func startSandbox(o Options) (*sandbox, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	sb := &sandbox{
		ln:         ln,
		pending:    make(chan *invocation),
		ready:      make(chan struct{}),
		initFailed: make(chan struct{}),
		exited:     make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /2018-06-01/runtime/invocation/next", sb.next)
	mux.HandleFunc("POST /2018-06-01/runtime/invocation/{id}/response", sb.response)
	mux.HandleFunc("POST /2018-06-01/runtime/invocation/{id}/error", sb.invocationError)
	mux.HandleFunc("POST /2018-06-01/runtime/init/error", sb.postInitError)
	sb.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = sb.srv.Serve(ln) }()

	bootstrap, err := filepath.Abs(o.Bootstrap)
	if err != nil {
		_ = sb.srv.Close()
		return nil, err
	}
	cmd := exec.Command(bootstrap)
	cmd.Dir = filepath.Dir(bootstrap) // Lambda's /var/task
	cmd.Env = append(append([]string{}, o.Env...), runtimeEnv(o, ln.Addr().String(), filepath.Dir(bootstrap))...)
	cmd.Stdout, cmd.Stderr = o.Logs, o.Logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	sb.started = time.Now()
	if err := cmd.Start(); err != nil {
		_ = sb.srv.Close()
		return nil, fmt.Errorf("lambdaemu: start %s: %w", o.Bootstrap, err)
	}
	sb.cmd = cmd
	go func() {
		err := cmd.Wait()
		sb.mu.Lock()
		sb.exitErr = err
		sb.mu.Unlock()
		close(sb.exited)
	}()
	return sb, nil
}

// runtimeEnv is what Lambda sets for every function; it comes after the
// function's own variables, so it wins, as Lambda's reserved ones do.
func runtimeEnv(o Options, api, taskRoot string) []string {
	return []string{
		"AWS_LAMBDA_RUNTIME_API=" + api,
		"AWS_LAMBDA_FUNCTION_NAME=" + o.FunctionName,
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=" + strconv.Itoa(o.MemoryMB),
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/" + o.FunctionName,
		"AWS_LAMBDA_LOG_STREAM_NAME=lambdaemu",
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_REGION=" + o.Region,
		"AWS_DEFAULT_REGION=" + o.Region,
		"_HANDLER=bootstrap",
		"LAMBDA_TASK_ROOT=" + taskRoot,
		"TZ=:UTC",
		"LANG=en_US.UTF-8",
		"PATH=/usr/local/bin:/usr/bin/:/bin:/opt/bin",
	}
}

func (sb *sandbox) hasExited() bool {
	select {
	case <-sb.exited:
		return true
	default:
		return false
	}
}

func (sb *sandbox) exitError() error {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.exitErr
}

func (sb *sandbox) reportedInitError() outcome {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.initErr
}

func (sb *sandbox) initDuration() time.Duration {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.readyAt.Sub(sb.started)
}

func (sb *sandbox) setCurrent(inv *invocation) {
	sb.mu.Lock()
	sb.current = inv
	sb.mu.Unlock()
}

// stop kills the process group and closes the Runtime API.
func (sb *sandbox) stop() {
	sb.stopOnce.Do(func() {
		if sb.cmd != nil && !sb.hasExited() {
			_ = syscall.Kill(-sb.cmd.Process.Pid, syscall.SIGKILL)
		}
		if sb.cmd != nil {
			<-sb.exited
		}
		_ = sb.srv.Close()
	})
}

// next hands the runtime the next invocation. The first call ends init.
func (sb *sandbox) next(w http.ResponseWriter, r *http.Request) {
	sb.mu.Lock()
	if sb.readyAt.IsZero() {
		select {
		case <-sb.initFailed:
			sb.mu.Unlock()
			writeError(w, http.StatusForbidden, "InvalidStateTransition", "init failed; the runtime must exit")
			return
		default:
		}
		sb.readyAt = time.Now()
		close(sb.ready)
	}
	sb.mu.Unlock()
	select {
	case inv := <-sb.pending:
		h := w.Header()
		h.Set("Lambda-Runtime-Aws-Request-Id", inv.id)
		h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(inv.deadline.UnixMilli(), 10))
		h.Set("Lambda-Runtime-Invoked-Function-Arn", inv.arn)
		h.Set("Lambda-Runtime-Trace-Id", inv.trace)
		h.Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(inv.event)
	case <-r.Context().Done():
	}
}

// claim finds the invocation an id names, if it may still be answered.
func (sb *sandbox) claim(w http.ResponseWriter, id string) *invocation {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	inv := sb.current
	switch {
	case inv == nil || inv.id != id:
		writeError(w, http.StatusBadRequest, "InvalidRequestID", "Invalid request ID")
		return nil
	case inv.answered:
		writeError(w, http.StatusForbidden, "InvalidStateTransition", "the invocation was already answered")
		return nil
	}
	return inv
}

func (sb *sandbox) answer(inv *invocation, o outcome) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if !inv.answered {
		inv.answered = true
		inv.done <- o
	}
}

func (sb *sandbox) response(w http.ResponseWriter, r *http.Request) {
	inv := sb.claim(w, r.PathValue("id"))
	if inv == nil {
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxPayload+1))
	switch {
	case err != nil:
		writeError(w, http.StatusBadRequest, "InvalidRequest", err.Error())
		return
	case len(body) > maxPayload:
		msg := fmt.Sprintf("Response payload size exceeded maximum allowed payload size (%d bytes).", maxPayload)
		sb.answer(inv, outcome{payload: errorDocument("Function.ResponseSizeTooLarge", msg), contentType: "application/json", errorType: "Function.ResponseSizeTooLarge"})
		writeError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", msg)
		return
	}
	// aws-lambda-go streams the response and, when reading it fails part
	// way, ends the body with these trailers instead of calling /error.
	if t := r.Trailer.Get("Lambda-Runtime-Function-Error-Type"); t != "" {
		doc, err := base64.StdEncoding.DecodeString(r.Trailer.Get("Lambda-Runtime-Function-Error-Body"))
		if err != nil || len(doc) == 0 {
			doc = errorDocument(t, "the response failed while it was being sent")
		}
		sb.answer(inv, outcome{payload: doc, contentType: "application/json", errorType: t})
	} else {
		sb.answer(inv, outcome{payload: body, contentType: r.Header.Get("Content-Type")})
	}
	accepted(w)
}

func (sb *sandbox) invocationError(w http.ResponseWriter, r *http.Request) {
	inv := sb.claim(w, r.PathValue("id"))
	if inv == nil {
		return
	}
	doc, errorType, err := readErrorDocument(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequest", err.Error())
		return
	}
	sb.answer(inv, outcome{payload: doc, contentType: "application/json", errorType: errorType})
	accepted(w)
}

func (sb *sandbox) postInitError(w http.ResponseWriter, r *http.Request) {
	doc, errorType, err := readErrorDocument(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequest", err.Error())
		return
	}
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if !sb.readyAt.IsZero() {
		writeError(w, http.StatusForbidden, "InvalidStateTransition", "init is over: report errors on the invocation")
		return
	}
	select {
	case <-sb.initFailed:
		writeError(w, http.StatusForbidden, "InvalidStateTransition", "init error already reported")
		return
	default:
	}
	sb.initErr = outcome{payload: doc, contentType: "application/json", errorType: errorType}
	close(sb.initFailed)
	accepted(w)
}

// readErrorDocument takes an error report: its type from the
// Lambda-Runtime-Function-Error-Type header, else from the document, else
// "Unhandled"; a body that is not an error document is wrapped in one.
func readErrorDocument(r *http.Request) ([]byte, string, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxPayload+1))
	if err != nil {
		return nil, "", err
	}
	if len(body) > maxPayload {
		return nil, "", errors.New("error document over 6 MB")
	}
	var doc struct {
		Type string `json:"errorType"`
	}
	valid := json.Unmarshal(body, &doc) == nil
	errorType := r.Header.Get("Lambda-Runtime-Function-Error-Type")
	if errorType == "" {
		errorType = doc.Type
	}
	if errorType == "" {
		errorType = "Unhandled"
	}
	if !valid {
		body = errorDocument(errorType, string(body))
	}
	return body, errorType, nil
}

func accepted(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	_, _ = w.Write([]byte(`{"status":"OK"}`))
}

func writeError(w http.ResponseWriter, status int, errorType, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(errorDocument(errorType, msg))
}
