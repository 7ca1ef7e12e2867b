package domain_test

import (
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

// FuzzValidEmail holds seed 000's email rule to what it promises whatever
// the input: no panic, and an address it accepts has one local part, a
// dotted domain of non-empty labels not starting or ending with a hyphen,
// no space or control character, and fits 254 bytes.
func FuzzValidEmail(f *testing.F) {
	for _, s := range []string{"ana@example.com", "a.b+c@mail.co.uk", "test@.com", "a@b..com", "x@-a.com", "ação@b.com", "a@b.c", "a@@b.com", strings.Repeat("a", 250) + "@b.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !domain.ValidEmail(s) {
			return
		}
		local, host, ok := strings.Cut(s, "@")
		if !ok || local == "" || strings.Contains(host, "@") || len(s) > 254 {
			t.Fatalf("accepted %q", s)
		}
		labels := strings.Split(host, ".")
		if len(labels) < 2 {
			t.Fatalf("accepted %q: no dot in the domain", s)
		}
		for _, l := range labels {
			if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
				t.Fatalf("accepted %q: label %q", s, l)
			}
		}
		for _, r := range s {
			if r <= ' ' || r > '~' {
				t.Fatalf("accepted %q: character %q", s, r)
			}
		}
	})
}
