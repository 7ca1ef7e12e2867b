package localaws

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// process is a child started in its own process group that receives
// SIGKILL if this process dies first.
type process struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	once sync.Once
}

func startProcess(name string, log io.Writer, env []string, bin string, args ...string) (*process, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	return p, nil
}

// stop asks the group to end, then kills it if it has not within 5 s.
func (p *process) stop() {
	p.once.Do(func() {
		pgid := p.cmd.Process.Pid
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-pgid, syscall.SIGKILL)
			<-p.done
		}
	})
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// portLock serializes "pick a free port, start, wait until it answers"
// across processes: between closing the probe listener and the child's
// bind another test binary could pick the same port, and its readiness
// check would then be answered by our process (or ours by its).
func portLock() (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "rastro-localaws.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// waitReady polls check until it succeeds, the process exits, or ctx ends.
// An exited process is checked first, so a child that failed to bind is
// never mistaken for ready because something else answers on its port.
func waitReady(ctx context.Context, p *process, check func(context.Context) error) error {
	var last error
	for {
		if p.exited() {
			return fmt.Errorf("%s exited before it was ready (last check: %v)", p.name, last)
		}
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		last = check(cctx)
		cancel()
		if last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s not ready: %v", p.name, last)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func addr(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }
