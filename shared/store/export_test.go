package store

import (
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// RowItemOf is the row item an upsert of in writes, as DynamoDB holds it.
func RowItemOf(in *domain.Interaction) (map[string]types.AttributeValue, error) {
	its, err := buildInteractionItems("acme", in, "v1")
	if err != nil {
		return nil, err
	}
	return dynamo.MarshalItem(its.row)
}

// DecodeRow is decodeRow's row.
func DecodeRow(item map[string]types.AttributeValue) (Row, error) {
	it, err := decodeRow(item)
	return it.toRow(), err
}

// DecodeRowWithGuregu is the row as guregu decodes the item.
func DecodeRowWithGuregu(item map[string]types.AttributeValue) (Row, error) {
	var it rowItem
	err := dynamo.UnmarshalItem(item, &it)
	return it.toRow(), err
}

// GiveContactNumbers is giveContactNumbers: numbering contacts a writer
// believes new, as a writer that lost the race to another does.
var GiveContactNumbers = (*Store).giveContactNumbers
