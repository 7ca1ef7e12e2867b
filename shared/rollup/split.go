package rollup

import "strings"

// A split view (View.Splits) answers "only cells holding this one value"
// of a set dimension (the Agents report filtered by one service) from
// that value's cells alone. Its key begins with the dimension, and an
// interaction is kept under each of its values: a single-value set, so
// the report's filter matches the cell as it would the family's. Read
// with Read.Holding, a slot's cells of the value are one Query of a key
// prefix, where the family's month is every agent's every set.
//
// An interaction with more than maxSplit values is kept once instead,
// under its whole set marked as overflow, and every read of the view
// reads the overflow cells too, keeping those that hold the value (the
// caller's filter does, as for the family's cells). The bound keeps an
// upsert's cell changes few: a record may carry 21 services, and each
// value is a cell per grain, old and new, in one transaction of at most
// 100 actions. An interaction is in exactly one of its value's cell or
// the overflow, so a read holding one value counts it once.

// maxSplit is the most values an interaction is split into.
const maxSplit = 4

// overflowMark begins the split dimension of an overflow cell. An
// encoded set never begins with it: a set's separator is between values
// and a ',' within a value is escaped (SetOf).
const overflowMark = ","

// Holding names the one value of a set dimension a read keeps only
// cells holding (Read.Holding). The value is as the request gives it.
type Holding struct {
	Dim, Value string
}

// splitValues are the split dimension's values an interaction's set is
// kept under: each value as a one-value set, or the overflow.
func splitValues(set string) []string {
	if set == "" {
		return nil
	}
	values := strings.Split(set, ",") // encoded values (SetOf): their commas are escaped
	if len(values) > maxSplit {
		return []string{overflowMark + set}
	}
	return values
}

// splitPrefixes are the encoded-tuple prefixes of a split view's cells
// that a read holding value reads: the value's and the overflow's.
func splitPrefixes(value string) []string {
	return []string{Tuple{SetOf([]string{value}), ""}.encode(), overflowMark}
}
