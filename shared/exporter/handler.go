package exporter

import (
	"context"

	"github.com/aws/aws-lambda-go/events"

	"github.com/rastro-cc/rastro/shared/store"
)

// FilterPattern is the exporter's event filter: only new export-job
// items wake it. template.yaml's FilterCriteria is this pattern (a parity
// test holds them equal) and Matches applies it where no event source
// mapping does (the dev server).
const FilterPattern = `{"eventName":["INSERT"],"dynamodb":{"NewImage":{"kind":{"S":["` + store.ExportJobKind + `"]}}}}`

// EventRetries is how often the event source delivers a failed event
// again (template.yaml's MaximumRetryAttempts; the dev server's follower
// likewise): above MaxAttempts' default, so that the retries of a failed
// job are not used up by the odd error in claiming or recording one.
const EventRetries = 6

// Matches reports whether FilterPattern lets r through.
func Matches(r events.DynamoDBEventRecord) bool {
	if r.EventName != string(events.DynamoDBOperationTypeInsert) {
		return false
	}
	return str(r.Change.NewImage, "kind") == store.ExportJobKind
}

// str is attribute name of item when it is a string, else "": the
// event's accessors panic on other types.
func str(item map[string]events.DynamoDBAttributeValue, name string) string {
	v, ok := item[name]
	if !ok || v.DataType() != events.DataTypeString {
		return ""
	}
	return v.String()
}

// Handle is the Lambda handler for the table's stream. A job that can't
// be taken or recorded fails the batch, so the event source retries it
// (and after its retries sends it to the on-failure queue); a job that
// ran, succeeded or failed, is done.
func (e *Exporter) Handle(ctx context.Context, ev events.DynamoDBEvent) error {
	for _, r := range ev.Records {
		if !Matches(r) {
			continue
		}
		t, id, ok := store.ExportJobOfKeys(str(r.Change.Keys, "pk"), str(r.Change.Keys, "sk"))
		if !ok {
			continue
		}
		if err := e.Run(ctx, t, id); err != nil {
			return err
		}
	}
	return nil
}
