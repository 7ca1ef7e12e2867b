// Package auth turns a verified token's claims into a domain.Identity and
// guards handlers by role. In AWS, API Gateway's JWT authorizer verifies
// Cognito tokens and passes their claims in the request context; locally
// the dev server verifies tokens it issued (DevIssuer) and passes the same
// claims the same way, so handlers can't tell the two apart.
//
// Claims read:
//
//	custom:tenant   the tenant (dashboard users; dev ingest tokens)
//	custom:role     admin or supervisor
//	custom:queues   comma-separated queues a supervisor may see
//	sub, name       user id and display name
//	scope/scopes    rastro/ingest marks a machine client
//	client_id       the machine client, mapped to its tenant by configuration
package auth
