package history

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Order is the direction lists and paths are sorted in, by time.
type Order string

const (
	Asc  Order = "asc"  // oldest first
	Desc Order = "desc" // newest first
)

// Page sizes of the client and agent histories.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// ListRequest asks for one page of a client's or an agent's interactions.
type ListRequest struct {
	Key    string // the contact key or the agent id
	Order  Order
	Limit  int
	Cursor string
}

// LookupRequest asks for the interactions with a protocol.
type LookupRequest struct {
	Protocol string
	External bool // Protocol is an external protocol
}

// query reads a query string that may hold only the named parameters,
// each at most once.
func query(raw string, allowed ...string) (url.Values, error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, domain.Errorf(domain.CodeBadRequest, "the query string is malformed")
	}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		known := false
		for _, a := range allowed {
			known = known || k == a
		}
		switch {
		case !known && len(allowed) == 0:
			return nil, domain.FieldErr(domain.CodeBadRequest, domain.Clip(k), "is not a parameter of this endpoint (it takes none)")
		case !known:
			return nil, domain.FieldErr(domain.CodeBadRequest, domain.Clip(k), "is not a parameter of this endpoint (it takes "+strings.Join(allowed, ", ")+")")
		case len(q[k]) > 1:
			return nil, domain.FieldErr(domain.CodeBadRequest, k, "must be given once")
		}
	}
	return q, nil
}

// order reads the order parameter, def when absent.
func order(q url.Values, def Order) (Order, error) {
	switch v := q.Get("order"); v {
	case "":
		if _, given := q["order"]; given {
			return "", domain.FieldErr(domain.CodeBadRequest, "order", "must be asc or desc (got an empty value)")
		}
		return def, nil
	case string(Asc), string(Desc):
		return Order(v), nil
	default:
		return "", domain.FieldErr(domain.CodeBadRequest, "order", "must be asc or desc (got \""+domain.Clip(v)+"\")")
	}
}

// limit reads the page size.
func limit(q url.Values) (int, error) {
	v, given := q["limit"]
	if !given {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(v[0])
	if err != nil || n < 1 || n > MaxLimit {
		return 0, domain.FieldErr(domain.CodeBadRequest, "limit", "must be an integer from 1 to "+strconv.Itoa(MaxLimit)+" (got \""+domain.Clip(v[0])+"\")")
	}
	return n, nil
}

// listRequest reads a history list's query string for key, which names
// the path parameter param.
func listRequest(raw, param, key string) (ListRequest, error) {
	if key == "" || len(key) > maxKeyLen || !utf8.ValidString(key) {
		return ListRequest{}, domain.FieldErr(domain.CodeBadRequest, param, "must be 1 to 512 bytes of UTF-8")
	}
	q, err := query(raw, "order", "limit", "cursor")
	if err != nil {
		return ListRequest{}, err
	}
	req := ListRequest{Key: key, Cursor: q.Get("cursor")}
	if req.Order, err = order(q, Desc); err != nil {
		return ListRequest{}, err
	}
	if req.Limit, err = limit(q); err != nil {
		return ListRequest{}, err
	}
	if _, given := q["cursor"]; given && req.Cursor == "" {
		return ListRequest{}, domain.FieldErr(domain.CodeBadRequest, "cursor", "must not be empty; leave it out for the first page")
	}
	return req, nil
}

// maxKeyLen bounds contact keys and agent ids: each becomes part of an
// index key, which DynamoDB caps at 2 KB.
const maxKeyLen = 512

// contactRequest reads GET /v1/contacts/{contactKey}/interactions. The
// key is written the way domain.ContactKey writes it; a phone may keep
// its leading "+" and an email its capitals.
func contactRequest(raw, contactKey string) (ListRequest, error) {
	req, err := listRequest(raw, "contactKey", contactKey)
	if err != nil {
		return req, err
	}
	key, ok := domain.ParseContactKey(contactKey)
	if !ok {
		return ListRequest{}, domain.FieldErr(domain.CodeBadRequest, "contactKey", "must be crm:<id>, tel:<number>, email:<address> or ext:<id>")
	}
	req.Key = key
	return req, nil
}

// lookupRequest reads GET /v1/interactions: exactly one of protocol and
// externalProtocol.
func lookupRequest(raw string) (LookupRequest, error) {
	q, err := query(raw, "protocol", "externalProtocol")
	if err != nil {
		return LookupRequest{}, err
	}
	_, p := q["protocol"]
	_, x := q["externalProtocol"]
	var req LookupRequest
	name := "protocol"
	switch {
	case p && x:
		return req, domain.FieldErr(domain.CodeBadRequest, "externalProtocol", "can't be combined with protocol; give one of them")
	case !p && !x:
		return req, domain.FieldErr(domain.CodeBadRequest, "protocol", "is required (or externalProtocol)")
	case x:
		name, req.External = "externalProtocol", true
	}
	req.Protocol = q.Get(name)
	// Ingestion accepts protocols of at most 64 characters, so a longer one
	// can't match; saying so helps more than an empty list.
	if req.Protocol == "" || len(req.Protocol) > 64 {
		return LookupRequest{}, domain.FieldErr(domain.CodeBadRequest, name, "must be 1 to 64 characters")
	}
	return req, nil
}
