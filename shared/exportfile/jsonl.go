package exportfile

import (
	"encoding/json"
	"io"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/sessionmeta"
)

// jsonlRows writes one seed 003 session-metadata document per line, the
// form sessionmeta.Decode reads back, so an export can be replayed into
// ingest. Documents are built from list rows: sessionmeta.FromInteraction
// says what that leaves out.
type jsonlRows struct{ enc *json.Encoder }

func newJSONL(out io.Writer) *jsonlRows {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false) // the file is data, never embedded in HTML; keep <, > and & readable
	return &jsonlRows{enc: enc}
}

// add relies on Encode ending each document with a newline and never
// writing one inside it.
func (r *jsonlRows) add(in *domain.Interaction) error {
	return r.enc.Encode(sessionmeta.FromInteraction(in))
}

func (r *jsonlRows) finish() error  { return nil }
func (r *jsonlRows) release() error { return nil }
