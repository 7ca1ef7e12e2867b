package devserver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// DynamoDB Local with -dbPath keeps one SQLite file and syncs it to disk
// on every write, which makes the first seed of the demo tenant several
// times slower than the same writes in memory (docs/benchmarks.md). So the
// dev stack runs it on a working copy in /dev/shm (tmpfs) and moves the
// file back to .dev/ when it stops. If the process is killed before that,
// the working copy is left behind, is the newer one, and the next start
// picks it up; if .dev/ was wiped (make dev-reset), it is discarded.

const dbFile = "shared-local-instance.db" // DynamoDB Local's name with -sharedDb

type dbPlace struct {
	persist string // .dev/dynamodb
	work    string // where DynamoDB Local runs; == persist when no tmpfs
}

func placeDB(persist string) (dbPlace, error) {
	abs, err := filepath.Abs(persist)
	if err != nil {
		return dbPlace{}, err
	}
	fresh := false
	if _, err := os.Stat(abs); os.IsNotExist(err) {
		fresh = true
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return dbPlace{}, err
	}
	p := dbPlace{persist: abs, work: abs}
	if st, err := os.Stat("/dev/shm"); err != nil || !st.IsDir() {
		return p, nil
	}
	p.work = workDirFor(abs)
	if fresh {
		_ = os.RemoveAll(p.work)
	}
	if err := os.MkdirAll(p.work, 0o755); err != nil {
		return dbPlace{persist: abs, work: abs}, nil
	}
	// Start from whichever copy is newer.
	pf, wf := filepath.Join(p.persist, dbFile), filepath.Join(p.work, dbFile)
	ps, perr := os.Stat(pf)
	ws, werr := os.Stat(wf)
	if perr == nil && (werr != nil || ps.ModTime().After(ws.ModTime())) {
		if err := copyFile(pf, wf); err != nil {
			return dbPlace{}, fmt.Errorf("copy database to tmpfs: %w", err)
		}
	}
	return p, nil
}

// workDirFor names the tmpfs working copy of a data directory's database.
func workDirFor(persist string) string {
	sum := sha256.Sum256([]byte(persist))
	return filepath.Join("/dev/shm", "rastro-dynamodb-"+hex.EncodeToString(sum[:6]))
}

// save copies the working database back and frees the tmpfs copy; call
// it after DynamoDB Local has stopped, so the file is complete.
func (p dbPlace) save() error {
	if p.work == p.persist {
		return nil
	}
	wf := filepath.Join(p.work, dbFile)
	if _, err := os.Stat(wf); err == nil {
		if err := copyFile(wf, filepath.Join(p.persist, dbFile)); err != nil {
			return err // keep the working copy: it is the newest data
		}
	}
	return os.RemoveAll(p.work)
}

// copyFile writes dst atomically (temp file, then rename).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".copy-*")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
