package store

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// counters are a rollup cell's values, stored as one string attribute of
// "name=value" lines in name order rather than as a map attribute. The
// bytes (and so the capacity) are about the same, but DynamoDB Local
// answers a Query of packed strings eight times faster than one of maps of
// the same counters (BenchmarkCellForms) (it parses and renders every map entry): a cell
// of the contact view holds hundreds of counters, and the reports' reads
// were bound by it (docs/benchmarks.md). One string is also one thing for
// the SDK to decode.
//
// legacy marks counters read from a map attribute, the form before this
// one: reads accept it, and a rebuild rewrites it.
type counters struct {
	vals   map[string]int64
	legacy bool
}

// CellFormat names the form cells are stored in, for data sets that
// record what built them (the benchmark's marker): a new form makes
// them rebuild.
const CellFormat = "s1"

// nameEscaper keeps a counter name on its line: names are contact keys in
// the contact view, which come from outside.
var (
	nameEscaper   = strings.NewReplacer("%", "%25", "\n", "%0A")
	nameUnescaper = strings.NewReplacer("%25", "%", "%0A", "\n")
)

// encodeCounters is the canonical string of v: the same values are the
// same bytes, whatever order they were added in.
func encodeCounters(v map[string]int64) string {
	var b strings.Builder
	for i, k := range sortedNames(v) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(nameEscaper.Replace(k))
		b.WriteByte('=')
		b.WriteString(strconv.FormatInt(v[k], 10))
	}
	return b.String()
}

// sortedNames are v's counter names in order: the canonical order of both
// the stored string and the digest.
func sortedNames(v map[string]int64) []string {
	return slices.Sorted(maps.Keys(v))
}

// decodeCounters reverses encodeCounters.
func decodeCounters(s string) (map[string]int64, error) {
	v := make(map[string]int64, strings.Count(s, "\n")+1)
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" {
			continue
		}
		eq := strings.LastIndexByte(line, '=')
		if eq < 0 {
			return nil, fmt.Errorf("rollup counter %q has no value", line)
		}
		x, err := strconv.ParseInt(line[eq+1:], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("rollup counter %q: %w", line, err)
		}
		name := line[:eq]
		if strings.IndexByte(name, '%') >= 0 {
			name = nameUnescaper.Replace(name)
		}
		v[name] = x
	}
	return v, nil
}

func (c counters) attribute() types.AttributeValue {
	return &types.AttributeValueMemberS{Value: encodeCounters(c.vals)}
}

func (c *counters) fromAttribute(av types.AttributeValue) error {
	switch av := av.(type) {
	case *types.AttributeValueMemberS:
		v, err := decodeCounters(av.Value)
		*c = counters{vals: v}
		return err
	case *types.AttributeValueMemberM:
		v := make(map[string]int64, len(av.Value))
		for name, x := range av.Value {
			n, ok := x.(*types.AttributeValueMemberN)
			if !ok {
				return fmt.Errorf("rollup counter %q is a %T, not a number", name, x)
			}
			i, err := strconv.ParseInt(n.Value, 10, 64)
			if err != nil {
				return fmt.Errorf("rollup counter %q: %w", name, err)
			}
			v[name] = i
		}
		*c = counters{vals: v, legacy: true}
		return nil
	default:
		return fmt.Errorf("rollup counters are a %T, not a string", av)
	}
}

// The store reads and writes cells both through guregu/dynamo and through
// the SDK's attributevalue: counters speak both.

func (c counters) MarshalDynamo() (types.AttributeValue, error) { return c.attribute(), nil }

func (c *counters) UnmarshalDynamo(av types.AttributeValue) error { return c.fromAttribute(av) }

func (c counters) MarshalDynamoDBAttributeValue() (types.AttributeValue, error) {
	return c.attribute(), nil
}

func (c *counters) UnmarshalDynamoDBAttributeValue(av types.AttributeValue) error {
	return c.fromAttribute(av)
}

// DecodeCounters reads a cell's stored counters attribute: for tests that
// compare dumped cells with sums of their own.
func DecodeCounters(s string) (map[string]int64, error) { return decodeCounters(s) }
