package config_test

import (
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"TABLE_NAME", "INGEST_CLIENT_TENANTS"} {
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
