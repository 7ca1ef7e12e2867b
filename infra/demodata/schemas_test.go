package demodata

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

const schemasDir = "../../docs/schemas/"

type schemaNode map[string]any

func loadSchema(tb testing.TB, name string) schemaNode {
	tb.Helper()
	b, err := os.ReadFile(schemasDir + name)
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	var s schemaNode
	if err := json.Unmarshal(b, &s); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		tb.Errorf("%s: $schema is %v, want 2020-12", name, s["$schema"])
	}
	if id, _ := s["$id"].(string); !strings.HasSuffix(id, "/"+name) {
		tb.Errorf("%s: $id %q does not end in its file name", name, id)
	}
	return s
}

// at walks a JSON pointer such as "$defs/agent" or "properties/media".
func (s schemaNode) at(tb testing.TB, path string) schemaNode {
	tb.Helper()
	cur := s
	for _, p := range strings.Split(path, "/") {
		next, ok := cur[p].(map[string]any)
		if !ok {
			tb.Fatalf("schema has no %s", path)
		}
		cur = next
	}
	return cur
}

func jsonNames(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// TestSchemasMatchTheDomain keeps docs/schemas in step with shared/domain:
// every object schema lists exactly the struct's JSON fields, requires only
// fields it has, forbids others, and its enums equal the domain's lists.
func TestSchemasMatchTheDomain(t *testing.T) {
	interaction := loadSchema(t, "interaction.schema.json")
	event := loadSchema(t, "agent-event.schema.json")
	bot := loadSchema(t, "bot-session.schema.json")
	for _, c := range []struct {
		schema schemaNode
		path   string // "" for the root
		typ    any
	}{
		{interaction, "", domain.Interaction{}},
		{interaction, "$defs/agent", domain.Agent{}},
		{interaction, "$defs/contact", domain.Contact{}},
		{interaction, "$defs/disposition", domain.Disposition{}},
		{interaction, "$defs/csat", domain.CSAT{}},
		{interaction, "$defs/conversation", domain.Conversation{}},
		{interaction, "$defs/session", domain.SessionInfo{}},
		{interaction, "$defs/smartActions", domain.SmartActions{}},
		{interaction, "$defs/voice", domain.VoiceDetails{}},
		{interaction, "$defs/leg", domain.Leg{}},
		{interaction, "$defs/message", domain.Message{}},
		{interaction, "$defs/participant", domain.Participant{}},
		{event, "", domain.AgentEvent{}},
		{bot, "", domain.BotSession{}},
		{bot, "$defs/conversation", domain.BotConversation{}},
	} {
		typ := reflect.TypeOf(c.typ)
		t.Run(typ.Name(), func(t *testing.T) {
			node := c.schema
			if c.path != "" {
				node = c.schema.at(t, c.path)
			}
			props, _ := node["properties"].(map[string]any)
			var got []string
			for k := range props {
				got = append(got, k)
			}
			sort.Strings(got)
			if want := jsonNames(typ); !slices.Equal(got, want) {
				t.Errorf("schema properties %v\n  struct fields %v", got, want)
			}
			if node["additionalProperties"] != false {
				t.Error("additionalProperties must be false: a misspelt field is an error")
			}
			req, _ := node["required"].([]any)
			for _, r := range req {
				if _, ok := props[r.(string)]; !ok {
					t.Errorf("requires %v, which is not a property", r)
				}
			}
		})
	}

	enum := func(s schemaNode, path string) []string {
		var out []string
		for _, v := range s.at(t, path)["enum"].([]any) {
			switch x := v.(type) {
			case string:
				out = append(out, x)
			case float64:
				out = append(out, itoa(int64(x)))
			}
		}
		sort.Strings(out)
		return out
	}
	var media, textMedia, statuses, sessionTypes []string
	for _, m := range domain.AllMedia {
		media = append(media, string(m))
		if m.IsText() {
			textMedia = append(textMedia, string(m))
		}
	}
	for _, s := range domain.SessionStatuses() {
		statuses = append(statuses, itoa(int64(s)))
	}
	for st := range domain.SessionTypes {
		sessionTypes = append(sessionTypes, string(st))
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"interaction media", enum(interaction, "properties/media"), media},
		{"sessionStatus", enum(interaction, "properties/sessionStatus"), statuses},
		{"session type", enum(interaction, "$defs/session/properties/type"), sessionTypes},
		{"agent event type", enum(event, "properties/type"), domain.AgentEventTypes},
		{"bot channel", enum(bot, "properties/channel"), textMedia},
	} {
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(c.got, want) {
			t.Errorf("%s: schema enum %v, domain %v", c.name, c.got, want)
		}
	}
}
