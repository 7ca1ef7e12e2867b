package parity

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/rastro-cc/rastro/infra/samtemplate"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

const root = "../.."

func mustLoad(t *testing.T, file string) map[string]any {
	t.Helper()
	v, err := samtemplate.LoadYAML(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func m(v any) map[string]any { x, _ := v.(map[string]any); return x }

func TestTemplateRoutesMatchCode(t *testing.T) {
	tpl := mustLoad(t, "template.yaml")
	res := m(tpl["Resources"])
	var got, want []string
	for _, r := range httpapi.Routes {
		want = append(want, fmt.Sprintf("%s %s %s", samtemplate.LogicalID(r.Function), r.Method, r.Path))
	}
	for id, r := range res {
		if m(r)["Type"] != "AWS::Serverless::Function" {
			continue
		}
		for _, ev := range m(m(m(r)["Properties"])["Events"]) {
			if m(ev)["Type"] != "HttpApi" {
				continue
			}
			p := m(m(ev)["Properties"])
			got = append(got, fmt.Sprintf("%s %s %s", id, strings.ToUpper(fmt.Sprint(p["Method"])), p["Path"]))
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("template routes:\n%s\ncode routes:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenAPIMatchesCode(t *testing.T) {
	doc := mustLoad(t, "docs/openapi.yaml")
	var got, want []string
	for path, ops := range m(doc["paths"]) {
		for method, op := range m(ops) {
			switch method {
			case "get", "put", "post", "delete", "patch":
				got = append(got, fmt.Sprintf("%s %s %s", m(op)["x-rastro-function"], strings.ToUpper(method), path))
			}
		}
	}
	for _, r := range httpapi.Routes {
		want = append(want, fmt.Sprintf("%s %s %s", r.Function, r.Method, r.Path))
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("openapi:\n%s\ncode:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTemplateTableMatchesStore(t *testing.T) {
	tpl := mustLoad(t, "template.yaml")
	props := m(m(m(tpl["Resources"])["Table"])["Properties"])
	def := store.TableDefinition("x")
	tests := []struct{ what, got, want string }{
		{"billing", fmt.Sprint(props["BillingMode"]), string(def.BillingMode)},
		{"stream", fmt.Sprint(m(props["StreamSpecification"])["StreamViewType"]), string(def.StreamSpecification.StreamViewType)},
		{"ttl", fmt.Sprint(m(props["TimeToLiveSpecification"])["AttributeName"]), store.TTLAttribute},
		{"sse", fmt.Sprint(m(props["SSESpecification"])["SSEEnabled"]), "true"},
		{"pitr", fmt.Sprint(m(props["PointInTimeRecoverySpecification"])["PointInTimeRecoveryEnabled"]), "true"},
	}
	var keys []string
	for _, k := range props["KeySchema"].([]any) {
		keys = append(keys, fmt.Sprint(m(k)["AttributeName"], ":", m(k)["KeyType"]))
	}
	var wantKeys []string
	for _, k := range def.KeySchema {
		wantKeys = append(wantKeys, aws.ToString(k.AttributeName)+":"+string(k.KeyType))
	}
	tests = append(tests, struct{ what, got, want string }{"keys", strings.Join(keys, ","), strings.Join(wantKeys, ",")})
	var gsis, wantGSIs []string
	for _, g := range props["GlobalSecondaryIndexes"].([]any) {
		var ks []string
		for _, k := range m(g)["KeySchema"].([]any) {
			ks = append(ks, fmt.Sprint(m(k)["AttributeName"], ":", m(k)["KeyType"]))
		}
		gsis = append(gsis, fmt.Sprint(m(g)["IndexName"], "(", strings.Join(ks, ","), ") ", m(m(g)["Projection"])["ProjectionType"]))
	}
	for _, g := range def.GlobalSecondaryIndexes {
		var ks []string
		for _, k := range g.KeySchema {
			ks = append(ks, aws.ToString(k.AttributeName)+":"+string(k.KeyType))
		}
		wantGSIs = append(wantGSIs, fmt.Sprint(aws.ToString(g.IndexName), "(", strings.Join(ks, ","), ") ", g.Projection.ProjectionType))
	}
	sort.Strings(gsis)
	sort.Strings(wantGSIs)
	tests = append(tests, struct{ what, got, want string }{"gsis", strings.Join(gsis, "; "), strings.Join(wantGSIs, "; ")})
	for _, tc := range tests {
		t.Run(tc.what, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("template %q, store %q", tc.got, tc.want)
			}
		})
	}
}
