package ingest

import (
	"bytes"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/store"
)

// FuzzIngestJSON feeds the ingest path any body, up to the store: the
// envelope, the strict decoding of each record, the validation and the
// preparation of the items. Nothing panics, and what is refused is
// refused with a 4xx (a domain error), never an internal error.
func FuzzIngestJSON(f *testing.F) {
	for _, b := range []string{
		`{"interactions": []}`, `{"records": []}`, `{"interactions": {}}`, `[]`, `null`, ``,
		`{"interactions": [{"id": "a", "media": "chat", "start": "2026-03-01T10:00:00Z", "updated": "2026-03-01T10:05:00Z", "queue": "q"}]}`,
		`{"interactions": [{"id": "a", "media": "voice", "start": "2026-03-01T10:00:00.000Z", "updated": "2026-03-01T10:05:00Z", "queue": "q", "legs": [{"seq": 1, "agentId": "x", "start": "2026-03-01T10:00:00Z"}], "tags": ["a", "b"], "contact": {"email": "a@b.com"}}]}`,
		`{"interactions": [{"id": 1}]}`, `{"interactions": [{"unknown": true}]}`,
	} {
		f.Add([]byte(b))
	}
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body []byte) {
		refused := func(err error) {
			if s := httpapi.Status(err); s < 400 || s > 499 {
				t.Fatalf("%q: %d %v, want a 4xx", body, s, err)
			}
		}
		raw, err := envelope(httptest.NewRequest("POST", "/v1/ingest/interactions", bytes.NewReader(body)), "interactions")
		if err != nil {
			refused(err)
			return
		}
		batch, err := decodeRecords[domain.Interaction](raw)
		if err != nil {
			refused(err)
			return
		}
		if _, err := prepareAll(batch, problemsOf(batch, now), func(in domain.Interaction) (*store.PreparedInteraction, error) {
			return store.PrepareInteraction("acme", in)
		}); err != nil {
			refused(err)
		}
	})
}
