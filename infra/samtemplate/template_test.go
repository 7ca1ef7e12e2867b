package samtemplate_test

import (
	"reflect"
	"testing"

	"github.com/rastro-cc/rastro/infra/samtemplate"
)

func TestFunctions(t *testing.T) {
	tpl, err := samtemplate.Load("testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fns := tpl.Functions()
	if len(fns) != 2 || fns[0].LogicalID != "OneFunction" || fns[0].CodeURI != "." || fns[0].BuildMethod != "makefile" ||
		fns[1].LogicalID != "TwoFunction" || fns[1].BuildMethod != "" {
		t.Fatalf("%+v", fns)
	}
}

// As sam local: only declared variables, the env file's function section
// over its Parameters over the template; !Ref resolved, other intrinsics
// left empty.
func TestLocalEnv(t *testing.T) {
	tpl, err := samtemplate.Load("testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := samtemplate.EnvFile{
		"Parameters":  {"ENDPOINT": "http://local", "UNDECLARED": "x", "LOG_LEVEL": "debug"},
		"OneFunction": {"LOG_LEVEL": "error"},
	}
	tests := []struct {
		fn        string
		overrides map[string]string
		want      map[string]string
	}{
		{"OneFunction", nil, map[string]string{"TABLE_NAME": "Table", "STAGE": "prod", "LOG_LEVEL": "error", "ENDPOINT": "http://local", "BUCKET": ""}},
		{"TwoFunction", nil, map[string]string{"TABLE_NAME": "Table", "STAGE": "prod", "LOG_LEVEL": "debug", "ENDPOINT": "http://local"}},
		{"TwoFunction", map[string]string{"TABLE_NAME": "t1", "BUCKET": "b"}, map[string]string{"TABLE_NAME": "t1", "STAGE": "prod", "LOG_LEVEL": "debug", "ENDPOINT": "http://local"}},
	}
	for _, tc := range tests {
		t.Run(tc.fn, func(t *testing.T) {
			got, err := tpl.LocalEnv(tc.fn, file, tc.overrides)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v\nwant %v", got, tc.want)
			}
		})
	}
	if _, err := tpl.LocalEnv("NoFunction", file, nil); err == nil {
		t.Fatal("an unknown function is an error")
	}
}

func TestLogicalID(t *testing.T) {
	for in, want := range map[string]string{"ingest": "IngestFunction", "agent-report": "AgentReportFunction"} {
		if got := samtemplate.LogicalID(in); got != want {
			t.Errorf("%s → %s, want %s", in, got, want)
		}
	}
}
