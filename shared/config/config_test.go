package config_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/shared/config"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		required []string
		wantErr  bool
		clients  int
	}{
		{"required present", map[string]string{"TABLE_NAME": "t"}, []string{"TABLE_NAME"}, false, 0},
		{"required missing", map[string]string{}, []string{"TABLE_NAME"}, true, 0},
		{"client map", map[string]string{"TABLE_NAME": "t", "INGEST_CLIENT_TENANTS": `{"c1":"acme","c2":"beta"}`}, nil, false, 2},
		{"bad client map", map[string]string{"INGEST_CLIENT_TENANTS": `[1,2]`}, nil, true, 0},
		{"export bucket required and present", map[string]string{"TABLE_NAME": "t", "EXPORT_BUCKET": "b"}, []string{"TABLE_NAME", "EXPORT_BUCKET"}, false, 0},
		{"export bucket required and missing", map[string]string{"TABLE_NAME": "t"}, []string{"TABLE_NAME", "EXPORT_BUCKET"}, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"TABLE_NAME", "INGEST_CLIENT_TENANTS", "EXPORT_BUCKET"} {
				t.Setenv(k, tc.env[k])
			}
			c, err := config.Load(tc.required...)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && len(c.IngestClients) != tc.clients {
				t.Fatalf("clients %v", c.IngestClients)
			}
		})
	}
}

// Each field's env tag is the variable Load reads into it: infra/parity
// trusts the tags to know what a function reads.
func TestEnvTagsAreWhatLoadReads(t *testing.T) {
	ft := reflect.TypeOf(config.Config{})
	for i := 0; i < ft.NumField(); i++ {
		if ft.Field(i).Tag.Get("env") == "" {
			t.Errorf("field %s has no env tag", ft.Field(i).Name)
		}
	}
	for i := 0; i < ft.NumField(); i++ {
		f := ft.Field(i)
		t.Run(f.Name, func(t *testing.T) {
			for j := 0; j < ft.NumField(); j++ {
				t.Setenv(envName(ft.Field(j)), "")
			}
			value := "v-" + f.Name
			if f.Type.Kind() == reflect.Map {
				value = `{"client":"tenant"}`
			}
			t.Setenv(envName(f), value)
			c, err := config.Load()
			if err != nil {
				t.Fatal(err)
			}
			cv := reflect.ValueOf(c)
			for j := 0; j < ft.NumField(); j++ {
				if set := !cv.Field(j).IsZero() && cv.Field(j).Len() > 0; set != (j == i) {
					t.Errorf("with only %s set, field %s set = %v", envName(f), ft.Field(j).Name, set)
				}
			}
		})
	}
}

func envName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("env"), ",")
	return name
}
