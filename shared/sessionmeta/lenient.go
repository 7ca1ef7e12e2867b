package sessionmeta

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// errNotObject is the one decoding failure that rejects a document outright:
// without an object there is no key to blame.
var errNotObject = errors.New("a session-metadata document must be a JSON object")

// UnmarshalJSON decodes key by key. encoding/json would stop reporting at
// the first wrong-typed key and name it by Go path; decoding each known key
// on its own reports every one, by the platform's key name, e.g.
// "participants[1].joined_at". Unknown keys are ignored: the platform adds
// fields over time, and a new field must not stop ingestion. Keys match
// exactly, not case-folded as encoding/json does: the platform writes
// snake_case, and folding would let "Status" and "status" fight over one
// field.
func (d *Document) UnmarshalJSON(b []byte) error {
	obj, ok := asObject(b)
	if !ok {
		return errNotObject
	}
	*d = Document{}
	p := &domain.Problems{}
	decodeFields(obj, reflect.ValueOf(d).Elem(), "", p)
	d.decodeProblems = p.List()
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

func asObject(b []byte) (map[string]json.RawMessage, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return nil, false
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, false
	}
	return obj, true
}

// decodeFields fills the exported, json-tagged fields of struct v from obj.
func decodeFields(obj map[string]json.RawMessage, v reflect.Value, prefix string, p *domain.Problems) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		if raw, ok := obj[name]; ok {
			decodeValue(raw, v.Field(i), prefix+name, p)
		}
	}
}

// decodeValue decodes raw into v, recursing through nested objects and
// arrays so that a problem deep inside names its full path. Types with
// their own UnmarshalJSON are leaves: their error text is the reason.
func decodeValue(raw json.RawMessage, v reflect.Value, field string, p *domain.Problems) {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return // absent: the zero value already says so
	}
	t := v.Type()
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		decodeLeaf(raw, v, field, p)
		return
	}
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		if raw[0] != '{' {
			p.Addf(field, "must be an object (got %s)", jsonKind(raw))
			return
		}
		nv := reflect.New(t.Elem())
		decodeValue(raw, nv.Elem(), field, p)
		v.Set(nv)
		return
	case t.Kind() == reflect.Struct:
		obj, ok := asObject(raw)
		if !ok {
			p.Addf(field, "must be an object (got %s)", jsonKind(raw))
			return
		}
		decodeFields(obj, v, field+".", p)
		return
	case t.Kind() == reflect.Slice:
		var items []json.RawMessage
		if raw[0] != '[' || json.Unmarshal(raw, &items) != nil {
			p.Addf(field, "must be an array (got %s)", jsonKind(raw))
			return
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			decodeValue(item, s.Index(i), fmt.Sprintf("%s[%d]", field, i), p)
		}
		v.Set(s)
		return
	}
	decodeLeaf(raw, v, field, p)
}

// decodeLeaf decodes into a fresh value and keeps it only on success, so a
// rejected value leaves the field absent: a bad "status" must not read as
// 0, which is "scheduled".
func decodeLeaf(raw json.RawMessage, v reflect.Value, field string, p *domain.Problems) {
	nv := reflect.New(v.Type())
	if err := json.Unmarshal(raw, nv.Interface()); err != nil {
		p.Add(field, reason(err, v.Type()))
		return
	}
	v.Set(nv.Elem())
}

// reason turns a decoding error into a reason a platform engineer can act
// on, without Go type names.
func reason(err error, t reflect.Type) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("must be %s (got %s)", expected(t), te.Value)
	}
	return err.Error()
}

func expected(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.Kind().String()
}

func jsonKind(raw []byte) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}
