package devserver

import (
	"net/http"
	"strings"
)

// ContentSecurityPolicy is the dashboard's policy, given the origins it
// talks to besides its own: the API (fetch), the Cognito domain (token
// requests) and the media bucket (recordings the history plays). Scripts
// and styles come only from the site's own files (Vite emits no inline
// script or style), no one may frame it, and plugins are off. template.yaml
// sends the same policy through CloudFront, with AWS's origins (a parity
// test holds the two equal), and the dev server sends it with the local
// stack's, so the browser tests run the dashboard under it.
func ContentSecurityPolicy(api, auth, media string) string {
	src := func(origins ...string) string {
		out := []string{"'self'"}
		for _, o := range origins {
			if o != "" {
				out = append(out, o)
			}
		}
		return strings.Join(out, " ")
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src " + src(api, auth),
		"media-src " + src(media),
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
}

// withSecurityHeaders adds to the dashboard's files what CloudFront's
// response headers policy adds in AWS, but HSTS (the local stack is
// plain HTTP).
func withSecurityHeaders(csp string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.ServeHTTP(w, r)
	})
}
