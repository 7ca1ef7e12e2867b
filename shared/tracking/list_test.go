package tracking

import (
	"net/url"
	"reflect"
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

// The lists that take None, several channels, waited and handled all go
// to the store's filter, which DynamoDB applies, None and all.
func TestDrillDownFiltersGoToTheStore(t *testing.T) {
	cases := []struct {
		q    string
		want store.RowFilter
	}{
		{q: "media=voice&ivr=Main", want: store.RowFilter{MenuPaths: []string{"Main"}}},
		{q: `media=voice&ivr=Main,""`, want: store.RowFilter{MenuPaths: []string{None, "Main"}}},
		{q: `media=voice&finalAgents=""`, want: store.RowFilter{FinalAgents: []string{None}}},
		{q: `media=voice&services=""&services=Sales`, want: store.RowFilter{ServicesAny: []string{None, "Sales"}}},
		{q: "media=chat&channel=Acme Page", want: store.RowFilter{Channels: []string{"Acme Page"}}},
		{q: `media=chat&channel=Acme Page,"Acme, Inc"`, want: store.RowFilter{Channels: []string{"Acme Page", "Acme, Inc"}}},
		{q: `media=voice&channel=""`, want: store.RowFilter{Channels: []string{None}}},
		{q: "media=voice&waited=yes&handled=no", want: store.RowFilter{Waited: ptr(true), Handled: ptr(false)}},
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
			if !reflect.DeepEqual(r.Filter, c.want) {
				t.Errorf("store filter %+v, want %+v", r.Filter, c.want)
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
