package localaws

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// DynamoDB Local with -dbPath keeps one SQLite file and syncs it to disk
// on every write, which makes a first load several times slower than the
// same writes in memory (docs/benchmarks.md). So the dev stack and the
// benchmark data set run it on a working copy in /dev/shm (tmpfs) and move
// the file back to the durable directory when they stop. If the process is
// killed before that, the working copy is left behind, is the newer one,
// and the next start picks it up; if the durable directory was wiped (make
// dev-reset, rm -rf .bench), it is discarded.

// DBFile is DynamoDB Local's file name with -sharedDb.
const DBFile = "shared-local-instance.db"

// DBPlace is where a persisted DynamoDB Local database is kept and where
// it runs.
type DBPlace struct {
	Persist string // the durable directory, e.g. .dev/dynamodb
	Work    string // pass as DynamoOptions.DBPath; == Persist when there is no tmpfs
}

// PlaceDB readies the working copy of the database kept in persist,
// creating persist if needed.
func PlaceDB(persist string) (DBPlace, error) {
	abs, err := filepath.Abs(persist)
	if err != nil {
		return DBPlace{}, err
	}
	fresh := false
	if _, err := os.Stat(abs); os.IsNotExist(err) {
		fresh = true
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return DBPlace{}, err
	}
	p := DBPlace{Persist: abs, Work: abs}
	if st, err := os.Stat("/dev/shm"); err != nil || !st.IsDir() {
		return p, nil
	}
	p.Work = DBWorkDir(abs)
	if fresh {
		_ = os.RemoveAll(p.Work)
	}
	if err := os.MkdirAll(p.Work, 0o755); err != nil {
		return DBPlace{Persist: abs, Work: abs}, nil
	}
	// Start from whichever copy is newer.
	pf, wf := filepath.Join(p.Persist, DBFile), filepath.Join(p.Work, DBFile)
	ps, perr := os.Stat(pf)
	ws, werr := os.Stat(wf)
	if perr == nil && (werr != nil || ps.ModTime().After(ws.ModTime())) {
		if err := copyFile(pf, wf); err != nil {
			return DBPlace{}, fmt.Errorf("copy database to tmpfs: %w", err)
		}
	}
	return p, nil
}

// DBWorkDir names the tmpfs working copy of the database kept in the
// absolute directory persist.
func DBWorkDir(persist string) string {
	sum := sha256.Sum256([]byte(persist))
	return filepath.Join("/dev/shm", "rastro-dynamodb-"+hex.EncodeToString(sum[:6]))
}

// Save copies the working database back and frees the tmpfs copy; call
// it after DynamoDB Local has stopped, so the file is complete. The zero
// DBPlace (an in-memory database) has nothing to save.
func (p DBPlace) Save() error {
	if p.Work == p.Persist {
		return nil
	}
	wf := filepath.Join(p.Work, DBFile)
	if _, err := os.Stat(wf); err == nil {
		if err := copyFile(wf, filepath.Join(p.Persist, DBFile)); err != nil {
			return err // keep the working copy: it is the newest data
		}
	}
	return os.RemoveAll(p.Work)
}

// copyFile writes dst atomically (temp file, synced, then rename): a
// crash while saving leaves the previous copy whole, never half of each.
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
	if err := tmp.Sync(); err != nil {
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
