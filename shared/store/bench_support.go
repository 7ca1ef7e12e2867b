package store

import "github.com/guregu/dynamo/v2"

// The benchmark data set (infra/benchdata) is a million interactions that
// take the better part of an hour to load into DynamoDB Local, so it is
// loaded once and kept. Its marker must change whenever the items it was
// written as would change, or a benchmark would measure an old layout
// (a row without an attribute a new filter reads, say) without noticing.

// StoredItems returns the items PutPrepared and LoadNew write for p, as
// DynamoDB items, its version record last.
func (p *PreparedInteraction) StoredItems() ([]dynamo.Item, error) {
	all := p.items.all()
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
