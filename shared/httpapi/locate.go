package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// locate finds the first value in raw that does not decode into t and
// says where (a path such as "legs[2].start") and why. encoding/json names
// the field only for plain type mismatches, not for values whose own
// UnmarshalJSON refuses them (instants, durations), and never with array
// indexes; a client deserves both.
func locate(raw json.RawMessage, t reflect.Type, path string) (field, reason string, found bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if string(raw) == "null" {
		return "", "", false
	}
	if t == timeType || reflect.PointerTo(t).Implements(unmarshalerType) ||
		(t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Map) {
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			return path, valueReason(t, err), true
		}
		return "", "", false
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return path, "must be an object", true
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				return join(path, k), "is not a known field", true
			}
			if f, r, ok := locate(obj[k], ft, join(path, k)); ok {
				return f, r, true
			}
		}
	case reflect.Slice:
		var arr []json.RawMessage
		if err := json.Unmarshal(raw, &arr); err != nil {
			return path, "must be an array", true
		}
		for i, e := range arr {
			if f, r, ok := locate(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); ok {
				return f, r, true
			}
		}
	case reflect.Map:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return path, "must be an object", true
		}
		for k, v := range obj {
			if f, r, ok := locate(v, t.Elem(), join(path, k)); ok {
				return f, r, true
			}
		}
	}
	return "", "", false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonFields maps a struct's JSON names to field types, embedded structs
// included, as encoding/json sees them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func valueReason(t reflect.Type, err error) string {
	if t == timeType {
		return "must be an RFC 3339 instant such as 2026-03-17T13:20:45Z or 2026-03-17T10:20:45.000-03:00"
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return "must be " + jsonType(t.String())
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return msg
}
