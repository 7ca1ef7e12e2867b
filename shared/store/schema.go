package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Index names. gsi1 answers exact lookups (protocol, external protocol, bot
// protocol); gsi2 the client history and gsi3 the agent history, both in
// start order.
const (
	GSI1 = "gsi1"
	GSI2 = "gsi2"
	GSI3 = "gsi3"
	// TTLAttribute holds the Unix-seconds expiry of items that expire
	// (export jobs, later); nothing else sets it.
	TTLAttribute = "ttl"
)

// TableDefinition is the table as template.yaml declares it. CreateTable
// uses it locally, and a test holds template.yaml equal to it.
func TableDefinition(name string) *dynamodb.CreateTableInput {
	s := types.ScalarAttributeTypeS
	attr := func(n string) types.AttributeDefinition {
		return types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: s}
	}
	keys := func(h, r string) []types.KeySchemaElement {
		return []types.KeySchemaElement{
			{AttributeName: aws.String(h), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String(r), KeyType: types.KeyTypeRange},
		}
	}
	gsi := func(n, h, r string) types.GlobalSecondaryIndex {
		return types.GlobalSecondaryIndex{
			IndexName:  aws.String(n),
			KeySchema:  keys(h, r),
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}
	}
	return &dynamodb.CreateTableInput{
		TableName: aws.String(name),
		AttributeDefinitions: []types.AttributeDefinition{
			attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("gsi2pk"), attr("gsi2sk"), attr("gsi3pk"), attr("gsi3sk"),
		},
		KeySchema:              keys("pk", "sk"),
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{gsi(GSI1, "gsi1pk", "gsi1sk"), gsi(GSI2, "gsi2pk", "gsi2sk"), gsi(GSI3, "gsi3pk", "gsi3sk")},
		BillingMode:            types.BillingModePayPerRequest,
		StreamSpecification: &types.StreamSpecification{
			StreamEnabled:  aws.Bool(true),
			StreamViewType: types.StreamViewTypeNewAndOldImages,
		},
		SSESpecification: &types.SSESpecification{Enabled: aws.Bool(true)},
	}
}

// CreateTable creates the table if it does not exist, waits until it is
// active, and turns on TTL. It is for local stacks and tests; in AWS the
// template owns the table.
func CreateTable(ctx context.Context, client *dynamodb.Client, name string) error {
	return createTable(ctx, client, TableDefinition(name))
}

// CreateTableWithoutStream is CreateTable for the tests and tools that
// read no stream: DynamoDB Local looks up a stream's latest shard among
// every shard it ever opened on each write, so a process's writes slow
// down as its earlier tables' streams grow (tenfold in the rollup tests).
func CreateTableWithoutStream(ctx context.Context, client *dynamodb.Client, name string) error {
	def := TableDefinition(name)
	def.StreamSpecification = nil
	return createTable(ctx, client, def)
}

func createTable(ctx context.Context, client *dynamodb.Client, def *dynamodb.CreateTableInput) error {
	name := aws.ToString(def.TableName)
	_, err := client.CreateTable(ctx, def)
	var inUse *types.ResourceInUseException
	if err != nil && !errors.As(err, &inUse) {
		return fmt.Errorf("create table %s: %w", name, err)
	}
	w := dynamodb.NewTableExistsWaiter(client, func(o *dynamodb.TableExistsWaiterOptions) {
		o.MinDelay = 100 * time.Millisecond
		o.MaxDelay = time.Second
	})
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)}, 2*time.Minute); err != nil {
		return fmt.Errorf("wait for table %s: %w", name, err)
	}
	if err == nil { // only a new table needs TTL switched on
		_, err := client.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
			TableName: aws.String(name),
			TimeToLiveSpecification: &types.TimeToLiveSpecification{
				AttributeName: aws.String(TTLAttribute), Enabled: aws.Bool(true),
			},
		})
		if err != nil {
			return fmt.Errorf("enable ttl on %s: %w", name, err)
		}
	}
	return nil
}
