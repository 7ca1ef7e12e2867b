package demodata

import (
	"math"
	"strconv"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// How a call ends, and what each ending means in seed 000's STATUS and
// seed 003's numbered status:
//
//	answered        service_completed / service_transferred   8 finished
//	abandoned       abandoned (caller hung up in the queue)     8 finished
//	voicemail in    dequeued (queue timeout, caller left one)   81 voicemail_received
//	message         dequeued (after-hours or overflow message) 11 deflected
//	not_answered    dequeued (ringing timed out)                9 failed
//	voicemail out   dequeued (reached the customer's mailbox)   80 voicemail
//	not_connected   bad_number                                  9 failed
//	out_of_service  bad_phone                                   9 failed
var (
	inboundEndings  = weights{80, 13, 4, 3} // answered, abandoned, voicemail, message
	outboundEndings = weights{58, 20, 9, 8, 5}

	inboundTypes  = []domain.SessionType{"voice_inbound", "voice_inbound_mobile_ivr", "voice_inbound_mobile", "voice_callback_web", "voice_inbound_api", "voice_scheduled_web", "voice_scheduled_mobile"}
	inboundTypeW  = weights{85, 3, 3, 4, 2, 2, 1}
	outboundTypes = []domain.SessionType{"voice_outbound", "voice_campaign", "voice_outbound_api"}
)

func (b *builder) voice(in *domain.Interaction, h *head) plan {
	r, g := b.r, b.g
	q := &queues[h.queue]
	local := time.UnixMilli(h.start).In(g.cfg.Zone)
	afterHours := local.Hour() < 7 || local.Hour() >= 21 || local.Weekday() == time.Sunday
	closed := afterHours && h.queue != qSuporte // only support has a night shift
	in.Session = &domain.SessionInfo{Lang: "pt-BR", QueuePriority: q.priority}
	if !afterHours && r.chance(q.outbound) {
		return b.outboundCall(in, h)
	}

	s := h.start
	in.Direction = "inbound"
	in.From = in.Contact.Phone
	in.DID = q.did
	in.Session.SupportNumber = q.did
	in.Session.Type = inboundTypes[inboundTypeW.pick(r)]
	if in.Session.Type == "voice_scheduled_web" || in.Session.Type == "voice_scheduled_mobile" {
		in.Scheduled = b.ptr(s)
	}
	m := r.IntN(len(q.menus))
	in.Session.MenuPath, in.Session.MenuPathID = q.menus[m].leaf, q.menus[m].id
	in.InternalComments = q.navs[m]
	var va *[2]int64
	if r.chance(0.25) { // the IVR's virtual agent asked what the call is about
		va = &[2]int64{s + r.between(300, 900), 0}
		in.VAAssigned, in.VAConnected = b.ptr(va[0]), b.ptr(va[0]+r.between(500, 1500))
	}
	queued := s + r.lognormal(float64(25*second), 0.5, 6*second, 3*minute)
	if va != nil {
		va[1] = queued
	}

	ending := inboundEndings.pick(r)
	if closed {
		ending = 3
		if r.chance(0.2) {
			ending = 2
		}
	}
	var finish int64
	switch ending {
	case 0:
		finish = b.answeredInbound(in, h, queued)
	case 1:
		in.VoiceStatus, in.Status = domain.VoiceAbandoned, domain.StatusAbandoned
		finish = queued + r.lognormal(float64(45*second), 0.9, 3*second, 12*minute)
		in.Queued, in.ClientEnd = b.ptr(queued), b.ptr(finish)
		b.setLegs(in, []legPlan{{queue: h.queue, start: queued, end: finish, reason: "abandoned"}})
		setStatus(in, 8)
	case 2:
		in.VoiceStatus, in.Status = domain.VoiceVoicemail, domain.StatusDequeued
		timeout := r.between(90*second, 180*second)
		finish = queued + timeout + r.between(10*second, 70*second)
		in.Queued, in.ClientEnd = b.ptr(queued), b.ptr(finish)
		in.Session.Deflection = "voicemail"
		b.setLegs(in, []legPlan{{queue: h.queue, start: queued, end: queued + timeout, reason: "expired"}})
		setStatus(in, 81)
	default:
		in.VoiceStatus, in.Status = domain.VoiceMessage, domain.StatusDequeued
		finish = queued
		in.Session.Deflection, in.Session.AnswerType = "overflow_message_only", "virtual"
		name := "Mensagem de Excesso de Ligações"
		if closed {
			in.Session.Deflection, name = "after_hours_message_only", "URA Fora do Horário"
		}
		b.setLegs(in, []legPlan{{menu: name, start: s, end: finish, reason: "completed"}})
		setStatus(in, 11)
	}
	in.Finished = b.ptr(finish)
	in.To = q.extension
	if in.Agent != nil {
		in.To = b.g.agentOf(in.Agent.ID).extension
	}
	b.voiceDetails(in, h, ending != 0)
	in.Voice.DialedNumber = q.did[1:]
	b.participants(in, s, finish, va)
	return plan{finish: finish}
}

// answeredInbound lays out a call an agent took: queue wait, ringing, talk
// split over one to three agents, hold and after-call work.
func (b *builder) answeredInbound(in *domain.Interaction, h *head, queued int64) int64 {
	r := b.r
	assigned := queued + r.lognormal(float64(35*second), 1.0, 2*second, 15*minute)
	answered := assigned + r.between(2*second, 12*second)
	talk := r.lognormal(float64(4*minute), 0.75, 25*second, 50*minute)
	legs := b.voiceLegs(h.queue, nil, assigned, answered, talk, r.chance(0.16))
	finish := legs[len(legs)-1].end
	in.Queued, in.Assigned, in.Answered, in.FirstMessage, in.Finished = b.ptr(queued), b.ptr(assigned), b.ptr(answered), b.ptr(answered), b.ptr(finish)
	b.endCall(in, finish)
	b.setLegs(in, legs)
	in.VoiceStatus = domain.VoiceAnswered
	in.Status = domain.StatusServiceCompleted
	if len(legs) > 1 {
		in.Status = domain.StatusServiceTransferred
	}
	in.Session.AnswerType = "human"
	b.talkTimes(in, assigned, answered, finish, talk)
	in.Wait = dur(answered - h.start)
	if in.Wait > domain.Duration(2*minute) && r.chance(0.5) {
		in.Session.WaitTimeSMS = true
	}
	switch in.Session.Type {
	case "voice_inbound_mobile", "voice_inbound_mobile_ivr":
		if r.chance(0.5) {
			in.Session.SmartActions = &domain.SmartActions{
				Verification: []string{"verified", "verified", "verified", "failed", "not_verified"}[r.IntN(5)],
				Photos:       r.chance(0.2),
			}
		}
	}
	in.Session.InCallSMS = r.chance(0.03)
	setStatus(in, 8)
	return finish
}

// voiceLegs splits the talk between agents: a transfer hands the caller to
// another agent, often of another queue, after a short wait on hold.
func (b *builder) voiceLegs(queue int, first *agentProfile, assigned, answered, talk int64, transfer bool) []legPlan {
	r := b.r
	n := 1
	if transfer {
		n = 2
		if r.chance(0.25) {
			n = 3
		}
	}
	legs := make([]legPlan, 0, n)
	start, q := assigned, queue
	a := first
	if a == nil {
		a = b.pickAgent(q, start, nil)
	}
	rest := talk
	for k := range n {
		if k > 0 {
			a, q = b.transferTarget(q, start, a)
		}
		part := rest
		if k < n-1 {
			part = rest * int64(20+r.IntN(30)) / 100
		}
		rest -= part
		end := answered + part
		if k > 0 {
			end = start + part
		}
		reason := "completed"
		if k < n-1 {
			reason = "transferred"
		}
		legs = append(legs, legPlan{agent: a, queue: q, start: start, end: end, reason: reason})
		start = end + r.between(10*second, 60*second)
	}
	return legs
}

func (b *builder) outboundCall(in *domain.Interaction, h *head) plan {
	r := b.r
	q := &queues[h.queue]
	s := h.start
	a := b.pickAgent(h.queue, s, nil)
	in.Direction = "outbound"
	in.From, in.To = a.extension, in.Contact.Phone
	in.Session.OutboundNumber = q.did
	in.Session.Type = outboundTypes[weights{70, 25, 5}.pick(r)]
	if in.Session.Type == "voice_campaign" && h.queue != qCobranca && h.queue != qVendas && h.queue != qRetencao {
		in.Session.Type = "voice_outbound"
	}
	in.Assigned = b.ptr(s)
	var finish int64
	legs := []legPlan{{agent: a, queue: h.queue, start: s}}
	switch outboundEndings.pick(r) {
	case 0:
		answered := s + r.between(5*second, 30*second)
		talk := r.lognormal(float64(3*minute), 0.8, 15*second, 40*minute)
		legs = b.voiceLegs(h.queue, a, s, answered, talk, r.chance(0.08))
		finish = legs[len(legs)-1].end
		in.Answered, in.FirstMessage = b.ptr(answered), b.ptr(answered)
		in.VoiceStatus, in.Status = domain.VoiceAnswered, domain.StatusServiceCompleted
		if len(legs) > 1 {
			in.Status = domain.StatusServiceTransferred
		}
		in.Session.AnswerType = "human"
		b.endCall(in, finish)
		b.setLegs(in, legs)
		b.talkTimes(in, s, answered, finish, talk)
		setStatus(in, 8)
	case 1:
		finish = s + r.between(30*second, 45*second)
		in.VoiceStatus, in.Status = domain.VoiceNotAnswered, domain.StatusDequeued
		legs[0].end, legs[0].reason = finish, "disconnected"
		setStatus(in, 9)
	case 2:
		finish = s + r.between(20*second, 30*second) + r.between(10*second, 40*second)
		in.VoiceStatus, in.Status = domain.VoiceVoicemail, domain.StatusDequeued
		legs[0].end, legs[0].reason = finish, "disconnected"
		setStatus(in, 80)
	case 3:
		finish = s + r.between(2*second, 8*second)
		in.VoiceStatus, in.Status = domain.VoiceNotConnected, domain.StatusBadNumber
		legs[0].end, legs[0].reason = finish, "failed"
		setStatus(in, 9)
	default:
		finish = s + r.between(4*second, 12*second)
		in.VoiceStatus, in.Status = domain.VoiceOutOfService, domain.StatusBadPhone
		legs[0].end, legs[0].reason = finish, "failed"
		setStatus(in, 9)
	}
	if in.Finished == nil {
		in.Finished, in.AgentEnd = b.ptr(finish), b.ptr(finish)
		b.setLegs(in, legs)
		in.ACW = dur(r.between(2*second, 20*second))
		in.Handle = dur(finish-s) + in.ACW
	}
	b.voiceDetails(in, h, in.VoiceStatus != domain.VoiceAnswered)
	in.Voice.DialedNumber = "PJSIP/701009" + in.Contact.Phone[1:] + "@voip_endpoint_" + in.Voice.Server[4:6]
	b.participants(in, s, finish, nil)
	return plan{finish: finish}
}

// endCall records who hung up: the customer more often than the agent.
func (b *builder) endCall(in *domain.Interaction, finish int64) {
	in.Finished = b.ptr(finish)
	if b.r.chance(0.65) {
		in.ClientEnd = b.ptr(finish)
	} else {
		in.AgentEnd = b.ptr(finish)
	}
}

func (b *builder) talkTimes(in *domain.Interaction, assigned, answered, finish, talk int64) {
	r := b.r
	in.Duration = dur(finish - answered)
	in.ACW = dur(r.lognormal(float64(30*second), 0.6, 5*second, 5*minute))
	in.Handle = dur(finish-assigned) + in.ACW
	if r.chance(0.3) {
		in.Hold = dur(r.between(15*second, max(16*second, min(4*minute, talk/3))))
	}
}

// voiceDetails: server and channel names shaped like seed 000's examples,
// jitter and packet loss spread over its quality bands, and a recording for
// answered calls whose caller allowed it.
func (b *builder) voiceDetails(in *domain.Interaction, h *head, unanswered bool) {
	r, g := b.r, b.g
	v := &domain.VoiceDetails{Server: pick(r, voiceServers)}
	tag := hexString(r, 8)
	v.ExternalChannel = "PJSIP/voip_trunk_sp" + v.Server[4:6] + "-" + tag
	v.InternalChannel = "PJSIP/internal_10.20.0.1" + v.Server[5:6] + "-" + hexString(r, 8)
	if in.VoiceStatus != domain.VoiceNotConnected && in.VoiceStatus != domain.VoiceOutOfService {
		jitter, loss := quality(r)
		v.JitterMs, v.PacketLossPct = &jitter, &loss
	}
	if !unanswered {
		switch (weights{85, 4, 11}).pick(r) {
		case 0:
			v.RecordingPermission = "granted"
			if keys := g.cfg.RecordingKeys; len(keys) > 0 {
				v.RecordingKey = keys[h.i%len(keys)]
			}
		case 1:
			v.RecordingPermission = "denied"
		default:
			v.RecordingPermission = "not_asked"
		}
	}
	in.Voice = v
}

// quality draws jitter (ms) and packet loss (%) in seed 000's bands: high
// (jitter < 70, loss < 1) 70%, medium (jitter 71–150, or loss 1–5) 20%,
// low (jitter ≥ 151 or loss > 5) 10%.
func quality(r *rng) (jitter, loss float64) {
	switch (weights{70, 20, 10}).pick(r) {
	case 0:
		jitter, loss = 2+r.Float64()*66, r.Float64()*0.9
	case 1:
		if r.chance(0.6) {
			jitter, loss = 72+r.Float64()*77, r.Float64()*0.9
		} else {
			jitter, loss = 20+r.Float64()*49, 1.1+r.Float64()*3.8
		}
	default:
		if r.chance(0.5) {
			jitter, loss = 152+r.Float64()*250, r.Float64()*6
		} else {
			jitter, loss = 20+r.Float64()*120, 5.2+r.Float64()*12
		}
	}
	return math.Round(jitter*10) / 10, math.Round(loss*100) / 100
}

func setStatus(in *domain.Interaction, code domain.SessionStatus) {
	in.SessionStatus = &code
}

// agentOf finds an agent by id: ids are "ag-" and the 1-based position.
func (g *Generator) agentOf(id string) *agentProfile {
	n, _ := strconv.Atoi(id[3:])
	return &g.agents[n-1]
}
