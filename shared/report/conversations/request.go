package conversations

import (
	"net/url"
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/rollup"
)

// Views of the report, in the order the seed presents them.
const (
	ViewOverview = "overview"
	ViewAgent    = "agent"
	ViewHour     = "hour"
	ViewDate     = "date"
	ViewChannel  = "channel"
)

// request is a parsed request, scoped to the caller.
type request struct {
	view   string
	rng    period.Range
	media  []domain.Media // nil: every text media
	queues []string       // the caller's scope; nil: every queue
	queue  string         // the one queue named, if any

	channels, categories, users, tags, userTags []string // "any of"; nil: no filter
	done, supported                             string   // yes, no or ""
	supportType                                 string   // message, comment or ""

	sla []int // "responded within X minutes" thresholds
}

// parse reads the query string: every problem is a 400 naming its
// parameter; a supervisor naming a queue not theirs is a 403.
func parse(q url.Values, env report.Env) (*request, error) {
	p := report.NewParams(q)
	r := &request{
		view:        p.One("view", ViewOverview, ViewAgent, ViewHour, ViewDate, ViewChannel),
		rng:         p.Period(env.Settings, env.Now, report.MaxDays, false),
		media:       p.Media("media", domain.TextMedia), // the media the report counts
		channels:    p.List("channel"),
		categories:  p.List("category"),
		users:       p.List("users"),
		tags:        p.List("tags"),
		userTags:    p.List("userTags"),
		done:        p.One("done", "yes", "no"),
		supported:   p.One("supported", "yes", "no"),
		supportType: p.One("supportType", "message", "comment"),
		sla:         env.Settings.SLAMinutes,
	}
	if r.view == "" {
		r.view = ViewOverview
	}
	if len(r.sla) == 0 {
		r.sla = domain.DefaultSettings().SLAMinutes
	}
	queues, queue, scopeErr := p.Queues(env.Identity)
	if err := p.Err(); err != nil {
		return nil, err
	}
	if scopeErr != nil {
		return nil, scopeErr
	}
	r.queues, r.queue = queues, queue
	return r, nil
}

// Dimension indices of the family.
var (
	fam        = rollup.Conversations
	dMedia     = fam.Dim(rollup.DimMedia)
	dChannel   = fam.Dim(rollup.DimChannel)
	dType      = fam.Dim(rollup.DimSupportType)
	dCategory  = fam.Dim(rollup.DimCategory)
	dAgent     = fam.Dim(rollup.DimAgent)
	dAgentName = fam.Dim(rollup.DimAgentName)
	dUserTags  = fam.Dim(rollup.DimUserTags)
	dTags      = fam.Dim(rollup.DimTags)
	dAssigned  = fam.Dim(rollup.DimAssigned)
	dDone      = fam.Dim(rollup.DimDone)
	dSupported = fam.Dim(rollup.DimSupported)
)

// keep reports whether a cell passes the request's filters (the queue
// scope is applied by report.Cells).
func (r *request) keep(c rollup.Cell) bool {
	return (r.media == nil || slices.Contains(r.media, domain.Media(c.Dims[dMedia]))) &&
		report.AnyOf(c, dChannel, r.channels) &&
		report.AnyOf(c, dCategory, r.categories) &&
		report.AnyOf(c, dAgent, r.users) &&
		report.SetAnyOf(c, dTags, r.tags) &&
		report.SetAnyOf(c, dUserTags, r.userTags) &&
		flagIs(c.Dims[dDone], r.done) &&
		flagIs(c.Dims[dSupported], r.supported) &&
		(r.supportType == "" || c.Dims[dType] == r.supportType)
}

// needs are the dimensions of the request's filters (keep's).
func (r *request) needs() []string {
	return report.NeedsIf(
		report.NeedIf{Dim: rollup.DimMedia, Set: r.media != nil},
		report.NeedIf{Dim: rollup.DimDone, Set: r.done != ""},
		report.NeedIf{Dim: rollup.DimSupported, Set: r.supported != ""},
		report.NeedIf{Dim: rollup.DimSupportType, Set: r.supportType != ""},
		report.NeedIf{Dim: rollup.DimChannel, Set: len(r.channels) > 0},
		report.NeedIf{Dim: rollup.DimCategory, Set: len(r.categories) > 0},
		report.NeedIf{Dim: rollup.DimAgent, Set: len(r.users) > 0},
		report.NeedIf{Dim: rollup.DimTags, Set: len(r.tags) > 0},
		report.NeedIf{Dim: rollup.DimUserTags, Set: len(r.userTags) > 0})
}

// flagIs matches a "1"/"0" dimension against a yes/no filter ("": any).
func flagIs(dim, want string) bool {
	return want == "" || (dim == "1") == (want == "yes")
}
