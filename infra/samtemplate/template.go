package samtemplate

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Template is a parsed template.yaml.
type Template struct {
	// Doc is the whole document as LoadYAML returns it, for checks this
	// package has no accessor for.
	Doc map[string]any
}

// Function is one AWS::Serverless::Function of the template.
type Function struct {
	LogicalID   string
	CodeURI     string
	BuildMethod string         // Metadata.BuildMethod: "makefile" for every Rastro function
	Env         map[string]any // its own Environment.Variables; Globals' are in Template.GlobalEnv
	Properties  map[string]any
}

// Load reads a template.
func Load(path string) (*Template, error) {
	doc, err := LoadYAML(path)
	if err != nil {
		return nil, err
	}
	return &Template{Doc: doc}, nil
}

// Functions lists the template's functions by logical id.
func (t *Template) Functions() []Function {
	var out []Function
	for id, r := range m(t.Doc["Resources"]) {
		res := m(r)
		if res["Type"] != "AWS::Serverless::Function" {
			continue
		}
		props := m(res["Properties"])
		out = append(out, Function{
			LogicalID:   id,
			CodeURI:     str(props["CodeUri"]),
			BuildMethod: str(m(res["Metadata"])["BuildMethod"]),
			Env:         m(m(props["Environment"])["Variables"]),
			Properties:  props,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].LogicalID < out[j].LogicalID })
	return out
}

// Function finds one function by logical id.
func (t *Template) Function(logicalID string) (Function, bool) {
	for _, f := range t.Functions() {
		if f.LogicalID == logicalID {
			return f, true
		}
	}
	return Function{}, false
}

// GlobalEnv is Globals.Function.Environment.Variables.
func (t *Template) GlobalEnv() map[string]any {
	return m(m(m(m(t.Doc["Globals"])["Function"])["Environment"])["Variables"])
}

// Declared is every variable the function's environment declares, with
// the template's value: the Globals' and its own, its own winning.
func (t *Template) Declared(logicalID string) (map[string]any, error) {
	f, ok := t.Function(logicalID)
	if !ok {
		return nil, fmt.Errorf("template has no function %s", logicalID)
	}
	out := map[string]any{}
	for k, v := range t.GlobalEnv() {
		out[k] = v
	}
	for k, v := range f.Env {
		out[k] = v
	}
	return out, nil
}

// EnvFile is the content of a `sam local --env-vars` file: "Parameters"
// applies to every function, a logical id's object to that function only.
type EnvFile map[string]map[string]string

// LoadEnvFile reads an env.json.
func LoadEnvFile(path string) (EnvFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f EnvFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// LocalEnv is the environment `sam local` gives the function: exactly the
// variables the template declares for it (SAM drops env.json entries the
// template does not declare), each valued from, in order of precedence,
// overrides, the file's entry for the function, its "Parameters", and the
// template itself. Of the template's values only plain strings and !Ref
// to a parameter (its default) or to a resource (its logical id, as SAM
// does locally) are resolved; any other intrinsic leaves the variable
// empty, so the env file must set it.
func (t *Template) LocalEnv(logicalID string, file EnvFile, overrides map[string]string) (map[string]string, error) {
	declared, err := t.Declared(logicalID)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range declared {
		out[k] = t.resolve(v)
		if x, ok := file["Parameters"][k]; ok {
			out[k] = x
		}
		if x, ok := file[logicalID][k]; ok {
			out[k] = x
		}
		if x, ok := overrides[k]; ok {
			out[k] = x
		}
	}
	return out, nil
}

func (t *Template) resolve(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if ref, ok := x["!Ref"].(string); ok {
			if p, ok := m(t.Doc["Parameters"])[ref]; ok {
				return str(m(p)["Default"])
			}
			return ref
		}
	}
	return ""
}

// LogicalID is the template's name for a function folder:
// ingest → IngestFunction, agent-report → AgentReportFunction.
func LogicalID(folder string) string {
	var b strings.Builder
	for _, part := range strings.Split(folder, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String() + "Function"
}

// Environ turns a variable map into os/exec's KEY=VALUE form, sorted.
func Environ(vars map[string]string) []string {
	out := make([]string, 0, len(vars))
	for k, v := range vars {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func m(v any) map[string]any { x, _ := v.(map[string]any); return x }

func str(v any) string { s, _ := v.(string); return s }
