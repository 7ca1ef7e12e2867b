package lambdaemu

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Options configure an Emulator. Defaults are the template's Globals
// (256 MB, 29 s) and Lambda's own limits.
type Options struct {
	Bootstrap    string        // the built executable
	Env          []string      // the function's environment, KEY=VALUE, as the template sets it
	FunctionName string        // default "function"
	Region       string        // default us-east-1
	MemoryMB     int           // default 256; only reported to the function
	Timeout      time.Duration // one invocation; default 29 s
	InitTimeout  time.Duration // start to first /next; default 10 s, Lambda's
	Logs         io.Writer     // the bootstrap's stdout and stderr; nil discards
}

// Emulator is one function's execution environment: at most one bootstrap
// process at a time, started on the first invocation and again after it
// exits, serving one invocation at a time.
type Emulator struct {
	opts Options

	mu     sync.Mutex // held for a whole invocation: invocations queue
	sb     *sandbox
	closed bool
}

// Result is one invocation's outcome.
type Result struct {
	RequestID string
	// Status is what the invocations endpoint answers: 200, or 502 when
	// the runtime failed to start or exited.
	Status      int
	Payload     []byte // the function's response, or an error document
	ContentType string
	// ErrorType is empty on success, else the error's type: the runtime's
	// Lambda-Runtime-Function-Error-Type, Runtime.ExitError,
	// Sandbox.Timedout, or what a failed init reported.
	ErrorType    string
	ColdStart    bool          // this invocation started the process
	InitDuration time.Duration // on a cold start: process start to its first /next
	Duration     time.Duration // event handed over to answer
}

// New prepares an emulator; nothing starts before the first invocation.
func New(o Options) *Emulator {
	if o.FunctionName == "" {
		o.FunctionName = "function"
	}
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.MemoryMB == 0 {
		o.MemoryMB = 256
	}
	if o.Timeout == 0 {
		o.Timeout = 29 * time.Second
	}
	if o.InitTimeout == 0 {
		o.InitTimeout = 10 * time.Second
	}
	if o.Logs == nil {
		o.Logs = io.Discard
	}
	return &Emulator{opts: o}
}

// ErrClosed is returned by Invoke after Close.
var ErrClosed = errors.New("lambdaemu: emulator closed")

// Invoke runs one invocation, starting the bootstrap first if no process
// is running. Function, init, exit and timeout failures are Results, not
// errors; the error is for the emulator's own failures and for ctx.
func (e *Emulator) Invoke(ctx context.Context, event []byte) (Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return Result{}, ErrClosed
	}
	res := Result{RequestID: newRequestID()}
	inv := &invocation{
		id:    res.RequestID,
		event: event,
		arn:   fmt.Sprintf("arn:aws:lambda:%s:000000000000:function:%s", e.opts.Region, e.opts.FunctionName),
		trace: newTraceID(),
		done:  make(chan outcome, 1),
	}
	var sb *sandbox
	var timeout *time.Timer
	defer func() {
		if timeout != nil {
			timeout.Stop()
		}
	}()
	// A process may end between invocations (aws-lambda-go exits after
	// reporting a panic): as Lambda would, the invocation then goes to a
	// fresh one. Only a process that ends again before taking it fails it.
	for attempt := 0; sb == nil; attempt++ {
		if e.sb != nil && e.sb.hasExited() {
			e.discard()
		}
		if e.sb == nil {
			started, err := startSandbox(e.opts)
			if err != nil {
				return res, err
			}
			e.sb = started
			res.ColdStart = true
			if ok, err := e.awaitInit(ctx, started, &res); !ok {
				e.discard()
				return res, err
			}
			res.InitDuration = started.initDuration()
		}
		inv.deadline = time.Now().Add(e.opts.Timeout)
		timeout = time.NewTimer(e.opts.Timeout)
		e.sb.setCurrent(inv)
		select {
		case e.sb.pending <- inv:
			sb = e.sb
		case <-e.sb.exited:
			timeout.Stop()
			if attempt > 0 {
				e.exitResult(e.sb, &res)
				e.discard()
				return res, nil
			}
		case <-timeout.C:
			e.timeoutResult(&res)
			e.discard()
			return res, nil
		case <-ctx.Done():
			e.sb.setCurrent(nil)
			return res, ctx.Err()
		}
	}
	defer sb.setCurrent(nil)
	start := time.Now()
	select {
	case o := <-inv.done:
		res.setOutcome(o)
	case <-sb.exited:
		// A runtime that reports an error and then exits has delivered its
		// report first.
		select {
		case o := <-inv.done:
			res.setOutcome(o)
		default:
			e.exitResult(sb, &res)
			e.discard()
		}
	case <-timeout.C:
		// Lambda resets the environment of a timed-out invocation.
		e.timeoutResult(&res)
		e.discard()
	case <-ctx.Done():
		// The process would answer an invocation nobody waits for.
		e.discard()
		return res, ctx.Err()
	}
	res.Duration = time.Since(start)
	return res, nil
}

