package parity

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// What `sam deploy` would reject before creating anything, checked here
// because the SAM CLI can't run on our machines: every !Ref, !GetAtt,
// !Sub placeholder and DependsOn names a parameter, resource or pseudo
// parameter, and no resources depend on each other in a cycle.

var pseudoParameters = map[string]bool{
	"AWS::AccountId": true, "AWS::NotificationARNs": true, "AWS::NoValue": true, "AWS::Partition": true,
	"AWS::Region": true, "AWS::StackId": true, "AWS::StackName": true, "AWS::URLSuffix": true,
}

var subPlaceholder = regexp.MustCompile(`\$\{([^}!][^}]*)\}`)

// refs lists the names v refers to (resources, parameters, pseudo
// parameters), each as "Name" with the tag that refers to it.
func refs(v any, out *[]string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			refs(e, out)
		}
	case map[string]any:
		for k, e := range x {
			switch k {
			case "!Ref":
				*out = append(*out, fmt.Sprint(e))
			case "!GetAtt":
				name := fmt.Sprint(e)
				if list, ok := e.([]any); ok && len(list) > 0 {
					name = fmt.Sprint(list[0])
				}
				*out = append(*out, strings.SplitN(name, ".", 2)[0])
			case "!Sub":
				str, vars := e, map[string]any{}
				if list, ok := e.([]any); ok && len(list) == 2 {
					str, vars = list[0], m(list[1])
					refs(list[1], out)
				}
				for _, p := range subPlaceholder.FindAllStringSubmatch(fmt.Sprint(str), -1) {
					name := strings.SplitN(p[1], ".", 2)[0]
					if _, local := vars[name]; !local {
						*out = append(*out, name)
					}
				}
			default:
				refs(e, out)
			}
		}
	}
}

func TestTemplateReferencesResolve(t *testing.T) {
	tpl := mustLoad(t, "template.yaml")
	params, resources := m(tpl["Parameters"]), m(tpl["Resources"])
	known := func(name string) bool {
		_, p := params[name]
		_, r := resources[name]
		return p || r || pseudoParameters[name]
	}
	for _, section := range []string{"Globals", "Resources", "Outputs", "Conditions"} {
		var names []string
		refs(tpl[section], &names)
		for _, n := range names {
			if !known(n) {
				t.Errorf("%s refers to %q, which is no parameter, resource or pseudo parameter", section, n)
			}
		}
	}
	for id, r := range resources {
		for _, d := range strs(m(r)["DependsOn"]) {
			if _, ok := resources[d]; !ok {
				t.Errorf("%s DependsOn %q, which is no resource", id, d)
			}
		}
	}
}

// dependencies is the graph CloudFormation orders resources by, with what
// SAM adds: a function's push event sources (the API's routes, the
// bucket's notification) depend on the function, not the other way round.
// Pull sources (a table's stream, a queue) and their failure destinations
// get an AWS::Lambda::EventSourceMapping of their own, which depends on
// the function and the source: neither depends on the other.
func dependencies(tpl map[string]any) map[string][]string {
	resources := m(tpl["Resources"])
	graph := map[string][]string{}
	add := func(from string, v any) {
		var names []string
		refs(v, &names)
		for _, n := range names {
			if _, ok := resources[n]; ok && n != from {
				graph[from] = append(graph[from], n)
			}
		}
	}
	for id, r := range resources {
		res := m(r)
		graph[id] = append(graph[id], strs(res["DependsOn"])...)
		props := m(res["Properties"])
		if res["Type"] != "AWS::Serverless::Function" {
			add(id, props)
			continue
		}
		for k, v := range props {
			if k != "Events" {
				add(id, v)
			}
		}
		for _, ev := range m(props["Events"]) {
			p := m(m(ev)["Properties"])
			var sources []string
			refs([]any{p["ApiId"], p["Bucket"]}, &sources)
			for _, s := range sources {
				if _, ok := resources[s]; ok {
					graph[s] = append(graph[s], id)
				}
			}
			add(id, map[string]any{"Auth": p["Auth"]})
		}
	}
	return graph
}

