package localaws

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	st "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

// StreamHandler receives what a DynamoDB event source mapping with a
// batch size of one gives a Lambda: one record. An error has it
// delivered again.
type StreamHandler func(ctx context.Context, ev events.DynamoDBEvent) error

// FollowOptions say where to start and how to retry.
type FollowOptions struct {
	FromStart bool          // from the start of the stream; else only what comes after the call
	Every     time.Duration // between polls, and between deliveries of a failing record
	Retries   int           // deliveries of a failing record after the first; then it is dropped
}

// Follow feeds table's stream to h, record by record in each shard's
// order, until ctx ends: locally it is the event source mapping AWS runs
// for the exporter. A failing record is delivered again up to o.Retries
// times, then dropped with a log line (AWS sends it to the on-failure
// queue). Errors reading the stream are logged and the poll tried again.
func (d *Dynamo) Follow(ctx context.Context, table string, o FollowOptions, h StreamHandler) error {
	desc, err := d.Client().DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &table})
	if err != nil {
		return err
	}
	arn := aws.ToString(desc.Table.LatestStreamArn)
	if arn == "" {
		return fmt.Errorf("localaws: table %s has no stream", table)
	}
	f := &follower{
		c:   dynamodbstreams.NewFromConfig(Config(), func(o *dynamodbstreams.Options) { o.BaseEndpoint = aws.String(d.Endpoint) }),
		arn: arn, h: h, o: o, shards: map[string]*shardPos{},
	}
	latest := !o.FromStart
	tick := time.NewTicker(o.Every)
	defer tick.Stop()
	for {
		if err := f.poll(ctx, latest); err != nil && ctx.Err() == nil {
			slog.Warn("stream poll", "table", table, "error", err.Error())
		} else {
			latest = false // shards found later are new: read them whole
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

type follower struct {
	c      *dynamodbstreams.Client
	arn    string
	h      StreamHandler
	o      FollowOptions
	shards map[string]*shardPos
}

// shardPos is where reading a shard stands: an iterator to go on with, the
// last sequence number handed over (to get a new iterator when one
// expires) and whether the shard is closed and read to its end.
type shardPos struct {
	iter, last string
	done       bool
}

// poll discovers shards and reads each to where it ends now.
func (f *follower) poll(ctx context.Context, latest bool) error {
	var start *string
	for {
		out, err := f.c.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: &f.arn, ExclusiveStartShardId: start})
		if err != nil {
			return err
		}
		for _, sh := range out.StreamDescription.Shards {
			id := aws.ToString(sh.ShardId)
			if _, ok := f.shards[id]; ok {
				continue
			}
			kind := st.ShardIteratorTypeTrimHorizon
			if latest {
				kind = st.ShardIteratorTypeLatest
			}
			it, err := f.c.GetShardIterator(ctx, &dynamodbstreams.GetShardIteratorInput{StreamArn: &f.arn, ShardId: &id, ShardIteratorType: kind})
			if err != nil {
				return err
			}
			f.shards[id] = &shardPos{iter: aws.ToString(it.ShardIterator)}
		}
		start = out.StreamDescription.LastEvaluatedShardId
		if start == nil {
			break
		}
	}
	for id, p := range f.shards {
		if err := f.read(ctx, id, p); err != nil {
			return err
		}
	}
	return nil
}

