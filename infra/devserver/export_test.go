package devserver

import (
	"path/filepath"

	"github.com/rastro-cc/rastro/infra/localaws"
)

// DatabaseWorkDir is where Run keeps the database of data directory dir
// while it runs, for tests that look for leftover processes.
func DatabaseWorkDir(dir string) string {
	abs, _ := filepath.Abs(filepath.Join(dir, "dynamodb"))
	return localaws.DBWorkDir(abs)
}