func TestTemplateHasNoDependencyCycle(t *testing.T) {
	if c := findCycle(dependencies(mustLoad(t, "template.yaml"))); c != nil {
		t.Errorf("dependency cycle: %s", strings.Join(c, " → "))
	}
}

// findCycle returns a cycle of the graph, first node repeated last, or nil.
func findCycle(graph map[string][]string) []string {
	const (
		visiting = iota + 1
		done
	)
	state := map[string]int{}
	var path, cycle []string
	var visit func(string) bool
	visit = func(n string) bool {
		switch state[n] {
		case visiting:
			i := 0
			for path[i] != n {
				i++
			}
			cycle = append(append([]string(nil), path[i:]...), n)
			return false
		case done:
			return true
		}
		state[n] = visiting
		path = append(path, n)
		deps := append([]string(nil), graph[n]...)
		sort.Strings(deps)
		for _, d := range deps {
			if !visit(d) {
				return false
			}
		}
		path = path[:len(path)-1]
		state[n] = done
		return true
	}
	ids := make([]string, 0, len(graph))
	for id := range graph {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !visit(id) {
			return cycle
		}
	}
	return nil
}

// The model above must see the cycle that made the ingest bucket's name a
// string in template.yaml: a function reading, by reference, the bucket
// whose notifications invoke it.
func TestDependencyModelSeesEventCycles(t *testing.T) {
	tpl := map[string]any{"Resources": map[string]any{
		"Bucket": map[string]any{"Type": "AWS::S3::Bucket"},
		"Fn": map[string]any{"Type": "AWS::Serverless::Function", "Properties": map[string]any{
			"Policies": []any{map[string]any{"S3ReadPolicy": map[string]any{"BucketName": map[string]any{"!Ref": "Bucket"}}}},
			"Events":   map[string]any{"Drop": map[string]any{"Type": "S3", "Properties": map[string]any{"Bucket": map[string]any{"!Ref": "Bucket"}}}},
		}},
	}}
	if c := findCycle(dependencies(tpl)); len(c) != 3 {
		t.Fatalf("cycle %v in %v", c, dependencies(tpl))
	}
	// A stream's function may read its table: the mapping, not the table,
	// depends on the function.
	stream := map[string]any{"Resources": map[string]any{
		"Table": map[string]any{"Type": "AWS::DynamoDB::Table"},
		"Queue": map[string]any{"Type": "AWS::SQS::Queue"},
		"Fn": map[string]any{"Type": "AWS::Serverless::Function", "Properties": map[string]any{
			"Policies": []any{map[string]any{"DynamoDBReadPolicy": map[string]any{"TableName": map[string]any{"!Ref": "Table"}}}},
			"Events": map[string]any{"New": map[string]any{"Type": "DynamoDB", "Properties": map[string]any{
				"Stream":            map[string]any{"!GetAtt": "Table.StreamArn"},
				"DestinationConfig": map[string]any{"OnFailure": map[string]any{"Destination": map[string]any{"!GetAtt": "Queue.Arn"}}},
			}}},
		}},
	}}
	if c := findCycle(dependencies(stream)); c != nil {
		t.Fatalf("cycle %v in %v", c, dependencies(stream))
	}
}

// And the references check sees a name that is nothing.
func TestRefs(t *testing.T) {
	var got []string
	refs(map[string]any{"a": []any{
		map[string]any{"!Ref": "P"},
		map[string]any{"!GetAtt": "R.Arn"},
		map[string]any{"!Sub": "x-${AWS::Region}-${R2.Arn}-${!Literal}"},
		map[string]any{"!Sub": []any{"${Local}-${R3}", map[string]any{"Local": map[string]any{"!Ref": "P2"}}}},
	}}, &got)
	sort.Strings(got)
	if strings.Join(got, " ") != "AWS::Region P P2 R R2 R3" {
		t.Fatalf("%v", got)
	}
}
