package sessionmeta_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

type schemaNode struct {
	Schema     string                 `json:"$schema"`
	Ref        string                 `json:"$ref"`
	Properties map[string]*schemaNode `json:"properties"`
	Items      *schemaNode            `json:"items"`
	OneOf      []*schemaNode          `json:"oneOf"`
	Enum       []any                  `json:"enum"`
	Required   []string               `json:"required"`
	Defs       map[string]*schemaNode `json:"$defs"`
}

func mustSchema(t *testing.T) *schemaNode {
	t.Helper()
	b, err := os.ReadFile("../../docs/schemas/session-metadata.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s schemaNode
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

// The schema and Document must describe the same keys, at every level.
func TestSchemaMatchesDocument(t *testing.T) {
	s := mustSchema(t)
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want JSON Schema 2020-12", s.Schema)
	}
	compareKeys(t, s, s, reflect.TypeFor[sessionmeta.Document](), "")
}

func compareKeys(t *testing.T, root, node *schemaNode, typ reflect.Type, path string) {
	t.Helper()
	node = resolve(t, root, node)
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch {
	case typ.Kind() == reflect.Slice:
		if node.Items == nil {
			t.Errorf("schema: %s has no items", path)
			return
		}
		compareKeys(t, root, node.Items, typ.Elem(), path+"[]")
	case typ.Kind() == reflect.Struct && !reflect.PointerTo(typ).Implements(reflect.TypeFor[json.Unmarshaler]()):
		var goKeys []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" {
				continue
			}
			goKeys = append(goKeys, name)
			child, ok := node.Properties[name]
			if !ok {
				t.Errorf("schema lacks %s", strings.TrimPrefix(path+"."+name, "."))
				continue
			}
			compareKeys(t, root, child, f.Type, strings.TrimPrefix(path+"."+name, "."))
		}
		for name := range node.Properties {
			if !slices.Contains(goKeys, name) {
				t.Errorf("schema has %s, which Document does not decode", strings.TrimPrefix(path+"."+name, "."))
			}
		}
	}
}

// resolve follows $ref, and a oneOf of one object and null.
func resolve(t *testing.T, root, n *schemaNode) *schemaNode {
	t.Helper()
	for {
		switch {
		case n.Ref != "":
			name, ok := strings.CutPrefix(n.Ref, "#/$defs/")
			if !ok || root.Defs[name] == nil {
				t.Fatalf("schema: unresolvable $ref %q", n.Ref)
			}
			n = root.Defs[name]
		case len(n.OneOf) > 0 && n.OneOf[0].Ref != "":
			n = n.OneOf[0]
		default:
			return n
		}
	}
}

func TestSchemaEnumsMatchDomain(t *testing.T) {
	s := mustSchema(t)
	var codes []float64
	for _, c := range domain.SessionStatuses() {
		codes = append(codes, float64(c))
	}
	var gotCodes []float64
	var gotNames []string
	for _, alt := range s.Properties["status"].OneOf {
		for _, v := range alt.Enum {
			switch v := v.(type) {
			case float64:
				gotCodes = append(gotCodes, v)
			case string:
				gotNames = append(gotNames, v)
			}
		}
	}
	if !reflect.DeepEqual(gotCodes, codes) {
		t.Errorf("schema status codes %v, domain %v", gotCodes, codes)
	}
	for i, c := range domain.SessionStatuses() {
		if i >= len(gotNames) || gotNames[i] != c.Name() {
			t.Errorf("schema status names %v do not follow the domain's codes", gotNames)
			break
		}
	}
	var types []string
	for _, v := range s.Properties["session_type"].Enum {
		types = append(types, v.(string))
	}
	slices.Sort(types)
	var want []string
	for st := range domain.SessionTypes {
		want = append(want, string(st))
	}
	slices.Sort(want)
	if !reflect.DeepEqual(types, want) {
		t.Errorf("schema session types %v, domain %v", types, want)
	}
}
