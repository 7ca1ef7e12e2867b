package benchdata

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/rastro-cc/rastro/infra/localaws"
)

// A load runs on a tmpfs working copy (on disk DynamoDB Local syncs every
// write). A complete data set is read in place instead: reads don't sync,
// and copying the ~10 GB of a million interactions into /dev/shm would
// take longer than the benchmark's start should and hold that much memory
// for as long as it runs. The file below, next to the durable database,
// says which data set it holds complete; it is written only after the
// database was saved whole.
const completeFile = "complete"

// DefaultDir is the durable directory of the benchmark database:
// .bench/dynamodb at the repository root (git-ignored).
func DefaultDir() (string, error) {
	root, err := localaws.RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, ".bench", "dynamodb"), nil
}

// placeFor decides where DynamoDB Local runs for the data set fp; a
// writer (Options.Write) always gets a working copy.
func placeFor(dir, fp string, write bool) (p localaws.DBPlace, inPlace bool, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return localaws.DBPlace{}, false, err
	}
	if !write && CompleteIn(abs) == fp && exists(filepath.Join(abs, localaws.DBFile)) &&
		// A working copy left by a killed load is newer than the durable one.
		!exists(filepath.Join(localaws.DBWorkDir(abs), localaws.DBFile)) {
		return localaws.DBPlace{Persist: abs, Work: abs}, true, nil
	}
	p, err = localaws.PlaceDB(abs)
	return p, false, err
}

// CompleteIn is the fingerprint of the complete data set saved in dir,
// or "" when it holds none (or is in use: a start clears it until Close).
func CompleteIn(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, completeFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// markComplete records, after the database was saved, which complete data
// set it holds; an empty fp says it holds none.
func markComplete(dir, fp string) error {
	path := filepath.Join(dir, completeFile)
	if fp == "" {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(fp+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