// discard stops the current process, if any.
func (e *Emulator) discard() {
	if e.sb != nil {
		e.sb.stop()
		e.sb = nil
	}
}

// awaitInit waits for a new process's first /next. On an init failure it
// fills res and returns false, with ctx's error if that was the cause.
func (e *Emulator) awaitInit(ctx context.Context, sb *sandbox, res *Result) (bool, error) {
	timer := time.NewTimer(e.opts.InitTimeout)
	defer timer.Stop()
	select {
	case <-sb.ready:
		return true, nil
	case <-sb.initFailed:
		e.initErrorResult(sb, res)
	case <-sb.exited:
		// /init/error, if it came, came before the exit.
		select {
		case <-sb.initFailed:
			e.initErrorResult(sb, res)
		default:
			e.exitResult(sb, res)
		}
	case <-timer.C:
		msg := fmt.Sprintf("RequestId: %s Error: init timed out after %.2f seconds", res.RequestID, e.opts.InitTimeout.Seconds())
		res.Status, res.ErrorType, res.Payload, res.ContentType = http.StatusBadGateway, "Sandbox.Timedout", errorDocument("Sandbox.Timedout", msg), "application/json"
	case <-ctx.Done():
		return false, ctx.Err()
	}
	return false, nil
}

func (e *Emulator) initErrorResult(sb *sandbox, res *Result) {
	doc := sb.reportedInitError()
	res.Status, res.ErrorType, res.Payload, res.ContentType = http.StatusBadGateway, doc.errorType, doc.payload, "application/json"
}

func (e *Emulator) exitResult(sb *sandbox, res *Result) {
	msg := fmt.Sprintf("RequestId: %s Error: Runtime exited with error: %v", res.RequestID, sb.exitError())
	if sb.exitError() == nil {
		msg = fmt.Sprintf("RequestId: %s Error: Runtime exited without providing a reason", res.RequestID)
	}
	res.Status, res.ErrorType, res.Payload, res.ContentType = http.StatusBadGateway, "Runtime.ExitError", errorDocument("Runtime.ExitError", msg), "application/json"
}

func (e *Emulator) timeoutResult(res *Result) {
	msg := fmt.Sprintf("RequestId: %s Error: Task timed out after %.2f seconds", res.RequestID, e.opts.Timeout.Seconds())
	res.Status, res.ErrorType, res.Payload, res.ContentType = http.StatusOK, "Sandbox.Timedout", errorDocument("Sandbox.Timedout", msg), "application/json"
}

func (r *Result) setOutcome(o outcome) {
	r.Status, r.Payload, r.ContentType, r.ErrorType = http.StatusOK, o.payload, o.contentType, o.errorType
}

// Close stops the process, if any. Invocations after it fail.
func (e *Emulator) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	e.discard()
}

// errorDocument is Lambda's error payload.
func errorDocument(errorType, message string) []byte {
	b, _ := json.Marshal(struct {
		Type    string `json:"errorType"`
		Message string `json:"errorMessage"`
	}{errorType, message})
	return b
}
