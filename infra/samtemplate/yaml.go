package samtemplate

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// LoadYAML reads a YAML file into plain maps and slices. CloudFormation's
// short-form tags (!Ref, !Sub, !GetAtt) are kept as {"!Ref": value} so
// tests can see what a value refers to.
func LoadYAML(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	v, ok := plain(doc.Content[0]).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: top level is not a mapping", path)
	}
	return v, nil
}

func plain(n *yaml.Node) any {
	var v any
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		v = m
	case yaml.SequenceNode:
		var s []any
		for _, c := range n.Content {
			s = append(s, plain(c))
		}
		v = s
	case yaml.AliasNode:
		return plain(n.Alias)
	default:
		v = n.Value
	}
	if len(n.Tag) > 1 && n.Tag[0] == '!' && n.Tag[1] != '!' {
		return map[string]any{n.Tag: v}
	}
	return v
}
