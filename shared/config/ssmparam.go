package config

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// getParameter reads one SSM parameter, decrypted, with a single signed
// call of SSM's JSON API (AmazonSSM.GetParameter). The SDK's generated
// ssm package is not used on purpose: its package initialisation (the
// operation schemas) cost every function 1.6–4.7 ms of each cold start,
// the largest part of Go's init (docs/benchmarks.md), for this one call.
// endpoint is SSM's, e.g. https://ssm.us-east-1.amazonaws.com.
func getParameter(ctx context.Context, cfg aws.Config, endpoint, name string) (string, error) {
	body, err := json.Marshal(struct {
		Name           string
		WithDecryption bool
	}{name, true})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint+"/", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
	if cfg.Credentials == nil {
		return "", fmt.Errorf("ssm: no AWS credentials")
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return "", fmt.Errorf("ssm: credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "ssm", cfg.Region, time.Now()); err != nil {
		return "", fmt.Errorf("ssm: sign: %w", err)
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("ssm: %w", err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("ssm: read answer: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		var e struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(raw, &e)
		return "", fmt.Errorf("ssm: GetParameter %s: HTTP %d %s %s", name, res.StatusCode, e.Type, e.Message)
	}
	var out struct{ Parameter struct{ Value *string } }
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", fmt.Errorf("ssm: decode answer: %w", err)
	}
	if out.Parameter.Value == nil {
		return "", fmt.Errorf("ssm: parameter %s has no value", name)
	}
	return *out.Parameter.Value, nil
}

// ssmEndpoint is SSM's regional endpoint, or SSM_ENDPOINT's.
func (c Config) ssmEndpoint(region string) string {
	if c.SSMEndpoint != "" {
		return c.SSMEndpoint
	}
	return "https://ssm." + region + ".amazonaws.com"
}
