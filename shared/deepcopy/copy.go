// Package deepcopy stands in for github.com/tiendc/go-deepcopy, which
// excelize uses to copy its own worksheet structs (columns, rows,
// conditional formats) before writing them. go.mod replaces the module
// with this one because the original calls reflect's Method, and a
// program that can reach such a call keeps every exported method of every
// type the linker sees: the exporter's bootstrap was 25.8 MB with it and
// 15.5 MB without (docs/decisions.md). excelize copies values of one type
// into a pointer to the same type; this package does exactly that, deeply,
// and refuses anything else with an error instead of guessing.
package deepcopy

import (
	"errors"
	"reflect"
)

// Option is accepted for the original's signature; none is supported.
type Option func(*options)

type options struct{}

// ErrTypeInvalid is the answer to anything but a copy of a value (or of
// a pointer to it) into a non-nil pointer to its type.
var ErrTypeInvalid = errors.New("deepcopy: destination must be a non-nil pointer to the source's type")

// Copy sets *dst to a deep copy of src (a value of dst's element type, or
// a pointer to one): pointers, slices, maps and interfaces are copied, not
// shared; unexported struct fields are copied as they are.
func Copy(dst, src any, opts ...Option) error {
	d := reflect.ValueOf(dst)
	if d.Kind() != reflect.Pointer || d.IsNil() {
		return ErrTypeInvalid
	}
	s := reflect.ValueOf(src)
	if s.Kind() == reflect.Pointer && s.Type() == d.Type() {
		if s.IsNil() {
			d.Elem().SetZero()
			return nil
		}
		s = s.Elem()
	}
	if !s.IsValid() || s.Type() != d.Elem().Type() {
		return ErrTypeInvalid
	}
	d.Elem().Set(clone(s))
	return nil
}

func clone(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(clone(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(clone(v.Index(i)))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(clone(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), clone(it.Value()))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v) // unexported fields as they are: they can't be set one by one
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(clone(v.Field(i)))
			}
		}
		return out
	case reflect.Interface:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(clone(v.Elem()))
		return out
	}
	return v
}
