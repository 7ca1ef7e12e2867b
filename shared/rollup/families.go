package rollup

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/store"
)

// Vals are a cell's counters by name (docs/metrics.md defines each).
// Durations are summed in milliseconds.
type Vals = map[string]int64

// Family is the cells one report reads: the dimensions it filters and
// groups on, and the counters each interaction adds.
type Family struct {
	Name string   // the key component: short, because it is in every key
	Dims []string // dimension names, in key order
	// Views are coarser copies of the family, read instead of it when a
	// report needs none of the dimensions they drop.
	Views []View
	// emit calls add with each tuple the interaction counts under (none
	// when the family doesn't count it) and its counters for that tuple.
	emit func(in *domain.Interaction, add func(Tuple, Vals))
}

// View is a family's counters under a subset of its dimensions: a
// report's unfiltered view reads a month as a few thousand view cells
// where the family has tens of thousands (its set dimensions multiply).
// A view is kept at the grains that pay for themselves: month and day
// always; hour and quarter-hour where its cardinality per hour is far
// below the family's (the by-hour and by-date rows, and the hours before
// a zone's midnight that a month's tiling adds or takes away). Where a
// view lacks a grain the family's own quarter-hour cells are projected.
// Per-contact counters are not kept (withoutContacts), except by a
// contact view.
type View struct {
	Name   string        // the key component, like a family's
	Dims   []string      // a subset of the family's, in key order
	Grains []store.Grain // store.Month and store.Day, and optionally Hour, Quarter, Clock and ClockHour
	// Contacts marks a contact view: it keeps only the per-contact
	// counters, at day and hour grains, under Dims plus a shard of the
	// contact key (Shards of them), and answers distinct-contact counts
	// (Read.Contacts) in a few thousand cells a month where the family's
	// day cells are one per contact and tuple. The shard bounds a cell's
	// size: a day's contacts of one tuple are spread over Shards items,
	// each under DynamoDB's 400 KB (about 40,000 contacts each, by number).
	Contacts bool
	Shards   int
	// Packs names a dimension of the family that the view keeps inside
	// its cells rather than in their keys: a counter is named
	// "<counter>@<value>", so one cell holds every value the tuple met in
	// the slot (an agent's month of tag sets). A dimension that splits the
	// view's tuples into many small cells is read as a few larger ones,
	// and DynamoDB Local's cost is mostly per item (docs/benchmarks.md).
	Packs string
	// Splits names a set dimension of the family the view keeps a cell
	// per value of, for reads holding one value (split.go). It must be
	// the view's first dimension: its key's prefix.
	Splits string
}

// packSep parts a packed view's counter name from the packed value;
// counter names hold no '@', values may.
const packSep = "@"

// pack renames v's counters for a packed view's cell.
func pack(v Vals, value string) Vals {
	out := make(Vals, len(v))
	for k, n := range v {
		out[k+packSep+value] = n
	}
	return out
}

// unpack splits a packed view's counters by the packed value.
func unpack(v Vals) map[string]Vals {
	out := map[string]Vals{}
	for k, n := range v {
		name, value, _ := strings.Cut(k, packSep)
		if out[value] == nil {
			out[value] = Vals{}
		}
		out[value][name] = n
	}
	return out
}

// Grains kept by views. Contact views have no month: a month's contacts
// of one tuple would outgrow an item, and a month is 28 to 31 day cells.
// Clock cells serve the hour-of-day rows and the agents report's daily
// time window; the agent-keyed view keeps them without hours because an
// agent's hour holds about one interaction, while a clock quarter-hour
// sums the month's. Clock hours sum four clock quarter-hours: the read of
// a zone whose hours are UTC hours takes a quarter of the cells.
var (
	coarse        = []store.Grain{store.Month, store.Day}
	coarseClock   = []store.Grain{store.Month, store.Day, store.Clock, store.ClockHour}
	all           = []store.Grain{store.Month, store.Day, store.Hour, store.Quarter, store.Clock, store.ClockHour}
	contactGrains = []store.Grain{store.Day, store.Hour}
)

