package cursor

import (
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/domain"
)

type pos struct {
	Segment int    `json:"g"`
	After   string `json:"a"`
}

func TestSealOpen(t *testing.T) {
	s, err := NewSigner([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := NewSigner([]byte("fedcba9876543210fedcba9876543210"))
	ana := Holder{"acme", "ana"}
	tok, err := s.Seal(ana, "scope-1", pos{3, "2026-01-01T00:00:00.000Z#x"})
	if err != nil {
		t.Fatal(err)
	}
	var got pos
	if err := s.Open(tok, ana, "scope-1", &got); err != nil || got != (pos{3, "2026-01-01T00:00:00.000Z#x"}) {
		t.Fatalf("open: %+v %v", got, err)
	}
	flipped := []byte(tok)
	flipped[5] ^= 2
	cases := []struct {
		name, token string
		holder      Holder
		scope       string
		signer      Signer
		reason      string
	}{
		{"altered body", string(flipped), ana, "scope-1", s, "altered"},
		{"no signature", strings.Split(tok, ".")[0], ana, "scope-1", s, "altered"},
		{"signed with another key", tok, ana, "scope-1", other, "altered"},
		{"another tenant", tok, Holder{"beta", "ana"}, "scope-1", s, "another tenant"},
		{"another user of the tenant", tok, Holder{"acme", "bruno"}, "scope-1", s, "another user"},
		{"other filters", tok, ana, "scope-2", s, "different filters"},
		{"empty", "", ana, "scope-1", s, "altered"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.signer.Open(c.token, c.holder, c.scope, &got)
			if domain.ErrorCode(err) != domain.CodeBadRequest || !strings.Contains(err.Error(), c.reason) || !strings.Contains(err.Error(), "cursor") {
				t.Fatalf("got %v", err)
			}
		})
	}
	if _, err := NewSigner([]byte("short")); err == nil {
		t.Error("short key accepted")
	}
}
