// Package domain holds Rastro's vocabulary: interactions and their parts,
// agent status events, chatbot sessions, tenant settings and identities,
// the rules that make each of them valid, and the error codes every other
// package reports through. It imports only the standard library so that the
// store, the reports and the HTTP layer can all depend on it.
package domain
