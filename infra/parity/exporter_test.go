package parity

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/rastro-cc/rastro/shared/exporter"
)

// The exporter's trigger in template.yaml is what the code expects: new
// export-job items of the table's stream, filtered by the very pattern the
// dev server applies (exporter.FilterPattern), one job per invocation,
// with failed records kept in an encrypted queue; and the function has
// the room an export needs.
func TestExporterTriggerMatchesCode(t *testing.T) {
	res := m(mustLoad(t, "template.yaml")["Resources"])
	fn := m(m(res["ExporterFunction"])["Properties"])
	var streams []map[string]any
	for _, ev := range m(fn["Events"]) {
		if m(ev)["Type"] == "DynamoDB" {
			streams = append(streams, m(m(ev)["Properties"]))
		}
	}
	if len(streams) != 1 {
		t.Fatalf("ExporterFunction has %d DynamoDB events, want 1", len(streams))
	}
	p := streams[0]
	filters, _ := m(p["FilterCriteria"])["Filters"].([]any)
	var patterns []any
	for _, f := range filters {
		var v any
		if err := json.Unmarshal([]byte(fmt.Sprint(m(f)["Pattern"])), &v); err != nil {
			t.Fatalf("filter pattern %v: %v", m(f)["Pattern"], err)
		}
		patterns = append(patterns, v)
	}
	var want any
	if err := json.Unmarshal([]byte(exporter.FilterPattern), &want); err != nil {
		t.Fatal(err)
	}
	onFailure := m(m(p["DestinationConfig"])["OnFailure"])
	queue := m(m(res["ExportFailuresQueue"])["Properties"])
	tests := []struct {
		what string
		ok   bool
	}{
		{"the table's stream", fmt.Sprint(p["Stream"]) == "map[!GetAtt:Table.StreamArn]"},
		{"one filter, exporter.FilterPattern", len(patterns) == 1 && reflect.DeepEqual(patterns[0], want)},
		{"new records only", p["StartingPosition"] == "LATEST"},
		{"one job per invocation", fmt.Sprint(p["BatchSize"]) == "1"},
		{"exporter.EventRetries retries", fmt.Sprint(p["MaximumRetryAttempts"]) == fmt.Sprint(exporter.EventRetries) && fmt.Sprint(p["BisectBatchOnFunctionError"]) == "true"},
		{"tenants side by side", fmt.Sprint(p["ParallelizationFactor"]) == "10"},
		{"failed records to the queue (SAM adds sqs:SendMessage for Type SQS)", onFailure["Type"] == "SQS" &&
			fmt.Sprint(onFailure["Destination"]) == "map[!GetAtt:ExportFailuresQueue.Arn]"},
		{"the queue is encrypted", fmt.Sprint(queue["SqsManagedSseEnabled"]) == "true"},
		{"15 minutes", fmt.Sprint(fn["Timeout"]) == "900"},
	}
	for _, tc := range tests {
		if !tc.ok {
			t.Errorf("ExporterFunction: %s: no", tc.what)
		}
	}
}
