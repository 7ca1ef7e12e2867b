package tracking_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/shared/domain"
)

// The drill-down filters at their edges, which random data reaches only
// by chance: a wait of exactly the bound, rows whose stored item lacks the
// attribute a filter reads (no conversation, a conversation without the
// flag, no wait or handle attribute, a session without an IVR), None with
// and without other values, and a final agent versus an earlier leg's.
func TestDrillDownEdges(t *testing.T) {
	now := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	e := newEnv(t, "UTC", now)
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	n := 0
	closed := func(id string, m domain.Media) domain.Interaction {
		n++
		s := start.Add(time.Duration(n) * time.Minute)
		end := s.Add(10 * time.Minute)
		return domain.Interaction{ID: id, Media: m, State: domain.StateClosed, Start: s, Updated: end, Finished: &end,
			Status: domain.StatusServiceCompleted, Agent: &domain.Agent{ID: "a1"}}
	}
	chat := func(id string, wait time.Duration, c *domain.Conversation) domain.Interaction {
		in := closed(id, domain.MediaChat)
		in.Wait, in.Conversation = domain.Duration(wait.Milliseconds()), c
		return in
	}
	supported := &domain.Conversation{Supported: true, Assigned: true, Completed: true, Category: "Complaint", SupportType: "comment"}
	call := func(id string, status domain.VoiceStatus, queued bool, menu string) domain.Interaction {
		in := closed(id, domain.MediaVoice)
		in.VoiceStatus = status
		if queued {
			q := in.Start.Add(20 * time.Second)
			in.Queued = &q
		}
		if menu != "" {
			in.Session = &domain.SessionInfo{MenuPath: menu}
		}
		return in
	}
	transferred := call("v-transferred", domain.VoiceAnswered, true, "Sales")
	legEnd := transferred.Start.Add(time.Minute)
	transferred.Legs = []domain.Leg{
		{Seq: 1, AgentID: "a2", Service: "Support", Start: transferred.Start, End: &legEnd, EndReason: "transferred"},
		{Seq: 2, AgentID: "a1", Start: legEnd, End: transferred.Finished, EndReason: "completed"},
	}
	rated := call("v-rated", domain.VoiceAnswered, true, "Support")
	rated.CSAT = &domain.CSAT{Rating: 4}
	rated.Agent = &domain.Agent{ID: "a2"}
	rated.Service, rated.Handle = "Sales", domain.Duration(90_000)
	onChannel := func(in domain.Interaction, name string) domain.Interaction {
		c := *in.Conversation
		c.ChannelName = name
		in.Conversation = &c
		return in
	}
	noIVR := func() domain.Interaction { // a session, but no IVR menu in it; no agent took it
		in := call("v-no-ivr", domain.VoiceNotAnswered, true, "")
		in.Session, in.Agent = &domain.SessionInfo{QueuePriority: 3}, nil
		return in
	}
	ins := []domain.Interaction{
		onChannel(chat("c-under", time.Minute-time.Millisecond, supported), "Acme Page"),
		onChannel(chat("c-exact", time.Minute, supported), "Acme, Inc"),
		chat("c-over", time.Minute+time.Millisecond, supported),
		chat("c-no-wait", 2*time.Hour, supported), // its wait attribute is removed below
		chat("c-unsupported", 0, &domain.Conversation{Category: "Praise", SupportType: "message"}),
		chat("c-no-conversation", 0, nil),
		chat("c-no-flag", 0, supported), // its assigned attribute is removed below
		call("v-ivr", domain.VoiceAbandoned, false, "Main"),
		call("v-queue", domain.VoiceAbandoned, true, "Main"),
		call("v-answered", domain.VoiceAnswered, true, "Support"),
		transferred, rated, noIVR(),
	}
	e.load(t, ins)
	e.removeAttribute(t, &ins[3], "wait")
	e.removeAttribute(t, &ins[6], "conversation.assigned")
	e.removeAttribute(t, &ins[7], "handle")

	admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
	cases := []struct {
		query string
		want  string
	}{
		{"media=chat&respondedWithin=1", "c-under c-exact c-no-wait c-no-flag"},
		{"media=chat&respondedWithin=2", "c-under c-exact c-over c-no-wait c-no-flag"},
		{"media=chat&supported=no", "c-unsupported c-no-conversation"},
		{"media=chat&supported=yes", "c-under c-exact c-over c-no-wait c-no-flag"},
		{"media=chat&assigned=no", "c-unsupported c-no-conversation c-no-flag"},
		{"media=chat&assigned=yes", "c-under c-exact c-over c-no-wait"},
		{"media=chat&done=no", "c-unsupported c-no-conversation"},
		{"media=chat&category=Praise,Other", "c-unsupported"},
		{"media=chat&supportType=message", "c-unsupported"},
		{"media=chat&supportType=comment&respondedWithin=1&assigned=yes", "c-under c-exact c-no-wait"},
		{"media=voice&abandonedIn=ivr", "v-ivr"},
		{"media=voice&abandonedIn=queue", "v-queue"},
		{"media=voice&abandonedIn=queue&voiceStatus=answered", ""},
		{"media=voice&ivr=Main,Sales", "v-transferred v-ivr v-queue"},
		{"media=voice&finalAgents=a2", "v-rated"},
		{"media=voice&agents=a2", "v-transferred v-rated"},
		{"media=voice&rated=yes", "v-rated"},
		{"media=voice&rated=no&ivr=Support", "v-answered"},
		{"media=chat&rated=no&finalAgents=a1,a3&respondedWithin=1440", "c-under c-exact c-over c-no-wait c-no-flag"},
		{`media=voice&ivr=""`, "v-no-ivr"},
		{`media=voice&ivr=Support,""`, "v-rated v-answered v-no-ivr"},
		{`media=voice&finalAgents=""`, "v-no-ivr"},
		{`media=voice&finalAgents=a2,""`, "v-rated v-no-ivr"},
		{`media=voice&services=Sales`, "v-rated"},
		{`media=voice&services=Support`, "v-transferred"},
		{`media=voice&services=""`, "v-ivr v-queue v-answered v-no-ivr"},
		{`media=voice&services=Support,""&voiceStatus=answered,not_answered`, "v-transferred v-answered v-no-ivr"},
		{"media=chat&channel=Acme Page", "c-under"},
		{`media=chat&channel=Acme Page,"Acme, Inc"`, "c-under c-exact"},
		{`media=chat&channel=""`, "c-over c-no-wait c-unsupported c-no-conversation c-no-flag"},
		{`media=chat&channel="Acme, Inc",""&supported=yes`, "c-exact c-over c-no-wait c-no-flag"},
		{`media=voice&channel=""`, "v-transferred v-rated v-ivr v-queue v-answered v-no-ivr"},
		{"media=chat&waited=yes", "c-under c-exact c-over"},
		{"media=chat&waited=no", "c-no-wait c-unsupported c-no-conversation c-no-flag"},
		{"media=voice&handled=yes", "v-rated"},
		{"media=voice&handled=no", "v-transferred v-ivr v-queue v-answered v-no-ivr"},
		{"media=voice&handled=no&waited=no&finalAgents=a1", "v-transferred v-ivr v-queue v-answered"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			q, _ := url.ParseQuery(c.query + "&from=2026-11-02&to=2026-11-02&sort=asc")
			got := e.all(t, q, admin)
			if want := strings.Fields(c.want); !slices.Equal(got, want) {
				t.Fatalf("got %v, want %v", got, want)
			}
		})
	}
}

// removeAttribute deletes one attribute of an interaction's row, as a row
// written before the attribute existed would lack it.
func (e *env) removeAttribute(tb testing.TB, in *domain.Interaction, path string) {
	tb.Helper()
	k := e.tenant.RowKey(in)
	names := map[string]string{}
	var ph []string
	for _, p := range strings.Split(path, ".") {
		names["#"+p] = p
		ph = append(ph, "#"+p)
	}
	_, err := e.client.UpdateItem(tb.Context(), &dynamodb.UpdateItemInput{
		TableName: aws.String(e.table),
		Key: map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: k.PK}, "sk": &types.AttributeValueMemberS{Value: k.SK},
		},
		UpdateExpression:         aws.String("REMOVE " + strings.Join(ph, ".")),
		ConditionExpression:      aws.String("attribute_exists(pk)"),
		ExpressionAttributeNames: names,
	})
	if err != nil {
		tb.Fatal(err)
	}
}
