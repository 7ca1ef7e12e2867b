package benchdata

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/store"
)

// The benchmark table is store.TableDefinition, but its stream is switched
// on only once the data set is complete. DynamoDB Local records every
// write of a streamed table a second time, in its stream, which the load
// does not need: nothing consumes it, and the report benchmark reads only
// items (docs/benchmarks.md has the cost). Once on, the table is the
// template's again, for benchmarks that use it.

// createLoadTable creates the table without its stream if it is missing.
// It waits with DescribeTable, so call it only for a table that is
// missing or empty: DynamoDB Local's DescribeTable counts the items.
func createLoadTable(ctx context.Context, client *dynamodb.Client) error {
	def := store.TableDefinition(Table)
	def.StreamSpecification = nil
	_, createErr := client.CreateTable(ctx, def)
	var inUse *types.ResourceInUseException
	if createErr != nil && !errors.As(createErr, &inUse) {
		return fmt.Errorf("create table %s: %w", Table, createErr)
	}
	if err := waitActive(ctx, client); err != nil {
		return err
	}
	if createErr != nil {
		return nil // it existed: TTL is on already
	}
	_, err := client.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName: aws.String(Table),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{
			AttributeName: aws.String(store.TTLAttribute), Enabled: aws.Bool(true),
		},
	})
	if err != nil {
		return fmt.Errorf("enable ttl on %s: %w", Table, err)
	}
	return nil
}

// enableStream gives the loaded table the template's stream. It does not
// wait for the table: DynamoDB Local applies UpdateTable at once, and its
// DescribeTable counts the table's items (half a minute on the full data
// set).
func enableStream(ctx context.Context, client *dynamodb.Client) error {
	_, err := client.UpdateTable(ctx, &dynamodb.UpdateTableInput{
		TableName:           aws.String(Table),
		StreamSpecification: store.TableDefinition(Table).StreamSpecification,
	})
	// Refused when a run stopped after switching it on, before its marker;
	// the slow DescribeTable is for that rare case only.
	if err != nil && !streamOn(ctx, client) {
		return fmt.Errorf("enable stream on %s: %w", Table, err)
	}
	return nil
}

// disableStream switches the stream off for a rebuild of the rollups,
// which writes millions of cells: with it on, DynamoDB Local looks up the
// stream's latest shard among all it ever opened on every write, and the
// rebuild slows as it goes. enableStream restores it.
func disableStream(ctx context.Context, client *dynamodb.Client) error {
	_, err := client.UpdateTable(ctx, &dynamodb.UpdateTableInput{
		TableName:           aws.String(Table),
		StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(false)},
	})
	if err != nil && streamOn(ctx, client) {
		return fmt.Errorf("disable stream on %s: %w", Table, err)
	}
	return nil
}

func streamOn(ctx context.Context, client *dynamodb.Client) bool {
	out, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(Table)})
	return err == nil && out.Table.StreamSpecification != nil && aws.ToBool(out.Table.StreamSpecification.StreamEnabled)
}

// recreateTable empties the table by dropping it.
func recreateTable(ctx context.Context, client *dynamodb.Client) error {
	if _, err := client.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String(Table)}); err != nil {
		var missing *types.ResourceNotFoundException
		if !errors.As(err, &missing) {
			return fmt.Errorf("delete table %s: %w", Table, err)
		}
	}
	w := dynamodb.NewTableNotExistsWaiter(client, func(o *dynamodb.TableNotExistsWaiterOptions) {
		o.MinDelay, o.MaxDelay = 100*time.Millisecond, time.Second
	})
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(Table)}, 5*time.Minute); err != nil {
		return fmt.Errorf("wait for table %s to go: %w", Table, err)
	}
	return createLoadTable(ctx, client)
}

func waitActive(ctx context.Context, client *dynamodb.Client) error {
	w := dynamodb.NewTableExistsWaiter(client, func(o *dynamodb.TableExistsWaiterOptions) {
		o.MinDelay, o.MaxDelay = 100*time.Millisecond, time.Second
	})
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(Table)}, 2*time.Minute); err != nil {
		return fmt.Errorf("wait for table %s: %w", Table, err)
	}
	return nil
}
