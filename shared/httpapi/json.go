package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// MaxBody is the largest request body accepted. Lambda takes at most 6 MB
// per invocation for the whole API Gateway event, in which the body is a
// JSON string (every quote escaped) beside headers and request context;
// 4 MiB of body keeps any request inside that, so the client always gets
// Rastro's own 413 rather than a gateway error.
const MaxBody = 4 << 20

// WriteJSON answers v with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// CostHider is a response that can drop what it cost to read.
type CostHider interface{ HideCosts() }

// ForCaller is v as who may see it: without its read costs (items read,
// capacity consumed) unless who is an admin. Costs count the stored items
// of every queue a read passed over, so a supervisor would learn from them
// how much there is outside their queues.
func ForCaller(v any, who domain.Identity) any {
	if h, ok := v.(CostHider); ok && who.Role != domain.RoleAdmin {
		h.HideCosts()
	}
	return v
}

// ReadBody reads the whole body, refusing more than limit bytes with 413.
func ReadBody(r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, domain.FieldErr(domain.CodeTooLarge, "body", fmt.Sprintf("is %d bytes; the limit is %d", r.ContentLength, limit))
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, domain.Errorf(domain.CodeBadRequest, "could not read the request body")
	}
	if int64(len(b)) > limit {
		return nil, domain.FieldErr(domain.CodeTooLarge, "body", fmt.Sprintf("is over the limit of %d bytes", limit))
	}
	return b, nil
}

// DecodeStrict decodes one JSON value, refusing unknown fields and
// trailing data, and says where the problem is in words a client can use.
func DecodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		if !errors.As(err, &syn) && json.Valid(b) {
			if f, reason, ok := locate(b, reflect.TypeOf(v), ""); ok && f != "" {
				return domain.FieldErr(domain.CodeBadRequest, f, reason)
			}
		}
		return JSONProblem(err)
	}
	if dec.More() {
		return domain.Errorf(domain.CodeBadRequest, "body must hold one JSON value")
	}
	return nil
}

// JSONProblem turns a decoding error into a bad-request Error naming the
// field when the decoder knows it.
func JSONProblem(err error) *domain.Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return domain.Errorf(domain.CodeBadRequest, "malformed JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		f := typ.Field
		if f == "" {
			f = "body"
		}
		return domain.FieldErr(domain.CodeBadRequest, f, fmt.Sprintf("must be %s, not %s", jsonType(typ.Type.String()), typ.Value))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return domain.Errorf(domain.CodeBadRequest, "body is empty or truncated JSON")
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		f = strings.Trim(f, `"`)
		return domain.FieldErr(domain.CodeBadRequest, f, "is not a known field")
	}
	// Custom unmarshalers (instants, durations) say what they expect.
	return domain.Errorf(domain.CodeBadRequest, "invalid JSON value: %s", strings.TrimPrefix(msg, "json: "))
}

func jsonType(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "map["), strings.Contains(goType, "."):
		return "an object or value of the documented type"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "float"), strings.HasPrefix(goType, "uint"):
		return "a number"
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "true or false"
	}
	return goType
}
