package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// DynamoDB's hard limits, less a margin: an item is at most 400 KB and a
// TransactWriteItems at most 4 MB and 100 actions. Part of the transaction
// budget is kept for what contributors (rollups) add to it.
const (
	maxItemBytes    = 390 << 10
	maxTxBytes      = 3 << 20
	maxRecordWrites = 60
)

// itemSize is DynamoDB's size of an item, as its documentation counts it:
// attribute names plus values, lists and maps with their overhead.
func itemSize(item map[string]types.AttributeValue) int {
	n := 0
	for k, v := range item {
		n += len(k) + valueSize(v)
	}
	return n
}

func valueSize(v types.AttributeValue) int {
	switch x := v.(type) {
	case *types.AttributeValueMemberS:
		return len(x.Value)
	case *types.AttributeValueMemberN:
		return len(x.Value)
	case *types.AttributeValueMemberB:
		return len(x.Value)
	case *types.AttributeValueMemberBOOL, *types.AttributeValueMemberNULL:
		return 1
	case *types.AttributeValueMemberSS:
		n := 0
		for _, s := range x.Value {
			n += len(s)
		}
		return n
	case *types.AttributeValueMemberNS:
		n := 0
		for _, s := range x.Value {
			n += len(s)
		}
		return n
	case *types.AttributeValueMemberL:
		n := 3
		for _, e := range x.Value {
			n += 1 + valueSize(e)
		}
		return n
	case *types.AttributeValueMemberM:
		return 3 + itemSize(x.Value)
	}
	return 0
}

// fits checks that items can be written as one record: each under the
// item limit, all together under the transaction's size and action budget.
// A record that breaks these is refused as invalid before anything is
// written, instead of failing in DynamoDB with an internal error.
func fits(items []any) error {
	if len(items) > maxRecordWrites {
		return domain.FieldErr(domain.CodeInvalid, "record", fmt.Sprintf("needs %d items once stored; the limit is %d (fewer legs or agents)", len(items), maxRecordWrites))
	}
	total := 0
	for _, it := range items {
		av, err := dynamo.MarshalItem(it)
		if err != nil {
			return fmt.Errorf("encode item: %w", err)
		}
		n := itemSize(av)
		if n > maxItemBytes {
			return domain.FieldErr(domain.CodeInvalid, "record", fmt.Sprintf("is %d KB in one stored item; the limit is %d KB (shorter texts, fewer participants or labels)", n>>10, maxItemBytes>>10))
		}
		total += n
	}
	if total > maxTxBytes {
		return domain.FieldErr(domain.CodeInvalid, "record", fmt.Sprintf("is %d KB once stored; the limit is %d KB (shorter messages)", total>>10, maxTxBytes>>10))
	}
	return nil
}

// encodeJSON is json.Marshal without HTML escaping: stored documents are
// never embedded in HTML, and "<" as "\u003c" would make a message six
// times its size.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
