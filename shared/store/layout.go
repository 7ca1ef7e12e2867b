package store

import (
	"encoding/json"
	"io"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/guregu/dynamo/v2"
)

// Tooling keeps stored data between runs: the benchmark tenant
// (infra/benchdata, a million interactions that take the better part of an
// hour to load) and make dev's demo tenant. Each records a fingerprint of
// the item layout it was written with, so that data written by an older
// layout (a row without an attribute a new filter reads, say) is noticed
// instead of silently measured or served.

// StoredItems returns the items PutPrepared and LoadNew write for p, as
// DynamoDB items, its version record last.
func (p *PreparedInteraction) StoredItems() ([]dynamo.Item, error) { return storedItems(p.items) }

func storedItems(l loadable) ([]dynamo.Item, error) {
	all := l.all()
	out := make([]dynamo.Item, len(all))
	for i, it := range all {
		av, err := dynamo.MarshalItem(it)
		if err != nil {
			return nil, wrap("marshal item", err)
		}
		out[i] = av
	}
	return out, nil
}

// ItemCount is how many items p is stored as.
func (p *PreparedInteraction) ItemCount() int { return len(p.items.all()) }

// WriteCanonical writes the items p is stored as, each as one line of JSON
// with sorted keys: hashed, it fingerprints the item layout, so tooling
// that keeps data between runs (the benchmark tenant, make dev's demo
// tenant) notices when stored data no longer matches the code.
func (p *PreparedInteraction) WriteCanonical(w io.Writer) error { return writeCanonical(w, p.items) }

// WriteCanonical is the bot session's fingerprint of its items.
func (p *PreparedBotSession) WriteCanonical(w io.Writer) error { return writeCanonical(w, p.items) }

func writeCanonical(w io.Writer, l loadable) error {
	items, err := storedItems(l)
	if err != nil {
		return err
	}
	for _, it := range items {
		var plain map[string]any
		if err := attributevalue.UnmarshalMap(it, &plain); err != nil {
			return err
		}
		b, err := json.Marshal(plain) // map keys come out sorted
		if err != nil {
			return err
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	return nil
}
