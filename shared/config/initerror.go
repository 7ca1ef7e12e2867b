package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"
)

// InitErrorType is the error type a function reports when its
// configuration stops it, in the Runtime API's recommended
// <category>.<reason> form.
const InitErrorType = "Runtime.ConfigInvalid"

// fail stops a function that cannot be configured. Under Lambda it first
// reports the reason on the Runtime API's /init/error, so the invocation
// that started the function fails with that message rather than with a
// bare "Runtime.ExitError" (aws-lambda-go has no init-error call of its own).
func fail(msg string) {
	slog.Error(msg)
	if api := os.Getenv("AWS_LAMBDA_RUNTIME_API"); api != "" {
		if err := reportInitError(api, msg); err != nil {
			slog.Error("report init error", "error", err.Error())
		}
	}
	os.Exit(1)
}

func reportInitError(api, msg string) error {
	body, err := json.Marshal(struct {
		Message    string   `json:"errorMessage"`
		Type       string   `json:"errorType"`
		StackTrace []string `json:"stackTrace"`
	}{msg, InitErrorType, []string{}})
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, "http://"+api+"/2018-06-01/runtime/init/error", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Lambda-Runtime-Function-Error-Type", InitErrorType)
	// The Runtime API is link-local: never through a proxy. The bound
	// keeps a dead API from holding the function past its init timeout.
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{}}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("runtime API answered %s", resp.Status)
	}
	return nil
}
