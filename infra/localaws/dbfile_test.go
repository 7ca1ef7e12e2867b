package localaws

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDatabaseWorkingCopy(t *testing.T) {
	persist := filepath.Join(t.TempDir(), "dynamodb")
	p, err := PlaceDB(persist)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(p.Work) })
	if p.Work == p.Persist {
		t.Skip("no tmpfs here; the database runs in place")
	}
	write := func(path, s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			return "<missing>"
		}
		return string(b)
	}
	work, kept := filepath.Join(p.Work, DBFile), filepath.Join(persist, DBFile)

	write(work, "v1")
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	if read(kept) != "v1" || read(work) != "<missing>" {
		t.Fatalf("after a clean stop: kept %q, working copy %q", read(kept), read(work))
	}

	// Next start copies the kept file in; a crash leaves a newer working copy.
	p, err = PlaceDB(persist)
	if err != nil {
		t.Fatal(err)
	}
	if read(work) != "v1" {
		t.Fatalf("start did not copy the database in: %q", read(work))
	}
	write(work, "v2")
	future := time.Now().Add(time.Minute)
	_ = os.Chtimes(work, future, future)
	if _, err := PlaceDB(persist); err != nil {
		t.Fatal(err)
	}
	if read(work) != "v2" {
		t.Fatalf("a newer working copy was overwritten: %q", read(work))
	}

	// make dev-reset wipes .dev: the working copy goes too.
	if err := os.RemoveAll(persist); err != nil {
		t.Fatal(err)
	}
	if _, err := PlaceDB(persist); err != nil {
		t.Fatal(err)
	}
	if read(work) != "<missing>" {
		t.Fatalf("working copy survived a reset: %q", read(work))
	}
}