// project is t, a tuple of f, reduced to v's dimensions.
func (v *View) project(f *Family, t Tuple) Tuple {
	out := make(Tuple, len(v.Dims))
	for i, d := range v.Dims {
		out[i] = t[f.Dim(d)]
	}
	return out
}

// shard is the contact view's shard of a contact key: FNV-1a, stable
// across releases because it is part of stored keys.
func (v *View) shard(contact string) string {
	h := fnv.New32a()
	h.Write([]byte(contact))
	return strconv.Itoa(int(h.Sum32() % uint32(v.Shards)))
}

// covers reports whether v has every dimension of needs, in its keys or
// packed.
func (v *View) covers(needs []string) bool {
	for _, n := range needs {
		if !slices.Contains(v.Dims, n) && n != v.Packs {
			return false
		}
	}
	return true
}

// Dim is the index of a dimension of f; a name f lacks is a programming
// error.
func (f *Family) Dim(name string) int {
	i := slices.Index(f.Dims, name)
	if i < 0 {
		panic("rollup: family " + f.Name + " has no dimension " + name)
	}
	return i
}

// Dimension names.
const (
	DimMedia       = "media"
	DimQueue       = "queue"       // supervisors' scope
	DimAgent       = "agent"       // the final agent's id (domain: Agent, who handled it last)
	DimAgentName   = "agentName"   // the final agent's name as the record gave it
	DimUserTags    = "userTags"    // set: the final agent's user tags
	DimServices    = "services"    // set: the final service and every leg's (the tracking filter's xServices)
	DimIVR         = "ivr"         // session.menuPath
	DimChannel     = "channel"     // conversation.channelName: the page, account or line
	DimSupportType = "supportType" // conversation.supportType: message or comment
	DimCategory    = "category"    // conversation.category
	DimTags        = "tags"        // set: the interaction's tags
	DimAssigned    = "assigned"    // "1" or "0"
	DimDone        = "done"        // conversation.completed
	DimSupported   = "supported"   // conversation.supported
)

// Counter names.
const (
	N          = "n"     // interactions
	Completed  = "done"  // final status service_completed
	Transfer   = "xfer"  // final status service_transferred
	HandleSum  = "hdl"   // Σ handle
	HandleN    = "hdlN"  // interactions with a handle time
	AFRTSum    = "afrt"  // Σ first response time
	AFRTN      = "afrtN" //
	ARTSum     = "art"   // Σ ART × responses: ART re-averages exactly
	ARTN       = "artN"  // Σ responses of interactions with an ART
	APTSum     = "apt"   // Σ productive time
	APTN       = "aptN"  //
	AUTSum     = "aut"   // Σ unproductive time
	AUTN       = "autN"  //
	CSATSum    = "csat"  // Σ rating
	CSATN      = "csatN" // rated interactions
	Answered   = "ans"   // voiceStatus answered
	AbandonIVR = "abIvr" // voiceStatus abandoned, never queued
	AbandonQ   = "abQ"   // voiceStatus abandoned after queueing
	WaitSum    = "wait"  // Σ wait
	WaitN      = "waitN" // interactions with a wait (voice)
	Supported  = "sup"   // supported conversations (responded to by an agent)
	SupportSum = "supt"  // Σ support time of supported conversations
	SLAPrefix  = "w"     // w<m>: supported conversations whose wait rounds up to m minutes (w1441: more than a day)
)

// ContactPfx names a per-contact counter, c:<contact key>: interactions
// of that contact (distinct contacts). The store keeps it under the
// contact's number instead of the key (store.ContactPrefix).
const ContactPfx = store.ContactPrefix

// maxSLAMinutes is the largest "responded within X minutes" threshold a
// tenant may set (domain.Settings); longer waits share one bucket.
const maxSLAMinutes = 1440

// Families lists every family, in the order rebuilds run them.
var Families = []*Family{Agents, IVR, Conversations, Tags}

