package parity

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The deployment's security posture, read from template.yaml (issue 7):
// every bucket private, encrypted and TLS-only; the table encrypted with
// point-in-time recovery; queues encrypted; every function's policy free
// of wildcard actions and of "*" resources (but for the few actions AWS
// accepts no other resource for) and its logs kept for a set time; no
// secret in a plain environment variable. postureProblems lists what a
// template breaks; TestPostureCatchesDrift holds it able to fail.

// starResourceActions are the actions AWS authorises only on Resource "*".
var starResourceActions = []string{"xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData"}

// samPolicyTemplates are the SAM policy templates a function may use:
// each is scoped to the one resource its parameter names.
var samPolicyTemplates = map[string]string{"S3ReadPolicy": "BucketName"}

// secretName is an environment variable name that would hold a secret's
// value; such a variable must be empty in the template (the value comes
// from SSM at run time, by a name in another variable).
var secretName = regexp.MustCompile(`(?i)(SECRET|PASSWORD|TOKEN|_KEY)$`)

func TestTemplatePosture(t *testing.T) {
	for _, p := range postureProblems(mustLoad(t, "template.yaml")) {
		t.Error(p)
	}
}

// TestPostureCatchesDrift breaks a copy of the template in each way the
// posture forbids and holds that postureProblems names it.
func TestPostureCatchesDrift(t *testing.T) {
	for _, c := range []struct {
		name, want string
		breakIt    func(tpl, res map[string]any)
	}{
		{"a wildcard action", "wildcard action dynamodb:*", func(_, res map[string]any) {
			st := firstStatement(res, "IngestFunction")
			st["Action"] = []any{"dynamodb:*"}
		}},
		{"a star resource", `resource "*"`, func(_, res map[string]any) {
			st := firstStatement(res, "IngestFunction")
			st["Resource"] = "*"
		}},
		{"a public bucket", "BlockPublicPolicy", func(_, res map[string]any) {
			m(m(m(res["ExportsBucket"])["Properties"])["PublicAccessBlockConfiguration"])["BlockPublicPolicy"] = "false"
		}},
		{"a bucket policy open to anyone", "allows everyone", func(_, res map[string]any) {
			doc := m(m(m(res["MediaBucketPolicy"])["Properties"])["PolicyDocument"])
			doc["Statement"] = append(doc["Statement"].([]any), map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "x"})
		}},
		{"an unencrypted bucket", "ExportsBucket is not encrypted", func(_, res map[string]any) {
			delete(m(m(res["ExportsBucket"])["Properties"]), "BucketEncryption")
		}},
		{"a bucket without its TLS-only policy", "IngestBucket has no policy denying", func(_, res map[string]any) {
			delete(res, "IngestBucketPolicy")
		}},
		{"an unencrypted table", "Table is not encrypted", func(_, res map[string]any) {
			delete(m(m(res["Table"])["Properties"]), "SSESpecification")
		}},
		{"a table without PITR", "point-in-time recovery", func(_, res map[string]any) {
			delete(m(m(res["Table"])["Properties"]), "PointInTimeRecoverySpecification")
		}},
		{"an unencrypted queue", "ExportFailuresQueue is not encrypted", func(_, res map[string]any) {
			delete(m(m(res["ExportFailuresQueue"])["Properties"]), "SqsManagedSseEnabled")
		}},
		{"logs kept forever", "ExporterFunction's log group", func(_, res map[string]any) {
			delete(m(m(res["ExporterFunctionLogGroup"])["Properties"]), "RetentionInDays")
		}},
		{"a managed policy", "policy AdministratorAccess", func(_, res map[string]any) {
			p := m(m(res["TagsFunction"])["Properties"])
			p["Policies"] = append(p["Policies"].([]any), "AdministratorAccess")
		}},
		{"a secret in the environment", "CURSOR_KEY", func(_, res map[string]any) {
			vars := m(m(m(m(res["TrackingFunction"])["Properties"])["Environment"])["Variables"])
			vars["CURSOR_KEY"] = "hunter2"
		}},
		{"CORS open to anyone", `allows "*"`, func(_, res map[string]any) {
			cors := m(m(res["HttpApi"])["Properties"])["CorsConfiguration"]
			m(cors)["AllowOrigins"] = append(m(cors)["AllowOrigins"].([]any), "*")
		}},
		{"CORS trusting a localhost default", "whose default", func(tpl, res map[string]any) {
			m(m(tpl["Parameters"])["DashboardOrigin"])["Default"] = "https://localhost:3000"
			cors := m(m(res["HttpApi"])["Properties"])["CorsConfiguration"]
			m(cors)["AllowOrigins"] = append(m(cors)["AllowOrigins"].([]any), map[string]any{"!Ref": "DashboardOrigin"})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tpl := deepCopy(t, mustLoad(t, "template.yaml"))
			c.breakIt(tpl, m(tpl["Resources"]))
			got := postureProblems(tpl)
			if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, c.want) }) {
				t.Errorf("no problem naming %q in %q", c.want, got)
			}
		})
	}
}

