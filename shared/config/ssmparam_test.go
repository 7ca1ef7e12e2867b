package config

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// TestGetParameter holds the hand-made GetParameter call to SSM's JSON
// protocol: the target, a SigV4 signature for the ssm service in the
// region, the name asked with decryption, and the value or the error SSM
// answers.
func TestGetParameter(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		answer  string
		want    string
		wantErr string
	}{
		{"value", 200, `{"Parameter":{"Name":"/rastro/cursor","Type":"SecureString","Value":"s3cr3t-key","Version":3}}`, "s3cr3t-key", ""},
		{"not found", 400, `{"__type":"ParameterNotFound","message":""}`, "", "ParameterNotFound"},
		{"denied", 400, `{"__type":"AccessDeniedException","message":"not authorized to perform ssm:GetParameter"}`, "", "not authorized"},
		{"no value", 200, `{"Parameter":{"Name":"/rastro/cursor"}}`, "", "has no value"},
		{"garbage", 200, `<html>`, "", "decode answer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if got := r.Header.Get("X-Amz-Target"); got != "AmazonSSM.GetParameter" {
					t.Errorf("target %q", got)
				}
				if got := r.Header.Get("Authorization"); !strings.HasPrefix(got, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") || !strings.Contains(got, "/sa-east-1/ssm/aws4_request") {
					t.Errorf("authorization %q", got)
				}
				if r.Header.Get("X-Amz-Security-Token") != "session" {
					t.Error("no session token")
				}
				body, _ := io.ReadAll(r.Body)
				var in struct {
					Name           string
					WithDecryption bool
				}
				if err := json.Unmarshal(body, &in); err != nil || in.Name != "/rastro/cursor" || !in.WithDecryption {
					t.Errorf("body %s", body)
				}
				w.WriteHeader(c.status)
				_, _ = io.WriteString(w, c.answer)
			}))
			defer srv.Close()
			cfg := aws.Config{Region: "sa-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "session")}
			got, err := getParameter(context.Background(), cfg, srv.URL, "/rastro/cursor")
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("error %v, want one saying %q", err, c.wantErr)
			case got != c.want:
				t.Fatalf("value %q, want %q", got, c.want)
			}
		})
	}
}