// read hands a shard's new records to the handler, one at a time.
func (f *follower) read(ctx context.Context, id string, p *shardPos) error {
	for !p.done {
		out, err := f.c.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: &p.iter, Limit: aws.Int32(1000)})
		var expired *st.ExpiredIteratorException
		if errors.As(err, &expired) {
			// Go on after the last record handed over, or from the
			// shard's start when none was: a record seen twice is
			// harmless to an idempotent handler, a record skipped is not.
			in := &dynamodbstreams.GetShardIteratorInput{StreamArn: &f.arn, ShardId: &id, ShardIteratorType: st.ShardIteratorTypeTrimHorizon}
			if p.last != "" {
				in.ShardIteratorType, in.SequenceNumber = st.ShardIteratorTypeAfterSequenceNumber, &p.last
			}
			it, err := f.c.GetShardIterator(ctx, in)
			if err != nil {
				return err
			}
			p.iter = aws.ToString(it.ShardIterator)
			continue
		}
		if err != nil {
			return err
		}
		for _, r := range out.Records {
			f.deliver(ctx, id, eventRecord(f.arn, r))
			p.last = aws.ToString(r.Dynamodb.SequenceNumber)
		}
		if out.NextShardIterator == nil {
			p.done = true
			return nil
		}
		p.iter = aws.ToString(out.NextShardIterator)
		if len(out.Records) == 0 {
			return nil // caught up with an open shard
		}
	}
	return nil
}

// deliver calls the handler with one record until it succeeds or the
// retries are spent.
func (f *follower) deliver(ctx context.Context, shard string, r events.DynamoDBEventRecord) {
	ev := events.DynamoDBEvent{Records: []events.DynamoDBEventRecord{r}}
	for try := 0; ; try++ {
		err := f.h(ctx, ev)
		if err == nil || ctx.Err() != nil {
			return
		}
		if try >= f.o.Retries {
			slog.Error("stream record dropped after retries", "shard", shard, "sequence", r.Change.SequenceNumber, "error", err.Error())
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(f.o.Every):
		}
	}
}

// eventRecord is r as Lambda's event source mapping delivers it.
func eventRecord(arn string, r st.Record) events.DynamoDBEventRecord {
	out := events.DynamoDBEventRecord{
		EventID: aws.ToString(r.EventID), EventName: string(r.EventName), EventSource: "aws:dynamodb",
		EventVersion: aws.ToString(r.EventVersion), AWSRegion: Region, EventSourceArn: arn,
	}
	if c := r.Dynamodb; c != nil {
		out.Change = events.DynamoDBStreamRecord{
			Keys: image(c.Keys), NewImage: image(c.NewImage), OldImage: image(c.OldImage),
			SequenceNumber: aws.ToString(c.SequenceNumber), SizeBytes: aws.ToInt64(c.SizeBytes),
			StreamViewType: string(c.StreamViewType),
		}
		if c.ApproximateCreationDateTime != nil {
			out.Change.ApproximateCreationDateTime = events.SecondsEpochTime{Time: *c.ApproximateCreationDateTime}
		}
	}
	return out
}

func image(m map[string]st.AttributeValue) map[string]events.DynamoDBAttributeValue {
	if m == nil {
		return nil
	}
	out := make(map[string]events.DynamoDBAttributeValue, len(m))
	for k, v := range m {
		out[k] = attribute(v)
	}
	return out
}

func attribute(v st.AttributeValue) events.DynamoDBAttributeValue {
	switch v := v.(type) {
	case *st.AttributeValueMemberS:
		return events.NewStringAttribute(v.Value)
	case *st.AttributeValueMemberN:
		return events.NewNumberAttribute(v.Value)
	case *st.AttributeValueMemberB:
		return events.NewBinaryAttribute(v.Value)
	case *st.AttributeValueMemberBOOL:
		return events.NewBooleanAttribute(v.Value)
	case *st.AttributeValueMemberNULL:
		return events.NewNullAttribute()
	case *st.AttributeValueMemberSS:
		return events.NewStringSetAttribute(v.Value)
	case *st.AttributeValueMemberNS:
		return events.NewNumberSetAttribute(v.Value)
	case *st.AttributeValueMemberBS:
		return events.NewBinarySetAttribute(v.Value)
	case *st.AttributeValueMemberL:
		l := make([]events.DynamoDBAttributeValue, len(v.Value))
		for i, x := range v.Value {
			l[i] = attribute(x)
		}
		return events.NewListAttribute(l)
	case *st.AttributeValueMemberM:
		return events.NewMapAttribute(image(v.Value))
	}
	return events.NewNullAttribute()
}
