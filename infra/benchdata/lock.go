package benchdata

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// One process at a time may use a benchmark database: a second DynamoDB
// Local on the same working copy would write the SQLite file under the
// first, and its Close would move the file away from under it. A benchmark
// started while the load still runs must fail, not wait an hour or corrupt
// the load.

const lockFile = ".lock"

// lockDir takes the directory's lock or says who holds it.
func lockDir(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(f.Name())
		f.Close()
		return nil, fmt.Errorf("benchdata: %s is in use by another process (%s): is a load still running?", dir, holder)
	}
	_ = f.Truncate(0)
	_, _ = fmt.Fprintf(f, "pid %d, %s", os.Getpid(), filepath.Base(os.Args[0]))
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
