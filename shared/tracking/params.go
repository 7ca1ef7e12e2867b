package tracking

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/store"
)

// param is one query parameter of the report: the media it applies to
// (nil: every media; seed 000 says which filter shows for which media),
// whether it takes several values (a list: see ParseList), whether its
// list takes None, and how it sets the request.
type param struct {
	name  string
	media []domain.Media
	multi bool
	none  bool
	set   func(r *Request, vals []string) error
}

// Media sets of seed 000's filter notes. Phone: the seed lists it twice,
// once "only when the media is Email" and once for chat, WhatsApp, voice,
// SMS and ReclameAqui; Rastro takes both (docs/decisions.md).
var (
	phoneMedia = []domain.Media{domain.MediaVoice, domain.MediaChat, domain.MediaWhatsApp, domain.MediaSMS, domain.MediaReclameAqui, domain.MediaEmail}
	emailOnly  = []domain.Media{domain.MediaEmail}
	// Service status: "not available for Voice and Email".
	serviceStatusMedia = func() []domain.Media {
		var out []domain.Media
		for _, m := range domain.AllMedia {
			if m != domain.MediaVoice && m != domain.MediaEmail {
				out = append(out, m)
			}
		}
		return out
	}()
)

// Limits of one request.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	MaxDays      = 366
	maxValues    = 100 // values of the multi-valued filters together
	maxText      = 256
	// respondedWithin takes at most a day of minutes: a response-time
	// band longer than that asks "was it responded to", which supported
	// answers.
	maxRespondedWithin = 24 * 60
)