// Agents feeds the Agents report: interactions attributed to the agent who
// handled them last.
var Agents = &Family{
	Name: "ag",
	Dims: []string{DimMedia, DimQueue, DimAgent, DimAgentName, DimUserTags, DimServices},
	// The report without service or user-tag filters. (A view packing
	// the service sets, for the service filter, read 1,198 RCU where the
	// family's month cells read 699.5, and was no faster: each of a
	// cell's ~15 counters repeats the set's name. docs/benchmarks.md.)
	Views: []View{
		{Name: "agm", Dims: []string{DimMedia, DimQueue, DimAgent, DimAgentName}, Grains: coarseClock},
		// The report filtered by one service: that service's cells.
		{Name: "agv", Dims: []string{DimServices, DimMedia, DimQueue, DimAgent, DimAgentName}, Splits: DimServices, Grains: coarse},
	},
	emit: func(in *domain.Interaction, add func(Tuple, Vals)) {
		if in.Agent == nil || in.Agent.ID == "" {
			return
		}
		v := Vals{N: 1}
		count(v, Completed, in.Status == domain.StatusServiceCompleted)
		count(v, Transfer, in.Status == domain.StatusServiceTransferred)
		measure(v, HandleSum, HandleN, in.Handle)
		measure(v, AFRTSum, AFRTN, in.AFRT)
		measure(v, APTSum, APTN, in.APT)
		measure(v, AUTSum, AUTN, in.AUT)
		if in.ART > 0 {
			w := int64(max(in.ResponseCount, 1))
			v[ARTSum], v[ARTN] = in.ART.Millis()*w, w
		}
		if in.CSAT != nil {
			v[CSATSum], v[CSATN] = int64(in.CSAT.Rating), 1
		}
		add(Tuple{string(in.Media), in.Queue, in.Agent.ID, in.Agent.Name, SetOf(in.Agent.Tags), SetOf(in.Services())}, v)
	},
}

// IVR feeds the IVR report: every voice interaction, by the IVR menu it
// came through.
var IVR = &Family{
	Name: "iv",
	Dims: []string{DimQueue, DimIVR, DimAgent, DimAgentName, DimUserTags, DimServices},
	// By menu path, or by agent, without service or user-tag filters.
	Views: []View{
		{Name: "ivq", Dims: []string{DimQueue, DimIVR}, Grains: all},
		{Name: "iva", Dims: []string{DimQueue, DimAgent, DimAgentName}, Grains: coarse},
	},
	emit: func(in *domain.Interaction, add func(Tuple, Vals)) {
		if in.Media != domain.MediaVoice {
			return
		}
		v := Vals{N: 1}
		abandoned := in.VoiceStatus == domain.VoiceAbandoned
		count(v, Answered, in.VoiceStatus == domain.VoiceAnswered)
		count(v, AbandonIVR, abandoned && in.Queued == nil)
		count(v, AbandonQ, abandoned && in.Queued != nil)
		measure(v, WaitSum, WaitN, in.Wait)
		measure(v, HandleSum, HandleN, in.Handle)
		var ivr string
		if in.Session != nil {
			ivr = in.Session.MenuPath
		}
		id, name, tags := agentOf(in)
		add(Tuple{in.Queue, ivr, id, name, tags, SetOf(in.Services())}, v)
	},
}

