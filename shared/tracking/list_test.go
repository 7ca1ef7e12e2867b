package tracking

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

func TestParseList(t *testing.T) {
	cases := []struct {
		in   string
		want []string // nil: an error
		err  string
	}{
		{in: "a", want: []string{"a"}},
		{in: "a,b", want: []string{"a", "b"}},
		{in: " a , b ", want: []string{"a", "b"}},
		{in: `""`, want: []string{None}},
		{in: `a,""`, want: []string{"a", None}},
		{in: `"Acme, Inc"`, want: []string{"Acme, Inc"}},
		{in: ` "Acme, Inc" , b`, want: []string{"Acme, Inc", "b"}},
		{in: `" padded "`, want: []string{" padded "}},
		{in: `"say ""hi"""`, want: []string{`say "hi"`}},
		{in: `a"b`, want: []string{`a"b`}}, // a quote inside a bare value is itself
		{in: `"a,b","c,d"`, want: []string{"a,b", "c,d"}},
		{in: "", err: "empty value"},
		{in: "a,", err: "empty value"},
		{in: ",a", err: "empty value"},
		{in: "a,,b", err: "empty value"},
		{in: `"a`, err: "closing double quote"},
		{in: `"a""`, err: "closing double quote"},
		{in: `"a"b`, err: "after a quoted value"},
		{in: `"a" "b"`, err: "after a quoted value"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseList(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("got %q, %v; want an error saying %q", got, err, c.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, c.want) {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// FormatList writes what ParseList reads back, for every kind of value,
// and leaves a plain value bare (the lists written before quoting).
func TestFormatListRoundTrip(t *testing.T) {
	cases := [][]string{
		{"a"}, {"a", "b"}, {None}, {"Acme, Inc", None, "x"}, {`"quoted"`, `a"b`}, {" lead", "trail "},
		{",", `""`, `"`}, {"follow,up"}, {"José Álvares", "a|b", "100%"},
	}
	for _, vals := range cases {
		s := FormatList(vals)
		got, err := ParseList(s)
		if err != nil || !slices.Equal(got, vals) {
			t.Errorf("%q → %s → %q, %v", vals, s, got, err)
		}
	}
	if s := FormatList([]string{"Main", "Acme Page"}); s != "Main,Acme Page" {
		t.Errorf("plain values written %s", s)
	}
}

// The lists that take None put a list without it in the store's filter,
// which DynamoDB applies, and one with it in Match; several channels go
// to Match, one to the store.
func TestListsSplitBetweenStoreAndMatch(t *testing.T) {
	cases := []struct {
		q           string
		filter      store.RowFilter
		match       Match
		matchesNone bool // whether an interaction with no IVR, agent, service or channel passes Match
	}{
		{q: "media=voice&ivr=Main", filter: store.RowFilter{MenuPaths: []string{"Main"}}},
		{q: `media=voice&ivr=Main,""`, match: Match{MenuPaths: []string{None, "Main"}}, matchesNone: true},
		{q: `media=voice&finalAgents=""`, match: Match{FinalAgents: []string{None}}, matchesNone: true},
		{q: `media=voice&services=""&services=Sales`, match: Match{Services: []string{None, "Sales"}}, matchesNone: true},
		{q: "media=chat&channel=Acme Page", filter: store.RowFilter{Channel: "Acme Page"}},
		{q: `media=chat&channel=Acme Page,"Acme, Inc"`, match: Match{Channels: []string{"Acme Page", "Acme, Inc"}}},
		{q: `media=voice&channel=""`, match: Match{Channels: []string{None}}, matchesNone: true},
		{q: "media=voice&waited=yes&handled=no", match: Match{Waited: ptr(true), Handled: ptr(false)}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			q, _ := url.ParseQuery(c.q)
			q.Set("state", "all")
			r, err := Parse(q, admin, settings, testNow)
			if err != nil {
				t.Fatal(err)
			}
			r.Filter.States = nil
			if !slices.Equal(r.Filter.MenuPaths, c.filter.MenuPaths) || r.Filter.Channel != c.filter.Channel ||
				r.Filter.FinalAgents != nil || r.Filter.ServicesAny != nil {
				t.Errorf("store filter %+v, want %+v", r.Filter, c.filter)
			}
			if !slices.Equal(r.Match.MenuPaths, c.match.MenuPaths) || !slices.Equal(r.Match.FinalAgents, c.match.FinalAgents) ||
				!slices.Equal(r.Match.Services, c.match.Services) || !slices.Equal(r.Match.Channels, c.match.Channels) ||
				!eqPtr(r.Match.Waited, c.match.Waited) || !eqPtr(r.Match.Handled, c.match.Handled) {
				t.Errorf("match %+v, want %+v", r.Match, c.match)
			}
			bare := &domain.Interaction{Media: r.Media}
			if c.match.Waited == nil && r.Match.Matches(bare) != c.matchesNone && !r.Match.Empty() {
				t.Errorf("an interaction without values: match %v, want %v", !c.matchesNone, c.matchesNone)
			}
		})
	}
}

// Takes answers as Parse does, value by value.
func TestTakes(t *testing.T) {
	cases := []struct {
		name  string
		media domain.Media
		vals  []string
		want  bool
	}{
		{"ivr", domain.MediaVoice, []string{None}, true},
		{"ivr", domain.MediaChat, []string{"Main"}, false},
		{"finalAgents", domain.MediaChat, []string{"a,b", None}, true},
		{"tags", domain.MediaChat, []string{None}, false},
		{"tags", domain.MediaChat, []string{"follow,up"}, true},
		{"channel", domain.MediaVoice, []string{"Acme, Inc", "Acme Page"}, true},
		{"queue", domain.MediaVoice, []string{"q1", "q2"}, false},
		{"queue", domain.MediaVoice, []string{""}, false},
		{"waited", domain.MediaVoice, []string{"yes"}, true},
		{"waited", domain.MediaVoice, []string{"true"}, false},
		{"category", domain.MediaChat, []string{strings.Repeat("x", maxText+1)}, false},
		{"nope", domain.MediaChat, []string{"x"}, false},
		{"services", domain.MediaChat, nil, false},
	}
	for _, c := range cases {
		if got := Takes(c.name, c.media, c.vals); got != c.want {
			t.Errorf("Takes(%s, %s, %q) = %v, want %v", c.name, c.media, c.vals, got, c.want)
		}
	}
}

func eqPtr(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