var params = []param{
	{name: "media", set: func(r *Request, v []string) error { return nil }}, // read first, in Parse
	{name: "zone", set: func(r *Request, v []string) error {
		loc, err := domain.LoadZone(v[0])
		if err != nil {
			return fmt.Errorf("is not an IANA time zone (got %q)", domain.Clip(v[0]))
		}
		r.Range.Loc = loc
		return nil
	}},
	{name: "from", set: func(r *Request, v []string) error { return setDate(&r.from, v[0]) }},
	{name: "to", set: func(r *Request, v []string) error { return setDate(&r.to, v[0]) }},
	{name: "timeFrom", set: func(r *Request, v []string) error { return setClock(&r.timeFrom, nil, v[0]) }},
	{name: "timeTo", set: func(r *Request, v []string) error { return setClock(&r.timeTo, &r.timeToPrec, v[0]) }},
	{name: "portfolio", set: func(r *Request, v []string) error {
		b, err := oneOf(v[0], map[string]bool{"assigned": true, "unassigned": false})
		r.Filter.Portfolio = &b
		return err
	}},
	{name: "expiration", media: chatAndWA, set: func(r *Request, v []string) error {
		_, err := oneOf(v[0], map[string]bool{"active": true, "expired": true})
		r.Filter.Expiration = v[0]
		return err
	}},
	{name: "voiceStatus", media: voiceOnly, multi: true, set: func(r *Request, v []string) error {
		for _, s := range v {
			if _, err := oneOf(s, voiceStatuses); err != nil {
				return err
			}
			r.Filter.VoiceStatuses = append(r.Filter.VoiceStatuses, domain.VoiceStatus(s))
		}
		return nil
	}},
	{name: "serviceStatus", media: serviceStatusMedia, multi: true, set: func(r *Request, v []string) error {
		r.serviceStatusSet = true
		for _, s := range v {
			st, err := oneOf(s, serviceStatuses)
			if err != nil {
				return err
			}
			if st == "" { // all
				r.Filter.Statuses = nil
				return nil
			}
			r.Filter.Statuses = append(r.Filter.Statuses, st)
		}
		return nil
	}},
	{name: "tags", multi: true, set: func(r *Request, v []string) error { r.Filter.TagsAny = v; return nil }},
	{name: "email", media: emailOnly, set: func(r *Request, v []string) error {
		if !domain.ValidEmail(v[0]) {
			return fmt.Errorf("must be an email address: letters, digits and . _ - + before one @, a domain of letters, digits, dots and hyphens, and a top-level domain of at least 2 letters (got %q)", domain.Clip(v[0]))
		}
		r.Filter.Email = v[0]
		return nil
	}},
	{name: "phone", media: phoneMedia, set: func(r *Request, v []string) error {
		digits := 0
		for _, c := range v[0] {
			switch {
			case c >= '0' && c <= '9':
				digits++
			case strings.ContainsRune("+-() .", c):
			default:
				return fmt.Errorf("must be a phone number: digits, optionally with + - ( ) . and spaces (got %q)", domain.Clip(v[0]))
			}
		}
		if digits < 3 || digits > 20 {
			return fmt.Errorf("must have 3 to 20 digits (got %d)", digits)
		}
		r.Filter.Phone = v[0]
		return nil
	}},
	{name: "agents", multi: true, set: func(r *Request, v []string) error { r.Filter.AgentIDsAny = v; return nil }},
	{name: "services", multi: true, none: true, set: func(r *Request, v []string) error { r.Filter.ServicesAny = v; return nil }},
	{name: "protocol", set: func(r *Request, v []string) error { r.Filter.Protocol = v[0]; return nil }},
	{name: "externalContactId", set: func(r *Request, v []string) error { r.Filter.ExternalContactID = v[0]; return nil }},
	{name: "externalProtocol", set: func(r *Request, v []string) error { r.Filter.ExternalProtocol = v[0]; return nil }},
	{name: "userTags", multi: true, set: func(r *Request, v []string) error { r.Filter.UserTagsAny = v; return nil }},
	{name: "contact", set: func(r *Request, v []string) error { return setName(&r.Filter.Contact, v[0]) }},
	// Seed 004's filters.
	{name: "queue", set: func(r *Request, v []string) error { r.queue = v[0]; return nil }},
	// Any media: conversation.channelName names the page, account or line
	// of every media, and the aggregate reports filter every media by it.
	{name: "channel", multi: true, none: true, set: func(r *Request, v []string) error { r.Filter.Channels = v; return nil }},
	{name: "did", media: phoneLines, set: func(r *Request, v []string) error { r.Filter.DID = v[0]; return nil }},
	{name: "disposition", set: func(r *Request, v []string) error { r.Filter.Disposition = v[0]; return nil }},
	{name: "agent", set: func(r *Request, v []string) error { return setName(&r.Filter.Agent, v[0]) }},
	// Drill-down filters: the aggregate reports (IVR, agents, conversation
	// statistics, tags) link every number to the interactions behind it, so
	// each filter is exactly the condition one of them counts by, offered
	// on the media where that report exists. finalAgents is the agent who
	// closed the interaction, the one agent reports credit; agents keeps
	// matching any leg's.
	{name: "finalAgents", multi: true, none: true, set: func(r *Request, v []string) error { r.Filter.FinalAgents = v; return nil }},
	{name: "ivr", media: voiceOnly, multi: true, none: true, set: func(r *Request, v []string) error { r.Filter.MenuPaths = v; return nil }},
	// The interactions an average of the IVR report is over: those whose
	// wait (handle time) was measured, greater than 0.
	{name: "waited", set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Waited, v[0]) }},
	{name: "handled", set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Handled, v[0]) }},
	{name: "abandonedIn", media: voiceOnly, set: func(r *Request, v []string) error {
		w, err := oneOf(v[0], map[string]string{"ivr": store.AbandonedInIVR, "queue": store.AbandonedInQueue})
		r.Filter.AbandonedIn = w
		return err
	}},
	{name: "category", media: textMedia, multi: true, set: func(r *Request, v []string) error { r.Filter.Categories = v; return nil }},
	{name: "supportType", media: textMedia, set: func(r *Request, v []string) error {
		_, err := oneOf(v[0], map[string]bool{"message": true, "comment": true})
		r.Filter.SupportType = v[0]
		return err
	}},
	{name: "assigned", media: textMedia, set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Assigned, v[0]) }},
	{name: "done", media: textMedia, set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Completed, v[0]) }},
	{name: "supported", media: textMedia, set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Supported, v[0]) }},
	{name: "respondedWithin", media: textMedia, set: func(r *Request, v []string) error {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > maxRespondedWithin {
			return fmt.Errorf("must be a whole number of minutes from 1 to %d (got %q)", maxRespondedWithin, domain.Clip(v[0]))
		}
		r.Filter.RespondedWithin = domain.Duration(time.Duration(n) * time.Minute / time.Millisecond)
		return nil
	}},
	{name: "rated", set: func(r *Request, v []string) error { return setYesNo(&r.Filter.Rated, v[0]) }},
	{name: "state", set: func(r *Request, v []string) error {
		st, err := oneOf(v[0], states)
		r.Filter.States = st
		r.stateSet = true
		return err
	}},
	{name: "sort", set: func(r *Request, v []string) error {
		desc, err := oneOf(v[0], map[string]bool{"asc": false, "desc": true})
		r.Desc = desc
		return err
	}},
	{name: "limit", set: func(r *Request, v []string) error {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > MaxLimit {
			return fmt.Errorf("must be a whole number from 1 to %d (got %q)", MaxLimit, domain.Clip(v[0]))
		}
		r.Limit = n
		return nil
	}},
	{name: "cursor", set: func(r *Request, v []string) error { r.Cursor = v[0]; return nil }},
}

