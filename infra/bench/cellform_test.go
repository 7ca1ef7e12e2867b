package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/store"
)

// BenchmarkCellForms is why rollup cells keep their counters in one
// string attribute (shared/store/counters.go): it Queries a partition of
// 5,000 cells of 80 counters each, stored as a map attribute and as the
// same counters in one string, with and without a per-call Limit, on a
// fresh in-memory DynamoDB Local, and reports items/s.
func BenchmarkCellForms(b *testing.B) {
	client := localaws.MustDynamo(b).Client()
	table := localaws.UniqueName(b, "cells")
	ctx := context.Background()
	if err := store.CreateTable(ctx, client, table); err != nil {
		b.Fatal(err)
	}
	const cells, counters = 5000, 80
	rnd := rand.New(rand.NewPCG(1, 2))
	name := func() string { // a contact key's length
		var sb strings.Builder
		for range 18 {
			sb.WriteByte(byte('a' + rnd.IntN(26)))
		}
		return sb.String()
	}
	forms := map[string]func(map[string]types.AttributeValue, []string, []int){
		"map": func(it map[string]types.AttributeValue, names []string, vals []int) {
			m := map[string]types.AttributeValue{}
			for i, n := range names {
				m[n] = &types.AttributeValueMemberN{Value: strconv.Itoa(vals[i])}
			}
			it["v"] = &types.AttributeValueMemberM{Value: m}
		},
		"string": func(it map[string]types.AttributeValue, names []string, vals []int) {
			var sb strings.Builder
			for i, n := range names {
				fmt.Fprintf(&sb, "%s=%d\n", n, vals[i])
			}
			it["v"] = &types.AttributeValueMemberS{Value: sb.String()}
		},
	}
	for form, fill := range forms {
		var batch []types.WriteRequest
		for i := range cells {
			names, vals := make([]string, counters), make([]int, counters)
			for j := range names {
				names[j], vals[j] = name(), 1+rnd.IntN(3)
			}
			it := map[string]types.AttributeValue{
				"pk": &types.AttributeValueMemberS{Value: form},
				"sk": &types.AttributeValueMemberS{Value: fmt.Sprintf("%06d", i)},
				"h":  &types.AttributeValueMemberS{Value: "0123456789abcdef"},
			}
			fill(it, names, vals)
			batch = append(batch, types.WriteRequest{PutRequest: &types.PutRequest{Item: it}})
			if len(batch) == 25 || i == cells-1 {
				if _, err := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{table: batch}}); err != nil {
					b.Fatal(err)
				}
				batch = nil
			}
		}
	}
	for _, form := range []string{"map", "string"} {
		for _, limit := range []int32{0, 600} {
			b.Run(fmt.Sprintf("%s/limit-%d", form, limit), func(b *testing.B) {
				var items int
				var took time.Duration
				for b.Loop() {
					t0 := time.Now()
					in := &dynamodb.QueryInput{
						TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"),
						ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: form}},
					}
					if limit > 0 {
						in.Limit = aws.Int32(limit)
					}
					for p := dynamodb.NewQueryPaginator(client, in); p.HasMorePages(); {
						page, err := p.NextPage(ctx)
						if err != nil {
							b.Fatal(err)
						}
						items += len(page.Items)
					}
					took += time.Since(t0)
				}
				b.ReportMetric(float64(items)/took.Seconds(), "items/s")
			})
		}
	}
}
