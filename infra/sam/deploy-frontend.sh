#!/usr/bin/env bash
# Uploads the built dashboard to the stack's frontend bucket and invalidates
# its CloudFront distribution. `make deploy-frontend` builds the dashboard
# first and runs this. Environment: STACK (default rastro, samconfig.toml's
# stack_name), DIST (default frontend/dist); the AWS CLI's usual credentials
# and region.
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=${STACK:-rastro}
dist=${DIST:-frontend/dist}

if ! command -v aws >/dev/null 2>&1; then
  echo "deploy-frontend needs the AWS CLI (Debian: apt-get install awscli) with credentials for the stack's account" >&2
  exit 1
fi
if [ ! -f "$dist/index.html" ]; then
  echo "$dist/index.html is missing: build the dashboard first (make frontend-build)" >&2
  exit 1
fi

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket=$(output FrontendBucketName)
distribution=$(output FrontendDistributionId)
if [ -z "$bucket" ] || [ "$bucket" = None ] || [ -z "$distribution" ] || [ "$distribution" = None ]; then
  echo "stack $stack has no FrontendBucketName/FrontendDistributionId outputs: deploy it first (make deploy)" >&2
  exit 1
fi

# What the dashboard needs to find the API and sign in, read at start, so
# one build serves every stage.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
printf '{"apiUrl":"%s","userPoolId":"%s","clientId":"%s","authDomain":"%s"}\n' \
  "$(output ApiUrl)" "$(output UserPoolId)" "$(output DashboardClientId)" "$(output UserPoolDomain)" >"$config"

# Vite fingerprints everything under assets/: cached for a year, and kept
# (no --delete) so a page loaded before this deploy still finds its chunks.
if [ -d "$dist/assets" ]; then
  aws s3 sync "$dist/assets" "s3://$bucket/assets" --cache-control "public,max-age=31536000,immutable"
fi
# The rest, index.html above all, is revalidated on every load.
aws s3 sync "$dist" "s3://$bucket" --delete --exclude "assets/*" --exclude config.json --cache-control "no-cache"
aws s3 cp "$config" "s3://$bucket/config.json" --content-type application/json --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" >/dev/null
echo "deployed to $(output DashboardUrl)"
