// Package ingest takes data in: batches of interactions, seed 003 session
// metadata documents, agent status events and chatbot sessions, over HTTP
// or as files dropped in the ingest bucket. Every batch is validated whole
// before anything is written: one bad record and nothing is stored. Writes
// are idempotent and versioned (see store.PutInteraction), so a platform
// may retry any batch, in any order, as often as it likes.
package ingest
