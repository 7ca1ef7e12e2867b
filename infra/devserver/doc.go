// Package devserver is API Gateway and the rest of AWS for `make dev` and
// the end-to-end tests: it serves every function's own http.Handler under
// the routes of httpapi.Routes, turning each HTTP request into the same
// API Gateway v2 event Lambda would receive (JWT claims in the request
// context, after verifying tokens it issued itself), and answers the
// dev-only POST /dev/token, GET /healthz and the dashboard's static files.
package devserver
