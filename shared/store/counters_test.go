package store

import (
	"maps"
	"testing"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
)

func TestCountersRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		vals map[string]int64
		want string
	}{
		{"one", map[string]int64{"n": 1}, "n=1"},
		{"sorted, negative", map[string]int64{"wait": -3, "ans": 12, "n": 40}, "ans=12\nn=40\nwait=-3"},
		{"contact keys with separators", map[string]int64{"a=b": 1, "line\nbreak": 2, "50%0A": 3}, "50%250A=3\na=b=1\nline%0Abreak=2"},
		{"unicode", map[string]int64{"joão@exemplo.com.br": 7}, "joão@exemplo.com.br=7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := encodeCounters(c.vals)
			if s != c.want {
				t.Fatalf("encode = %q, want %q", s, c.want)
			}
			got, err := decodeCounters(s)
			if err != nil || !maps.Equal(got, c.vals) {
				t.Fatalf("decode(%q) = %v, %v; want %v", s, got, err, c.vals)
			}
			// Both marshalers the store uses write the same string and read it back.
			av, err := dynamo.Marshal(counters{vals: c.vals})
			if err != nil || av.(*types.AttributeValueMemberS).Value != c.want {
				t.Fatalf("guregu marshal = %#v, %v", av, err)
			}
			av2, err := attributevalue.Marshal(counters{vals: c.vals})
			if err != nil || av2.(*types.AttributeValueMemberS).Value != c.want {
				t.Fatalf("attributevalue marshal = %#v, %v", av2, err)
			}
			var viaGuregu, viaSDK counters
			if err := dynamo.Unmarshal(av, &viaGuregu); err != nil || !maps.Equal(viaGuregu.vals, c.vals) || viaGuregu.legacy {
				t.Fatalf("guregu unmarshal = %+v, %v", viaGuregu, err)
			}
			if err := attributevalue.Unmarshal(av2, &viaSDK); err != nil || !maps.Equal(viaSDK.vals, c.vals) || viaSDK.legacy {
				t.Fatalf("attributevalue unmarshal = %+v, %v", viaSDK, err)
			}
		})
	}
}

func TestCountersReadTheMapForm(t *testing.T) {
	av := &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{
		"n": &types.AttributeValueMemberN{Value: "3"}, "ans": &types.AttributeValueMemberN{Value: "-1"},
	}}
	var c counters
	if err := attributevalue.Unmarshal(av, &c); err != nil || !c.legacy || !maps.Equal(c.vals, map[string]int64{"n": 3, "ans": -1}) {
		t.Fatalf("map form read as %+v, %v", c, err)
	}
}

func TestCountersRejectGarbage(t *testing.T) {
	for _, s := range []string{"novalue", "n=x", "n=1\nm"} {
		if _, err := decodeCounters(s); err == nil {
			t.Errorf("decodeCounters(%q) accepted it", s)
		}
	}
	var c counters
	if err := c.fromAttribute(&types.AttributeValueMemberN{Value: "1"}); err == nil {
		t.Error("a number attribute was accepted as counters")
	}
}