var (
	voiceStatuses = map[string]domain.VoiceStatus{
		"abandoned": domain.VoiceAbandoned, "answered": domain.VoiceAnswered, "voicemail": domain.VoiceVoicemail,
		"not_connected": domain.VoiceNotConnected, "out_of_service": domain.VoiceOutOfService,
		"not_answered": domain.VoiceNotAnswered, "message": domain.VoiceMessage,
	}
	// "all" is Rastro's addition: seed 000 offers only the two, but a
	// supervisor must be able to find abandoned or dequeued chats too.
	serviceStatuses = map[string]domain.FinalStatus{
		"completed": domain.StatusServiceCompleted, "transferred": domain.StatusServiceTransferred, "all": "",
	}
	states = map[string][]domain.State{
		"closed": {domain.StateClosed},
		"active": {domain.StateNew, domain.StateActive, domain.StateACW},
		"all":    nil,
	}
)

func paramByName(name string) (*param, bool) {
	for i := range params {
		if params[i].name == name {
			return &params[i], true
		}
	}
	return nil, false
}

// oneOf looks s up in allowed, naming the allowed values when it's not there.
func oneOf[V any](s string, allowed map[string]V) (V, error) {
	v, ok := allowed[s]
	if !ok {
		names := make([]string, 0, len(allowed))
		for k := range allowed {
			names = append(names, k)
		}
		sort.Strings(names)
		return v, fmt.Errorf("must be one of %s (got %q)", strings.Join(names, ", "), domain.Clip(s))
	}
	return v, nil
}

func setDate(dst **period.Date, s string) error {
	d, err := period.ParseDate(s)
	if err != nil {
		return err
	}
	*dst = &d
	return nil
}

func setClock(dst **period.Clock, prec *time.Duration, s string) error {
	c, p, err := period.ParseClock(s)
	if err != nil {
		return err
	}
	*dst = &c
	if prec != nil {
		*prec = p
	}
	return nil
}

// setYesNo sets a flag filter from yes or no.
func setYesNo(dst **bool, s string) error {
	b, err := oneOf(s, map[string]bool{"yes": true, "no": false})
	if err == nil {
		*dst = &b
	}
	return err
}

// setName sets a name search, which must keep something to search for
// once case and accents are folded away.
func setName(dst *string, s string) error {
	if strings.TrimSpace(store.Fold(s)) == "" {
		return fmt.Errorf("must contain letters or digits to search for (got %q)", domain.Clip(s))
	}
	*dst = s
	return nil
}

// checkValue rejects empty, overlong and control-character values.
func checkValue(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("must not be empty")
	case !utf8.ValidString(s):
		return fmt.Errorf("must be valid UTF-8")
	case utf8.RuneCountInString(s) > maxText:
		return fmt.Errorf("must be at most %d characters", maxText)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("must not contain control characters")
		}
	}
	return nil
}
