package conversations

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/rastro-cc/rastro/shared/report"
)

// column is one metric of a view: how it is computed from a row's tally
// and which conversations it counts (or averages over), said as the
// tracking report's drill-down filters.
type column struct {
	key, header string
	value       func(t *tally) any
	cond        cond
	noDrill     bool // the number doesn't count interactions the tracking report could list
}

// cond is a column's condition over conversation.supportType,
// .assigned, .completed, .supported and the wait (respondedWithin, which
// implies supported).
type cond struct {
	supportType               string // message or comment
	assigned, done, supported string // yes or no
	within                    int    // minutes
}

// query is the cond as tracking filters, less those the request's own
// filters already fix (they are in the drill's base, and a parameter may
// be given once). ok is false when the cond contradicts the request's
// filters: the column is then 0 in every row, and left out.
func (c cond) query(r *request) (string, bool) {
	q := url.Values{}
	need := func(name, want, fixed string) bool {
		switch {
		case want == "":
			return true
		case fixed == "":
			q.Set(name, want)
			return true
		}
		return want == fixed
	}
	ok := need("supportType", c.supportType, r.supportType) &&
		need("assigned", c.assigned, "") &&
		need("done", c.done, r.done) &&
		need("supported", c.supported, r.supported)
	if c.within > 0 {
		ok = ok && r.supported != "no"
		q.Set("respondedWithin", strconv.Itoa(c.within))
	}
	return q.Encode(), ok
}

func yesNo(b int) string {
	if b == 1 {
		return "yes"
	}
	return "no"
}

// count is a column counting the conversations of a support type and
// flag values (both: either).
func count(key, header string, typ, assigned, done, supported int) column {
	c := cond{assigned: flagCond(assigned), done: flagCond(done), supported: flagCond(supported)}
	if typ != both {
		c.supportType = supportTypes[typ]
	}
	return column{key: key, header: header, value: func(t *tally) any { return t.count(typ, assigned, done, supported) }, cond: c}
}

// doneSupported names a cell of the done × supported matrix.
func doneSupported(d, s int) (key, header string) {
	return [2]string{"Pending", "Done"}[d] + [2]string{"Unsupported", "Supported"}[s],
		[2]string{"not done", "done"}[d] + ", " + [2]string{"not supported", "supported"}[s]
}

func flagCond(v int) string {
	if v == both {
		return ""
	}
	return yesNo(v)
}

// supportTypes are the values of conversation.supportType by type index.
var supportTypes = [...]string{typeMessage: "message", typeComment: "comment"}

func conversationsColumn() column {
	return count("conversations", "Conversations", both, both, both, both)
}

// percent is a column of x over the conversations of a support type.
func percent(key, header string, typ int, x func(t *tally) int64) column {
	c := count(key, header, typ, both, both, both)
	c.value = func(t *tally) any { return report.Percent(x(t), t.count(typ, both, both, both)) }
	return c
}

// durations are the wait and support columns: sums and means over the
// supported conversations (DECISION in doc.go: both means divide by the
// supported count, in every view).
func durations(totals bool) []column {
	sup := cond{supported: "yes"}
	supported := func(t *tally) int64 { return t.count(both, both, both, 1) }
	var out []column
	if totals {
		out = append(out,
			column{key: "waitTotal", header: "Waiting time (s)", value: func(t *tally) any { return seconds(t.wait) }, cond: sup},
			column{key: "supportTotal", header: "Support time (s)", value: func(t *tally) any { return seconds(t.support) }, cond: sup})
	}
	return append(out,
		column{key: "avgWait", header: "Average waiting time (s)", value: func(t *tally) any { return report.Avg(t.wait, supported(t)) }, cond: sup},
		column{key: "avgSupport", header: "Average support time (s)", value: func(t *tally) any { return report.Avg(t.support, supported(t)) }, cond: sup})
}

func seconds(ms int64) float64 { return float64(ms) / 1000 }

// overviewColumns are seed 001 §1.2's statistics.
func overviewColumns(*request) []column {
	return append([]column{
		conversationsColumn(),
		{key: "contacts", header: "Contacts interacting", value: func(t *tally) any { return t.distinctContacts() }, noDrill: true},
		count("assigned", "Sessions assigned", both, 1, both, both),
		count("notAssigned", "Sessions not assigned", both, 0, both, both),
		count("done", "Done", both, both, 1, both),
		count("pending", "Pending", both, both, 0, both),
		count("supported", "Supported", both, both, both, 1),
	}, durations(false)...)
}

// agentColumns are seed 001 §3.1.1's: the assigned × done × supported
// matrix, "responded within X minutes" for the tenant's thresholds, and
// the waiting and support times.
func agentColumns(r *request) []column {
	out := []column{conversationsColumn()}
	for _, a := range []int{1, 0} {
		for _, d := range []int{1, 0} {
			for _, s := range []int{1, 0} {
				key, header := doneSupported(d, s)
				out = append(out, count([2]string{"unassigned", "assigned"}[a]+key, [2]string{"Not assigned", "Assigned"}[a]+", "+header, both, a, d, s))
			}
		}
	}
	for _, m := range r.sla {
		out = append(out, column{key: fmt.Sprintf("within%d", m), header: fmt.Sprintf("Responded within %d min", m),
			value: func(t *tally) any { return t.within(m) }, cond: cond{within: m}})
	}
	return append(out, durations(true)...)
}

// flowColumns are seed 001 §3.2–3.4's, shared by the hour, date and
// channel views: per support type the done × supported matrix, its total
// and percentages; then every conversation (untyped ones included).
func flowColumns(*request) []column {
	var out []column
	for _, ty := range []struct {
		typ        int
		key, label string
	}{{typeMessage, "chat", "Chat"}, {typeComment, "comment", "Comment"}} {
		typ := ty.typ
		for _, d := range []int{1, 0} {
			for _, s := range []int{1, 0} {
				key, header := doneSupported(d, s)
				out = append(out, count(ty.key+key, ty.label+": "+header, typ, both, d, s))
			}
		}
		out = append(out,
			count(ty.key+"Total", ty.label+": total", typ, both, both, both),
			percent(ty.key+"PctDone", ty.label+": % complete", typ, func(t *tally) int64 { return t.count(typ, both, 1, both) }),
			percent(ty.key+"PctSupported", ty.label+": % supported", typ, func(t *tally) int64 { return t.count(typ, both, both, 1) }))
	}
	out = append(out, conversationsColumn(),
		percent("pctDone", "% complete", both, func(t *tally) int64 { return t.count(both, both, 1, both) }),
		percent("pctSupported", "% supported", both, func(t *tally) int64 { return t.count(both, both, both, 1) }))
	return append(out, durations(true)...)
}