// Conversations feeds seed 001's conversation statistics: every text
// interaction, by page, support type, category, staff and the three
// flags of its matrix.
var Conversations = &Family{
	Name: "cv",
	Dims: []string{DimMedia, DimQueue, DimChannel, DimSupportType, DimCategory, DimAgent, DimAgentName, DimUserTags, DimTags, DimAssigned, DimDone, DimSupported},
	// The by-hour, by-date and by-channel views without category, staff,
	// user-tag or tag filters.
	Views: []View{
		{Name: "cvc", Dims: []string{DimMedia, DimQueue, DimChannel, DimSupportType, DimAssigned, DimDone, DimSupported}, Grains: all},
		// The by-agent view without page, category, user-tag or tag
		// filters: an agent's month of the family is a cell per page,
		// category and tag set it met.
		{Name: "cva", Dims: []string{DimMedia, DimQueue, DimSupportType, DimAgent, DimAgentName, DimAssigned, DimDone, DimSupported}, Grains: coarse},
		// The overview's distinct contacts, by media, within a supervisor's
		// queues.
		{Name: "cvk", Dims: []string{DimMedia, DimQueue}, Grains: contactGrains, Contacts: true, Shards: 4},
	},
	emit: func(in *domain.Interaction, add func(Tuple, Vals)) {
		if !in.Media.IsText() {
			return
		}
		c := in.Conversation
		if c == nil {
			c = &domain.Conversation{}
		}
		v := Vals{N: 1}
		if c.Supported {
			v[Supported] = 1
			v[WaitSum] = in.Wait.Millis()
			v[SupportSum] = c.Support.Millis()
			v[SLABucket(in.Wait)] = 1
		}
		if k := in.ContactKey(); k != "" {
			v[ContactPfx+k] = 1
		}
		id, name, tags := agentOf(in)
		add(Tuple{string(in.Media), in.Queue, c.ChannelName, c.SupportType, c.Category, id, name, tags,
			SetOf(in.Tags), flag(c.Assigned), flag(c.Completed), flag(c.Supported)}, v)
	},
}

// Tags feeds the tag report: every tagged interaction once, under its set
// of tags. The report counts a cell once for each tag of its set, which is
// the per-tag count exactly; one cell per tag instead would put up to 50
// tags × 2 grains × (old + new) cells in one upsert's transaction, past
// DynamoDB's 100 actions.
var Tags = &Family{
	Name: "tg",
	Dims: []string{DimMedia, DimQueue, DimChannel, DimAgent, DimAgentName, DimTags},
	// Tags over time and by channel, without a staff filter; by agent,
	// without a channel filter. (A by-agent view keyed by tag set measured
	// no smaller than the family, 393.5 RCU against 402.5 for October's
	// month cells: an agent's cells are split by tag set, not by page.
	// Packing the tag sets into the cell is what makes it smaller.)
	Views: []View{
		{Name: "tgc", Dims: []string{DimMedia, DimQueue, DimChannel, DimTags}, Grains: all},
		// By agent: an agent's month is one cell per media and queue with
		// a counter per tag set, where the family's is a cell per page
		// and tag set (20,416 month cells against 3,011 for 200,000
		// interactions of the benchmark's 400 agents).
		{Name: "tga", Dims: []string{DimMedia, DimQueue, DimAgent, DimAgentName}, Packs: DimTags, Grains: coarse},
	},
	emit: func(in *domain.Interaction, add func(Tuple, Vals)) {
		if len(in.Tags) == 0 {
			return
		}
		var channel string
		if in.Conversation != nil {
			channel = in.Conversation.ChannelName
		}
		id, name, _ := agentOf(in)
		add(Tuple{string(in.Media), in.Queue, channel, id, name, SetOf(in.Tags)}, Vals{N: 1})
	},
}

// SLABucket names the counter of a supported conversation's wait: the
// wait in minutes rounded up, so "responded within X minutes" (wait ≤ X
// minutes) is the sum of buckets 0 through X for any whole X.
func SLABucket(wait domain.Duration) string {
	m := (wait.Millis() + 59999) / 60000
	return SLAPrefix + strconv.FormatInt(min(m, maxSLAMinutes+1), 10)
}

func agentOf(in *domain.Interaction) (id, name, tags string) {
	if in.Agent == nil {
		return "", "", ""
	}
	return in.Agent.ID, in.Agent.Name, SetOf(in.Agent.Tags)
}

func count(v Vals, name string, cond bool) {
	if cond {
		v[name] = 1
	}
}

// measure adds a duration and counts it when it was measured (> 0).
func measure(v Vals, sum, n string, d domain.Duration) {
	if d > 0 {
		v[sum], v[n] = d.Millis(), 1
	}
}
