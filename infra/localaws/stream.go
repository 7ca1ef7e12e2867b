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

// StreamHandler receives what a DynamoDB event source mapping would give a
// Lambda: a batch of one shard's records, in order. An error leaves the
// batch to be delivered again.
type StreamHandler func(ctx context.Context, ev events.DynamoDBEvent) error

// Follow feeds table's stream to h until ctx ends, polling every `every`:
// locally it is the event source mapping that AWS runs for the exporter.
// From the start of the stream (fromStart) or only what comes after the
// call. A batch h fails is delivered again on the next poll, as Lambda
// retries it.
func (d *Dynamo) Follow(ctx context.Context, table string, fromStart bool, every time.Duration, h StreamHandler) error {
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
		arn: arn, h: h, shards: map[string]*shardPos{},
	}
	first := true
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if err := f.poll(ctx, first && !fromStart); err != nil && ctx.Err() == nil {
			return err
		}
		first = false
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
	shards map[string]*shardPos
}

// shardPos is where reading a shard stands: an iterator to go on with, the
// last sequence number handed over (to get a new iterator when one
// expires) and whether the shard is closed and read to its end.
type shardPos struct {
	iter, last string
	done       bool
	fails      int // deliveries of the current batch that failed
}

// maxRetries is the exporter's MaximumRetryAttempts in template.yaml:
// after it the batch is dropped (AWS sends it to the on-failure queue).
const maxRetries = 3

// poll discovers shards (a shard found after the first poll is read from
// its start: everything in it is new) and reads each to where it ends now.
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

// read hands a shard's new records to the handler, a batch per call.
func (f *follower) read(ctx context.Context, id string, p *shardPos) error {
	for !p.done {
		out, err := f.c.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: &p.iter, Limit: aws.Int32(1000)})
		var expired *st.ExpiredIteratorException
		if errors.As(err, &expired) && p.last != "" {
			it, err := f.c.GetShardIterator(ctx, &dynamodbstreams.GetShardIteratorInput{
				StreamArn: &f.arn, ShardId: &id, ShardIteratorType: st.ShardIteratorTypeAfterSequenceNumber, SequenceNumber: &p.last,
			})
			if err != nil {
				return err
			}
			p.iter = aws.ToString(it.ShardIterator)
			continue
		}
		if err != nil {
			return err
		}
		if len(out.Records) > 0 {
			ev := events.DynamoDBEvent{Records: make([]events.DynamoDBEventRecord, 0, len(out.Records))}
			for _, r := range out.Records {
				ev.Records = append(ev.Records, eventRecord(f.arn, r))
			}
			if err := f.h(ctx, ev); err != nil {
				p.fails++
				if p.fails <= maxRetries {
					return nil // not advanced: the same batch comes again next poll
				}
				slog.Error("stream batch dropped after retries", "shard", id, "records", len(ev.Records), "error", err.Error())
			}
			p.fails = 0
			p.last = aws.ToString(out.Records[len(out.Records)-1].Dynamodb.SequenceNumber)
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
