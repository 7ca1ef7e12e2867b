package cursor

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
)

type fuzzPos struct {
	Day string `json:"d"`
	Key string `json:"k"`
	N   int    `json:"n"`
}

// FuzzOpen feeds Open any token: it never panics, refuses with a 400
// naming the cursor, and accepts only what the key sealed for the same
// tenant and scope. A sealed position round-trips, and no other tenant
// user or scope opens it.
func FuzzOpen(f *testing.F) {
	s, err := NewSigner([]byte(strings.Repeat("k", MinKeyLen)))
	if err != nil {
		f.Fatal(err)
	}
	good, _ := s.Seal(Holder{"acme", "ana"}, "scope", fuzzPos{"2026-03-01", "T#acme#M#chat", 7})
	for _, tok := range []string{good, "", ".", "e30.", good + "x", strings.Replace(good, ".", "..", 1), "eyJ0IjoiYWNtZSJ9.AAAA"} {
		f.Add(tok, "acme", "scope", "2026-03-01", "key", 1)
	}
	f.Fuzz(func(t *testing.T, token, tenant, scope, day, key string, n int) {
		var got fuzzPos
		who := Holder{tenant, "ana"}
		if err := s.Open(token, who, scope, &got); err != nil {
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != domain.CodeBadRequest || de.Field != "cursor" {
				t.Fatalf("Open(%q) = %v, want a 400 naming the cursor", token, err)
			}
		}
		// Positions are DynamoDB keys and tenants validated ids: valid
		// UTF-8. JSON turns invalid bytes into U+FFFD, so they could not
		// round-trip (the corpus keeps the input that showed it).
		for _, s := range []string{tenant, scope, day, key} {
			if !utf8.ValidString(s) {
				return
			}
		}
		want := fuzzPos{day, key, n}
		tok, err := s.Seal(who, scope, want)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Open(tok, who, scope, &got); err != nil || got != want {
			t.Fatalf("round trip of %+v: %+v, %v", want, got, err)
		}
		if s.Open(tok, Holder{tenant + "x", "ana"}, scope, &got) == nil || s.Open(tok, Holder{tenant, "bruno"}, scope, &got) == nil ||
			s.Open(tok, who, scope+"x", &got) == nil {
			t.Fatalf("a token for %q/%q opened for another tenant, user or scope", tenant, scope)
		}
	})
}
