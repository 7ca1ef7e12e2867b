package parity

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/infra/samtemplate"
)

// folders maps each function folder's logical id to the folder.
func folders(t *testing.T) map[string]string {
	t.Helper()
	dirs, err := os.ReadDir(filepath.Join(root, "functions"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range dirs {
		if d.IsDir() {
			out[samtemplate.LogicalID(d.Name())] = d.Name()
		}
	}
	return out
}

// Every function folder is a template function and the reverse, and each
// one builds through the target `sam build` runs (BuildMethod makefile:
// `make build-<LogicalId>` in CodeUri, writing ARTIFACTS_DIR/bootstrap),
// as a static Linux binary for the template's architecture. With -short
// only the recipes are checked (`make -n`), not run.
func TestSAMBuildTargets(t *testing.T) {
	tpl, err := samtemplate.Load(filepath.Join(root, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dirs := folders(t)
	inTemplate := map[string]bool{}
	for _, f := range tpl.Functions() {
		inTemplate[f.LogicalID] = true
		if _, ok := dirs[f.LogicalID]; !ok {
			t.Errorf("template function %s has no folder under functions/", f.LogicalID)
		}
	}
	for id, dir := range dirs {
		if !inTemplate[id] {
			t.Errorf("functions/%s has no %s in template.yaml", dir, id)
		}
		if _, err := os.Stat(filepath.Join(root, "functions", dir, "main.go")); err != nil {
			t.Errorf("functions/%s has no main.go", dir)
		}
	}
	globals := m(m(tpl.Doc["Globals"])["Function"])
	for _, f := range tpl.Functions() {
		dir, ok := dirs[f.LogicalID]
		if !ok {
			continue
		}
		t.Run(f.LogicalID, func(t *testing.T) {
			t.Parallel()
			if f.BuildMethod != "makefile" {
				t.Fatalf("Metadata.BuildMethod is %q, want makefile", f.BuildMethod)
			}
			codeURI := filepath.Join(root, f.CodeURI)
			if _, err := os.Stat(filepath.Join(codeURI, "Makefile")); err != nil {
				t.Fatalf("CodeUri %q has no Makefile", f.CodeURI)
			}
			arch := archOf(f.Properties["Architectures"])
			if arch == "" {
				arch = archOf(globals["Architectures"])
			}
			goarch := map[string]string{"arm64": "arm64", "x86_64": "amd64"}[arch]
			machine := map[string]elf.Machine{"arm64": elf.EM_AARCH64, "amd64": elf.EM_X86_64}[goarch]
			if goarch == "" {
				t.Fatalf("architecture %q", arch)
			}
			artifacts := t.TempDir()
			target := "build-" + f.LogicalID
			recipe := runMake(t, codeURI, "-n", target, "ARTIFACTS_DIR="+artifacts)
			for _, want := range []string{"GOOS=linux", "GOARCH=" + goarch, "CGO_ENABLED=0", "lambda.norpc", "-trimpath",
				"-o " + artifacts + "/bootstrap", "./functions/" + dir} {
				if !strings.Contains(recipe, want) {
					t.Errorf("make %s does not have %q:\n%s", target, want, recipe)
				}
			}
			if testing.Short() || t.Failed() {
				return
			}
			runMake(t, codeURI, target, "ARTIFACTS_DIR="+artifacts)
			bin, err := elf.Open(filepath.Join(artifacts, "bootstrap"))
			if err != nil {
				t.Fatal(err)
			}
			defer bin.Close()
			if bin.Machine != machine {
				t.Errorf("bootstrap is for %v, want %v", bin.Machine, machine)
			}
			for _, p := range bin.Progs {
				if p.Type == elf.PT_INTERP {
					t.Errorf("bootstrap is dynamically linked; provided.al2023 runs it without Go's C dependencies")
				}
			}
		})
	}
}

func archOf(v any) string {
	list, _ := v.([]any)
	if len(list) != 1 {
		return ""
	}
	s, _ := list[0].(string)
	return s
}

func runMake(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("make", append([]string{"--no-print-directory"}, args...)...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("make %v: %v\n%s", args, err, out.String())
	}
	return out.String()
}
