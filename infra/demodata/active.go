package demodata

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// settle decides whether the interaction is over by the end of the window.
// A contact whose planned end falls after End is still in progress and is
// cut at End; a few text contacts of the last day are left open after
// their last message (the agent has not closed them yet). Either way
// nothing in the record happens after End. Updated is when the source last
// wrote the record: a few minutes after the end (seed 003 delivers its
// metadata after the session), or the cut for open ones.
func (b *builder) settle(in *domain.Interaction, h *head, p *plan) {
	g, r := b.g, b.r
	var cutAt int64
	n := len(in.Messages)
	switch {
	case p.finish >= g.end:
		cutAt = max(h.start, g.end-r.between(0, 90*second))
	case in.Media != domain.MediaVoice && h.start >= g.end-day && n > 4 && in.Agent != nil && r.chance(0.03):
		cutAt = in.Messages[n/2+r.IntN(n-n/2-1)].At.UnixMilli()
	}
	if cutAt == 0 {
		updated := p.finish + in.ACW.Millis() + r.between(minute, 15*minute)
		in.Updated = at(min(updated, g.end))
		return
	}
	b.cut(in, cutAt)
	if in.Media != domain.MediaVoice {
		textMetrics(in, p)
	}
	in.Updated = at(cutAt)
}

// cut turns a finished interaction into the in-progress record the source
// would have sent at instant t: nothing after t, no outcome yet.
func (b *builder) cut(in *domain.Interaction, t int64) {
	limit := at(t)
	keep := func(p *time.Time) *time.Time {
		if p == nil || p.After(limit) {
			return nil
		}
		return p
	}
	in.State = domain.StateActive
	in.Finished, in.ClientEnd, in.AgentEnd = nil, nil, nil
	in.Queued, in.Assigned, in.Answered = keep(in.Queued), keep(in.Assigned), keep(in.Answered)
	in.FirstMessage, in.VAAssigned, in.VAConnected = keep(in.FirstMessage), keep(in.VAAssigned), keep(in.VAConnected)
	in.Status, in.VoiceStatus = "", ""
	in.Tags, in.Disposition, in.CSAT, in.ExternalProtocol = nil, nil, nil, ""
	in.Duration, in.ACW, in.Handle, in.Hold = 0, 0, 0, 0
	if in.Answered == nil {
		in.Wait = 0
	}

	legs := 0
	for legs < len(in.Legs) && !in.Legs[legs].Start.After(limit) {
		legs++
	}
	in.Legs = in.Legs[:legs]
	in.Agent = nil
	if legs > 0 {
		last := &in.Legs[legs-1]
		last.End, last.EndReason = nil, ""
		if last.AgentID != "" {
			a := b.g.agentOf(last.AgentID).agent()
			in.Agent = &a
		}
		if last.Queue != "" {
			in.Queue, in.Service = last.Queue, last.Service
		}
	} else {
		in.Legs = nil
	}

	kept := in.Messages[:0]
	for _, m := range in.Messages {
		if m.At.After(limit) {
			break
		}
		if m.StatusUpdatedAt != nil && m.StatusUpdatedAt.After(limit) {
			m.StatusUpdatedAt, m.Status = nil, "sent"
		}
		kept = append(kept, m)
	}
	in.Messages = kept

	ps := in.Participants[:0]
	for _, p := range in.Participants {
		if p.Joined != nil && p.Joined.After(limit) {
			continue
		}
		p.Left = keep(p.Left)
		ps = append(ps, p)
	}
	in.Participants = ps

	if in.Voice != nil {
		in.Voice.RecordingKey = "" // the recording exists once the call ends
	}
	if in.Expiration != "" {
		in.Expiration = "active"
	}
	if in.Session != nil {
		in.Session.Transferred = len(in.Legs) > 1
		switch {
		case in.Answered != nil:
			setStatus(in, 5) // connected
		case in.Assigned != nil:
			setStatus(in, 2) // assigned
		case in.Queued != nil:
			setStatus(in, 1) // queued
		default:
			setStatus(in, 12) // selecting in the IVR
		}
	}
}
