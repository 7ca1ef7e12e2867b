// Package cursor makes the opaque, signed page tokens of every paged
// endpoint. A token carries where the next page starts, the tenant it was
// made for and a digest of the request it belongs to; it is signed with
// HMAC-SHA256, so a client can hand it back but can neither forge a
// position nor use it with another tenant or other filters.
package cursor

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// MinKeyLen is the shortest signing key accepted (256 bits).
const MinKeyLen = 32

// Signer seals and opens tokens with one key.
type Signer struct{ key []byte }

// NewSigner checks the key is long enough to sign with.
func NewSigner(key []byte) (Signer, error) {
	if len(key) < MinKeyLen {
		return Signer{}, errors.New("cursor: the signing key must be at least 32 bytes")
	}
	return Signer{key: append([]byte(nil), key...)}, nil
}

// Holder is who a token is issued to: a token opens only for the same
// tenant and user, so a link with a cursor pasted to a colleague starts
// them from the first page rather than continuing the sender's listing.
type Holder struct {
	Tenant, User string
}

// HolderOf is the holder an identity's requests issue tokens to.
func HolderOf(id domain.Identity) Holder { return Holder{Tenant: id.Tenant, User: id.UserID} }

type envelope struct {
	Tenant string          `json:"t"`
	User   string          `json:"u"`
	Scope  string          `json:"s"`
	Pos    json.RawMessage `json:"p"`
}

// Scope digests the request a token belongs to (its normalized filters),
// so a token made for one filter set is refused by another.
func Scope(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// Seal makes the token for position pos.
func (s Signer) Seal(h Holder, scope string, pos any) (string, error) {
	p, err := json.Marshal(pos)
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(envelope{h.Tenant, h.User, scope, p})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(body) + "." + enc.EncodeToString(s.mac(body)), nil
}

// Open checks a token and decodes its position into pos. Every failure is
// a bad request naming the cursor parameter.
func (s Signer) Open(token string, h Holder, scope string, pos any) error {
	enc := base64.RawURLEncoding
	body64, sig64, ok := strings.Cut(token, ".")
	body, err1 := enc.DecodeString(body64)
	sig, err2 := enc.DecodeString(sig64)
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(sig, s.mac(body)) {
		return bad("is not a cursor this API issued (malformed or altered)")
	}
	var e envelope
	if err := json.Unmarshal(body, &e); err != nil {
		return bad("is not a cursor this API issued")
	}
	if e.Tenant != h.Tenant {
		return bad("belongs to another tenant")
	}
	if e.User != h.User {
		return bad("was issued to another user; start again without it")
	}
	if e.Scope != scope {
		return bad("was issued for different filters; start again without it")
	}
	if err := json.Unmarshal(e.Pos, pos); err != nil {
		return bad("is not a cursor this API issued")
	}
	return nil
}

func (s Signer) mac(body []byte) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("rastro-cursor-v1\n"))
	m.Write(body)
	return m.Sum(nil)
}

func bad(reason string) error {
	return domain.FieldErr(domain.CodeBadRequest, "cursor", reason)
}
