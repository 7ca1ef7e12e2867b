package parity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rastro-cc/rastro/infra/devserver"
)

// The dashboard: a private bucket that only the distribution reads (Origin
// Access Control), the SPA's routes answered by index.html, and the URL in
// the outputs.
func TestFrontendServedThroughCloudFront(t *testing.T) {
	tpl := mustLoad(t, "template.yaml")
	res := m(tpl["Resources"])
	bucket := m(m(res["FrontendBucket"])["Properties"])
	dist := m(m(m(res["FrontendDistribution"])["Properties"])["DistributionConfig"])
	oac := m(m(m(res["FrontendOriginAccessControl"])["Properties"])["OriginAccessControlConfig"])
	origins, _ := dist["Origins"].([]any)
	var statements []string
	for _, s := range m(m(m(res["FrontendBucketPolicy"])["Properties"])["PolicyDocument"])["Statement"].([]any) {
		statements = append(statements, fmt.Sprint(s))
	}
	errors := map[string]string{}
	for _, e := range dist["CustomErrorResponses"].([]any) {
		errors[fmt.Sprint(m(e)["ErrorCode"])] = fmt.Sprint(m(e)["ResponseCode"], " ", m(e)["ResponsePagePath"])
	}
	tests := []struct {
		what string
		ok   bool
	}{
		{"bucket blocks public access", fmt.Sprint(bucket["PublicAccessBlockConfiguration"]) ==
			"map[BlockPublicAcls:true BlockPublicPolicy:true IgnorePublicAcls:true RestrictPublicBuckets:true]"},
		{"one origin, the bucket, through the OAC", len(origins) == 1 &&
			fmt.Sprint(m(origins[0])["DomainName"]) == "map[!GetAtt:FrontendBucket.RegionalDomainName]" &&
			fmt.Sprint(m(origins[0])["OriginAccessControlId"]) == "map[!GetAtt:FrontendOriginAccessControl.Id]"},
		{"OAC signs S3 requests always", oac["OriginAccessControlOriginType"] == "s3" && oac["SigningBehavior"] == "always" && oac["SigningProtocol"] == "sigv4"},
		{"bucket policy admits only the distribution", len(statements) == 2 && strings.Contains(statements[1], "cloudfront.amazonaws.com") &&
			strings.Contains(statements[1], "distribution/${FrontendDistribution}") && strings.Contains(statements[1], "s3:GetObject")},
		{"HTTPS only", m(dist["DefaultCacheBehavior"])["ViewerProtocolPolicy"] == "redirect-to-https"},
		{"index.html at the root", dist["DefaultRootObject"] == "index.html"},
		{"SPA fallback for 403 and 404", errors["403"] == "200 /index.html" && errors["404"] == "200 /index.html"},
		{"dashboard URL output", fmt.Sprint(m(m(tpl["Outputs"])["DashboardUrl"])["Value"]) == "map[!Sub:https://${FrontendDistribution.DomainName}]"},
	}
	for _, tc := range tests {
		if !tc.ok {
			t.Errorf("frontend: %s: no", tc.what)
		}
	}
}

// The dashboard's security headers: CloudFront sends the response
// headers policy on every file, with the Content-Security-Policy the dev
// server sends (the browser tests run the dashboard under it), AWS's
// origins in place of the local stack's, and HSTS, nosniff, DENY framing
// and a referrer policy.
func TestFrontendSecurityHeaders(t *testing.T) {
	res := m(mustLoad(t, "template.yaml")["Resources"])
	dist := m(m(m(res["FrontendDistribution"])["Properties"])["DistributionConfig"])
	if got := fmt.Sprint(m(dist["DefaultCacheBehavior"])["ResponseHeadersPolicyId"]); got != "map[!Ref:FrontendSecurityHeaders]" {
		t.Errorf("the distribution's response headers policy is %s", got)
	}
	cfg := m(m(m(m(res["FrontendSecurityHeaders"])["Properties"])["ResponseHeadersPolicyConfig"])["SecurityHeadersConfig"])
	want := devserver.ContentSecurityPolicy(
		"https://*.execute-api.${AWS::Region}.amazonaws.com",
		"https://rastro-${Stage}-${AWS::AccountId}.auth.${AWS::Region}.amazoncognito.com",
		"https://rastro-media-${Stage}-${AWS::AccountId}.s3.${AWS::Region}.amazonaws.com")
	csp := m(cfg["ContentSecurityPolicy"])
	if got := m(csp["ContentSecurityPolicy"])["!Sub"]; got != want || csp["Override"] != "true" {
		t.Errorf("CSP %v\nwant %s", got, want)
	}
	for _, c := range []struct{ header, field, value string }{
		{"StrictTransportSecurity", "IncludeSubdomains", "true"},
		{"StrictTransportSecurity", "AccessControlMaxAgeSec", "63072000"},
		{"ContentTypeOptions", "Override", "true"},
		{"FrameOptions", "FrameOption", "DENY"},
		{"ReferrerPolicy", "ReferrerPolicy", "strict-origin-when-cross-origin"},
	} {
		if got := m(cfg[c.header])[c.field]; got != c.value {
			t.Errorf("%s.%s = %v, want %s", c.header, c.field, got, c.value)
		}
	}
	// The media bucket the policy names is the one the history links into.
	if got := fmt.Sprint(m(m(res["MediaBucket"])["Properties"])["BucketName"]); got != "map[!Sub:rastro-media-${Stage}-${AWS::AccountId}]" {
		t.Errorf("media bucket %s", got)
	}
	if got := fmt.Sprint(m(m(res["UserPoolDomain"])["Properties"])["Domain"]); got != "map[!Sub:rastro-${Stage}-${AWS::AccountId}]" {
		t.Errorf("Cognito domain %s", got)
	}
}
