package parity

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/infra/samtemplate"
	"github.com/rastro-cc/rastro/shared/config"
)

// envVar is one variable config.Config reads, from its field's env tag.
type envVar struct {
	name     string
	optional bool // absent is a valid configuration of any function
}

// configReads knows what each part of package config reads: fields from
// their env tags, methods and functions from the fields and methods their
// bodies use (read from the source, so it follows config as it changes).
type configReads struct {
	fields map[string]envVar
	bodies map[string][]string // function or method name → Config members it uses
}

func loadConfigReads(t *testing.T) configReads {
	t.Helper()
	c := configReads{fields: map[string]envVar{}, bodies: map[string][]string{}}
	ct := reflect.TypeOf(config.Config{})
	for i := 0; i < ct.NumField(); i++ {
		name, opts, _ := strings.Cut(ct.Field(i).Tag.Get("env"), ",")
		c.fields[ct.Field(i).Name] = envVar{name, opts == "optional"}
	}
	members := map[string]bool{}
	for name := range c.fields {
		members[name] = true
	}
	files := parseDir(t, filepath.Join(root, "shared", "config"))
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
				members[fd.Name.Name] = true // unexported methods too, which reflect does not list
			}
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			var used []string
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && members[sel.Sel.Name] {
					if _, isIdent := sel.X.(*ast.Ident); isIdent {
						used = append(used, sel.Sel.Name)
					}
				}
				return true
			})
			c.bodies[fd.Name.Name] = used
		}
	}
	return c
}

// reads is every variable a member (field, method or function) reads.
func (c configReads) reads(member string, seen map[string]bool, out map[string]envVar) {
	if seen[member] {
		return
	}
	seen[member] = true
	if v, ok := c.fields[member]; ok {
		out[v.name] = v
		return
	}
	for _, u := range c.bodies[member] {
		c.reads(u, seen, out)
	}
}

// mainReads is what one function's main reads through config: the
// variables its MustLoad call requires, and those of the Config fields
// and methods it uses on the value MustLoad returns.
type mainReads struct {
	required []string
	read     map[string]envVar
}

func readMain(t *testing.T, c configReads, dir string) mainReads {
	t.Helper()
	file := filepath.Join(dir, "main.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "github.com/rastro-cc/rastro/shared/config" {
			pkg = "config"
			if imp.Name != nil {
				pkg = imp.Name.Name
			}
		}
	}
	out := mainReads{read: map[string]envVar{}}
	if pkg == "" {
		t.Errorf("%s does not use shared/config: its environment can't be checked", file)
		return out
	}
	// Mains are a few lines: the config value is known by its name.
	cfgVars := map[string]bool{}
	definitions := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "MustLoad" {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != pkg {
			return true
		}
		for _, a := range call.Args {
			lit, ok := a.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: pass config.MustLoad string literals, so this test can read them", file)
				continue
			}
			v, _ := strconv.Unquote(lit.Value)
			out.required = append(out.required, v)
		}
		c.reads("MustLoad", map[string]bool{}, out.read)
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			cfgVars[id.Name] = true
			definitions[id] = true
		}
		return true
	})
	if len(cfgVars) == 0 {
		t.Errorf("%s: no `cfg := config.MustLoad(...)`", file)
	}
	// Every use of the config value must be a field or method right here:
	// a config handed elsewhere would read what this test can't see.
	selected := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && cfgVars[x.Name] {
				selected[x] = true
				c.reads(sel.Sel.Name, map[string]bool{}, out.read)
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && cfgVars[id.Name] && !selected[id] && !definitions[id] {
			t.Errorf("%s: the config value %s is used as a whole; use its fields and methods in main", file, id.Name)
		}
		return true
	})
	for _, v := range out.required {
		out.read[v] = envVar{name: v}
	}
	return out
}

func parseDir(t *testing.T, dir string) []*ast.File {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// Every variable a function reads is declared for it in template.yaml (in
// Globals or its own Environment), so that AWS sets it and `sam local` can:
// SAM sets only declared variables. A required one has a value there, and
// every one has a local value in infra/sam/env.json; env.json sets nothing
// the template does not declare, which SAM would silently drop.
func TestTemplateDeclaresWhatFunctionsRead(t *testing.T) {
	tpl, err := samtemplate.Load(filepath.Join(root, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	envFile, err := samtemplate.LoadEnvFile(filepath.Join(root, "infra", "sam", "env.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := loadConfigReads(t)
	// A known answer, so a broken reading of config can't pass silently.
	known := map[string]envVar{}
	c.reads("MustLoad", map[string]bool{}, known)
	if _, ok := known["LOG_LEVEL"]; !ok {
		t.Fatalf("reading shared/config found MustLoad reads %v, not LOG_LEVEL", known)
	}
	declaredAnywhere := map[string]bool{}
	for id, dir := range folders(t) {
		declared, err := tpl.Declared(id)
		if err != nil {
			continue // TestSAMBuildTargets reports it
		}
		for k := range declared {
			declaredAnywhere[k] = true
		}
		t.Run(dir, func(t *testing.T) {
			reads := readMain(t, c, filepath.Join(root, "functions", dir))
			var names []string
			for name := range reads.read {
				names = append(names, name)
			}
			sort.Strings(names)
			t.Logf("reads %v, requires %v", names, reads.required)
			for _, name := range names {
				if reads.read[name].optional {
					continue
				}
				if _, ok := declared[name]; !ok {
					t.Errorf("%s reads %s but template.yaml does not declare it for %s (or in Globals)", dir, name, id)
				}
				_, inParams := envFile["Parameters"][name]
				_, inFunction := envFile[id][name]
				if !inParams && !inFunction {
					t.Errorf("%s reads %s but infra/sam/env.json gives it no local value", dir, name)
				}
			}
			for _, name := range reads.required {
				if v, ok := declared[name]; ok && v == "" {
					t.Errorf("%s requires %s but template.yaml declares it empty", dir, name)
				}
			}
		})
	}
	for section, vars := range envFile {
		for name := range vars {
			if section == "Parameters" && !declaredAnywhere[name] {
				t.Errorf("infra/sam/env.json sets %s, which no function declares: sam local drops it", name)
			}
			if section != "Parameters" {
				if declared, err := tpl.Declared(section); err != nil {
					t.Errorf("infra/sam/env.json has a section for %s, which is not a template function", section)
				} else if _, ok := declared[name]; !ok {
					t.Errorf("infra/sam/env.json sets %s for %s, which does not declare it: sam local drops it", name, section)
				}
			}
		}
	}
}

// Functions read their environment only through shared/config, which the
// test above can follow.
func TestEnvironmentReadOnlyThroughConfig(t *testing.T) {
	direct := regexp.MustCompile(`\bos\.(Getenv|LookupEnv|Environ)\(`)
	for _, top := range []string{"functions", "shared"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path == filepath.Join(root, "shared", "config") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if loc := direct.FindIndex(b); loc != nil {
				t.Errorf("%s reads the environment directly (%s); add the variable to shared/config", path, b[loc[0]:loc[1]])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