func postureProblems(tpl map[string]any) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	res := m(tpl["Resources"])
	names := make([]string, 0, len(res))
	for n := range res {
		names = append(names, n)
	}
	sort.Strings(names)
	byType := func(typ string) []string {
		var ns []string
		for _, n := range names {
			if m(res[n])["Type"] == typ {
				ns = append(ns, n)
			}
		}
		return ns
	}

	tlsOnly := map[string]bool{} // bucket → a policy denies plain HTTP
	for _, n := range byType("AWS::S3::BucketPolicy") {
		p := m(m(res[n])["Properties"])
		bucket, _ := m(p["Bucket"])["!Ref"].(string)
		for _, st := range statements(m(p["PolicyDocument"])) {
			if st["Effect"] == "Deny" && m(m(st["Condition"])["Bool"])["aws:SecureTransport"] == "false" {
				tlsOnly[bucket] = true
			}
			if st["Effect"] == "Allow" && (st["Principal"] == "*" || m(st["Principal"])["AWS"] == "*") {
				bad("%s allows everyone (Principal *)", n)
			}
		}
	}
	for _, n := range byType("AWS::S3::Bucket") {
		p := m(m(res[n])["Properties"])
		block := m(p["PublicAccessBlockConfiguration"])
		for _, f := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
			if block[f] != "true" {
				bad("%s: PublicAccessBlockConfiguration.%s is not true", n, f)
			}
		}
		if acl, ok := p["AccessControl"]; ok && acl != "Private" {
			bad("%s: AccessControl %v", n, acl)
		}
		if _, ok := p["WebsiteConfiguration"]; ok {
			bad("%s is a public website bucket", n)
		}
		rules, _ := m(p["BucketEncryption"])["ServerSideEncryptionConfiguration"].([]any)
		if len(rules) == 0 || !slices.Contains([]any{"AES256", "aws:kms", "aws:kms:dsse"}, m(m(rules[0])["ServerSideEncryptionByDefault"])["SSEAlgorithm"]) {
			bad("%s is not encrypted (BucketEncryption)", n)
		}
		if !tlsOnly[n] {
			bad("%s has no policy denying requests without TLS (aws:SecureTransport)", n)
		}
	}
	for _, n := range byType("AWS::DynamoDB::Table") {
		p := m(m(res[n])["Properties"])
		if m(p["SSESpecification"])["SSEEnabled"] != "true" {
			bad("%s is not encrypted (SSESpecification)", n)
		}
		if m(p["PointInTimeRecoverySpecification"])["PointInTimeRecoveryEnabled"] != "true" {
			bad("%s has no point-in-time recovery", n)
		}
	}
	for _, n := range byType("AWS::SQS::Queue") {
		p := m(m(res[n])["Properties"])
		if p["SqsManagedSseEnabled"] != "true" && p["KmsMasterKeyId"] == nil {
			bad("%s is not encrypted", n)
		}
	}

	// CORS: only origins the stage was given. A parameter's default is
	// what every stage gets unless told otherwise, so an origin taken from
	// a parameter must default to none (HasDashboardOrigin's !If).
	params := m(tpl["Parameters"])
	for _, n := range byType("AWS::Serverless::HttpApi") {
		origins, _ := m(m(m(res[n])["Properties"])["CorsConfiguration"])["AllowOrigins"].([]any)
		for _, o := range origins {
			if s, ok := o.(string); ok && (s == "*" || strings.Contains(s, "localhost")) {
				bad("%s's CORS allows %q", n, s)
			}
			if ref, ok := m(o)["!Ref"].(string); ok {
				if d := m(params[ref])["Default"]; d != nil && d != "" {
					bad("%s's CORS allows parameter %s, whose default %q every stage gets", n, ref, d)
				}
			}
		}
	}

	retained := map[string]bool{} // function → its log group has a retention
	for _, n := range byType("AWS::Logs::LogGroup") {
		p := m(m(res[n])["Properties"])
		if fn := logGroupFunction(p["LogGroupName"]); fn != "" && p["RetentionInDays"] != nil {
			retained[fn] = true
		}
	}
	checkEnv(m(m(m(tpl["Globals"])["Function"])["Environment"]), "Globals", bad)
	for _, n := range byType("AWS::Serverless::Function") {
		p := m(m(res[n])["Properties"])
		if !retained[n] {
			bad("%s's log group (/aws/lambda/${%s}) has no RetentionInDays", n, n)
		}
		checkEnv(m(p["Environment"]), n, bad)
		policies, _ := p["Policies"].([]any)
		for _, pol := range policies {
			pm := m(pol)
			if pm == nil {
				bad("%s uses policy %v: a managed policy, not scoped to this stack's resources", n, pol)
				continue
			}
			if _, inline := pm["Statement"]; inline {
				checkStatements(n, statements(pm), bad)
				continue
			}
			for name, args := range pm {
				param, known := samPolicyTemplates[name]
				if !known {
					bad("%s uses policy template %s, not one known to be scoped", n, name)
				} else if v := m(args)[param]; v == nil || v == "*" {
					bad("%s: policy template %s without a %s", n, name, param)
				}
			}
		}
	}
	return out
}

