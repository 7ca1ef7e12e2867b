package deepcopy

import (
	"errors"
	"reflect"
	"testing"
)

type col struct {
	Min, Max int
	Width    *float64
	Style    int
	Ext      []*ext
	Attrs    map[string]string
	Any      any
	Fixed    [2]*int
}

type ext struct{ URI string }

func TestCopyIsDeep(t *testing.T) {
	w, n := 12.5, 7
	src := col{Min: 1, Max: 3, Width: &w, Ext: []*ext{{"a"}}, Attrs: map[string]string{"k": "v"}, Any: &ext{"b"}, Fixed: [2]*int{&n}}
	for _, from := range []any{src, &src} {
		var dst col
		if err := Copy(&dst, from); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(dst, src) {
			t.Fatalf("copy %+v, want %+v", dst, src)
		}
		*dst.Width, dst.Ext[0].URI, dst.Attrs["k"], dst.Any.(*ext).URI, *dst.Fixed[0] = 1, "x", "x", "x", 1
		if w != 12.5 || src.Ext[0].URI != "a" || src.Attrs["k"] != "v" || src.Any.(*ext).URI != "b" || n != 7 {
			t.Fatalf("the copy shares memory with the source: %+v", src)
		}
	}
}

func TestCopyRefusesOtherTypes(t *testing.T) {
	var dst col
	cases := []struct {
		name     string
		dst, src any
	}{
		{"not a pointer", dst, col{}},
		{"nil pointer", (*col)(nil), col{}},
		{"another type", &dst, ext{}},
		{"nil source", &dst, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := Copy(c.dst, c.src); !errors.Is(err, ErrTypeInvalid) {
				t.Fatalf("err %v, want ErrTypeInvalid", err)
			}
		})
	}
}

func TestCopyNilPointerSourceZeroes(t *testing.T) {
	dst := col{Min: 4}
	if err := Copy(&dst, (*col)(nil)); err != nil || dst.Min != 0 {
		t.Fatalf("dst %+v, err %v", dst, err)
	}
}
