package parity

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// stubAWS is an `aws` that logs its arguments and answers the stack-output
// queries deploy-frontend.sh makes with "<OutputKey>-value".
const stubAWS = `#!/usr/bin/env bash
echo "$*" >> "$AWS_LOG"
if [ "$1 $2" = "cloudformation describe-stacks" ]; then
  key=$(printf '%s' "$*" | sed -n "s/.*OutputKey=='\([A-Za-z]*\)'.*/\1/p")
  echo "${key}-value"
fi
if [ "$1 $2" = "s3 cp" ]; then cat "$3" > "$AWS_LOG.uploaded"; fi
`

// deploy-frontend.sh, run against a stub AWS CLI: it asks the stack only
// for outputs template.yaml has, uploads the fingerprinted assets and the
// rest with the right caching, writes config.json, and invalidates the
// distribution. Without an AWS CLI it stops with a clear message. (The
// real CLI and AWS are not used here.)
func TestDeployFrontendScript(t *testing.T) {
	script, err := filepath.Abs(filepath.Join(root, "infra", "sam", "deploy-frontend.sh"))
	if err != nil {
		t.Fatal(err)
	}
	dist := t.TempDir()
	for name, body := range map[string]string{"index.html": "<!doctype html>", "assets/app-1234.js": "x", "favicon.svg": "<svg/>"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dist, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dist, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tools := t.TempDir()
	for _, tool := range []string{"bash", "dirname", "mktemp", "rm", "sed", "env", "cat"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("no %s here", tool)
		}
		if err := os.Symlink(p, filepath.Join(tools, tool)); err != nil {
			t.Fatal(err)
		}
	}
	run := func(path string) (string, error) {
		cmd := exec.Command(filepath.Join(tools, "bash"), script)
		cmd.Env = []string{"PATH=" + path, "STACK=test-stack", "DIST=" + dist, "AWS_LOG=" + filepath.Join(dist, "aws.log")}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}

	t.Run("without the AWS CLI", func(t *testing.T) {
		out, err := run(tools)
		if err == nil || !strings.Contains(out, "needs the AWS CLI") {
			t.Fatalf("err %v, output %q", err, out)
		}
	})

	t.Run("with it", func(t *testing.T) {
		stubDir := t.TempDir()
		if err := os.WriteFile(filepath.Join(stubDir, "aws"), []byte(stubAWS), 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := run(stubDir + ":" + tools)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		logged, err := os.ReadFile(filepath.Join(dist, "aws.log"))
		if err != nil {
			t.Fatal(err)
		}
		log := string(logged)
		outputs := m(mustLoad(t, "template.yaml")["Outputs"])
		for _, q := range regexp.MustCompile(`OutputKey=='([A-Za-z]+)'`).FindAllStringSubmatch(log, -1) {
			if _, ok := outputs[q[1]]; !ok {
				t.Errorf("the script reads output %s, which template.yaml does not have", q[1])
			}
		}
		for _, want := range []string{
			"cloudformation describe-stacks --stack-name test-stack",
			"s3 sync " + dist + "/assets s3://FrontendBucketName-value/assets --cache-control public,max-age=31536000,immutable",
			"s3 sync " + dist + " s3://FrontendBucketName-value --delete --exclude assets/* --exclude config.json --cache-control no-cache",
			"s3://FrontendBucketName-value/config.json --content-type application/json",
			"cloudfront create-invalidation --distribution-id FrontendDistributionId-value --paths /*",
		} {
			if !strings.Contains(log, want) {
				t.Errorf("no %q in the AWS CLI calls:\n%s", want, log)
			}
		}
		config, err := os.ReadFile(filepath.Join(dist, "aws.log.uploaded"))
		if err != nil || !strings.Contains(string(config), `"apiUrl":"ApiUrl-value","userPoolId":"UserPoolId-value","clientId":"DashboardClientId-value"`) {
			t.Errorf("config.json %s (%v)", config, err)
		}
		if !strings.Contains(out, "deployed to DashboardUrl-value") {
			t.Errorf("output %q", out)
		}
	})
}