// checkStatements checks a function's inline statements: Allow only
// named actions, on named resources.
func checkStatements(fn string, sts []map[string]any, bad func(string, ...any)) {
	for _, st := range sts {
		if st["Effect"] != "Allow" {
			continue
		}
		actions := strs(st["Action"])
		for _, a := range actions {
			if strings.Contains(a, "*") {
				bad("%s: wildcard action %s", fn, a)
			}
		}
		if _, ok := st["NotAction"]; ok {
			bad("%s: NotAction allows everything else", fn)
		}
		for _, r := range strs(st["Resource"]) {
			if r == "*" && slices.ContainsFunc(actions, func(a string) bool { return !slices.Contains(starResourceActions, a) }) {
				bad("%s: resource \"*\" for %v", fn, actions)
			}
		}
	}
}

// checkEnv fails a variable named like a secret that holds a value.
func checkEnv(env map[string]any, where string, bad func(string, ...any)) {
	for name, v := range m(env["Variables"]) {
		if s, isString := v.(string); secretName.MatchString(name) && (!isString || s != "") {
			bad("%s: environment variable %s holds a value; a secret comes from SSM at run time", where, name)
		}
	}
}

// logGroupFunction is the function a log group is named for:
// !Sub /aws/lambda/${Fn}.
func logGroupFunction(name any) string {
	s, _ := m(name)["!Sub"].(string)
	fn, ok := strings.CutPrefix(s, "/aws/lambda/${")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(fn, "}")
}

func statements(doc map[string]any) []map[string]any {
	var out []map[string]any
	switch s := doc["Statement"].(type) {
	case []any:
		for _, x := range s {
			out = append(out, m(x))
		}
	case map[string]any:
		out = append(out, s)
	}
	return out
}

func firstStatement(res map[string]any, fn string) map[string]any {
	for _, pol := range m(m(res[fn])["Properties"])["Policies"].([]any) {
		if sts := statements(m(pol)); len(sts) > 0 {
			return sts[0]
		}
	}
	panic("no inline statement in " + fn)
}

// strs reads a string or a list of strings; an intrinsic function (!Sub,
// !GetAtt) is rendered as its argument, which names a resource.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, strs(e)...)
		}
		return out
	case map[string]any:
		return []string{fmt.Sprint(x)}
	}
	return nil
}

func deepCopy(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
