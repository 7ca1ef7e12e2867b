package parity

import (
	"fmt"
	"strings"
	"testing"
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
