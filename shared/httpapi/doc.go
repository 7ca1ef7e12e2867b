// Package httpapi is what every HTTP function shares: the route table
// (which function serves which method and path; template.yaml and
// docs/openapi.yaml are tested against it), JSON decoding with limits, and
// the one table from domain error codes to HTTP statuses.
package httpapi
