package demodata

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// pace is how fast a channel moves: median reply times of the customer and
// the agent, the queue wait, how many messages, and the caps that keep the
// long tails believable. E-mail and Reclame Aqui move in hours, chats in
// seconds.
type pace struct {
	customer, agent, wait      float64 // medians, ms
	custMax, agentMax, waitMax int64
	minMsgs, maxMsgs           int64
	closeMax                   int64
}

func paceFor(m domain.Media) pace {
	switch m {
	case domain.MediaEmail:
		return pace{float64(4 * hour), float64(2 * hour), float64(3 * hour), 3 * day, day, 2 * day, 4, 8, 30 * minute}
	case domain.MediaReclameAqui:
		return pace{float64(12 * hour), float64(6 * hour), float64(8 * hour), 3 * day, 2 * day, 3 * day, 4, 8, hour}
	case domain.MediaInstagram, domain.MediaFacebook:
		return pace{float64(90 * second), float64(90 * second), float64(10 * minute), 2 * hour, hour, 6 * hour, 4, 16, 5 * minute}
	case domain.MediaSMS:
		return pace{float64(2 * minute), float64(minute), float64(2 * minute), hour, 20 * minute, hour, 4, 12, 3 * minute}
	case domain.MediaWhatsApp, domain.MediaTelegram:
		return pace{float64(minute), float64(45 * second), float64(90 * second), 30 * minute, 10 * minute, 2 * hour, 6, 28, 3 * minute}
	}
	return pace{float64(25 * second), float64(30 * second), float64(40 * second), 10 * minute, 5 * minute, 20 * minute, 6, 24, 2 * minute}
}

// convo accumulates the messages of one text interaction.
type convo struct {
	b         *builder
	msgs      []domain.Message
	cust, biz string // addresses of the two sides
	t         int64  // the clock: when the last message was sent
	agent     *agentProfile
	queue     int
	images    bool // the channel carries pictures
	audio     bool // and voice notes
}

func (c *convo) add(sender string, when int64, ctype, content, url string) *domain.Message {
	r, g := c.b.r, c.b.g
	id := "m" + itoa(int64(len(c.msgs)+1))
	if len(c.msgs) < len(msgIDs) {
		id = msgIDs[len(c.msgs)]
	}
	m := domain.Message{ID: id, At: at(when), Sender: sender, ContentType: ctype, Content: content, MediaURL: url}
	if sender == "customer" {
		m.Direction, m.InitiatedBy, m.From, m.To, m.Status = "in", "user", c.cust, c.biz, "received"
	} else {
		m.Direction, m.InitiatedBy, m.From, m.To = "out", "business", c.biz, c.cust
		if sender == "agent" {
			m.AgentID = c.agent.id
		}
		var after int64
		switch (weights{70, 20, 8, 2}).pick(r) {
		case 0:
			m.Status, after = "read", r.lognormal(float64(40*second), 1.2, 2*second, 2*hour)
		case 1:
			m.Status, after = "delivered", r.between(500, 3*second)
		case 2:
			m.Status = "sent"
		default:
			m.Status, after = "failed", r.between(second, 5*second)
		}
		if after > 0 && when+after < g.end {
			m.StatusUpdatedAt = c.b.ptr(when + after)
		} else if after > 0 {
			m.Status = "sent"
		}
	}
	c.msgs = append(c.msgs, m)
	return &c.msgs[len(c.msgs)-1]
}

func (c *convo) customerSays() {
	r := c.b.r
	switch {
	case c.images && r.chance(0.08):
		c.add("customer", c.t, "image", pick(r, captions), pick(r, imageURLs))
	case c.audio && r.chance(0.06):
		c.add("customer", c.t, "audio", "", pick(r, audioURLs))
	case r.chance(0.4):
		c.add("customer", c.t, "text", c.fresh(queues[c.queue].followups), "")
	default:
		c.add("customer", c.t, "text", c.fresh(customerMore), "")
	}
}

func (c *convo) agentSays(first bool) {
	r := c.b.r
	q := &queues[c.queue]
	switch {
	case (c.queue == qFinanceiro || c.queue == qCobranca) && r.chance(0.15):
		c.add("agent", c.t, "file", agentFile, pick(r, fileURLs))
	case first || r.chance(0.4):
		c.add("agent", c.t, "text", c.fresh(q.answers), "")
	default:
		c.add("agent", c.t, "text", c.fresh(agentMore), "")
	}
}

// fresh picks a line not said in the last few messages.
func (c *convo) fresh(pool []string) string {
	s := pick(c.b.r, pool)
	for try := 0; try < 4 && c.said(s); try++ {
		s = pick(c.b.r, pool)
	}
	return s
}

func (c *convo) said(s string) bool {
	for i := max(0, len(c.msgs)-8); i < len(c.msgs); i++ {
		if c.msgs[i].Content == s {
			return true
		}
	}
	return false
}

// officeHours moves a reply that would be written outside 8h–20h in the
// tenant's zone to the next morning: e-mail and Reclame Aqui are answered
// by a back office.
func (b *builder) officeHours(t int64) int64 {
	zone := b.g.cfg.Zone
	local := time.UnixMilli(t).In(zone)
	if h := local.Hour(); h >= 8 && h < 20 {
		return t
	}
	next := time.Date(local.Year(), local.Month(), local.Day(), 8, 0, 0, 0, zone)
	if local.Hour() >= 20 {
		next = next.AddDate(0, 0, 1)
	}
	return next.UnixMilli() + b.r.Int64N(90*minute)
}

// addresses are the two sides' identities on the channel: phone numbers on
// WhatsApp and SMS, mailboxes for e-mail, handles on social networks.
func addresses(m domain.Media, c *domain.Contact, p *person) (customer, business string) {
	switch m {
	case domain.MediaWhatsApp:
		return c.Phone, brandNumber
	case domain.MediaSMS:
		return c.Phone, smsShort
	case domain.MediaTelegram:
		if c.Phone != "" {
			return c.Phone, brandHandle
		}
		return "@" + p.handle, brandHandle
	case domain.MediaEmail:
		return c.Email, brandEmail
	case domain.MediaInstagram:
		return "@" + p.handle, brandHandle
	case domain.MediaFacebook, domain.MediaReclameAqui:
		return p.name, brand
	}
	return "", ""
}

// text lays out a text interaction message by message: the opening (by
// the customer, the bot's handover, or the company's template), the wait in
// queue, the agent's greeting, turns of customer and agent with transfers
// and a pause on hold, and the closing or the expiry of the window.
func (b *builder) text(in *domain.Interaction, h *head) plan {
	r := b.r
	m, q, s := h.media, h.queue, h.start
	pc := paceFor(m)
	target := int(r.between(pc.minMsgs, pc.maxMsgs)) - 3 // before the closing lines
	c := &convo{b: b, queue: q, msgs: make([]domain.Message, 0, target+8)}
	c.cust, c.biz = addresses(m, in.Contact, &h.person)
	c.images = m != domain.MediaEmail && m != domain.MediaSMS && m != domain.MediaReclameAqui
	c.audio = m == domain.MediaWhatsApp || m == domain.MediaTelegram
	in.From, in.To = c.cust, c.biz

	social := m == domain.MediaInstagram || m == domain.MediaFacebook
	slow := m == domain.MediaEmail || m == domain.MediaReclameAqui
	agentWrites := func(after int64) {
		c.t += after
		if slow {
			c.t = b.officeHours(c.t)
		}
	}
	comment := social && r.chance(0.3)
	proactive := (m == domain.MediaWhatsApp || m == domain.MediaSMS) && !h.viaBot &&
		(q == qCobranca || q == qVendas || q == qFinanceiro) && r.chance(0.35)
	abandoned := !proactive && !comment && !slow && r.chance(0.05)
	expired := (m == domain.MediaChat || m == domain.MediaWhatsApp) && !abandoned && r.chance(0.08)
	nLegs := 1
	if !abandoned && !comment && r.chance(0.15) {
		nLegs = 2
		if r.chance(0.25) {
			nLegs = 3
		}
	}

	switch m {
	case domain.MediaWhatsApp:
		in.Session = &domain.SessionInfo{Lang: "pt-BR", Type: "messaging_whatsapp", SupportNumber: brandNumber, QueuePriority: queues[q].priority}
		in.DID = brandNumber
		in.InitiatedBy = "customer"
		if proactive {
			in.InitiatedBy = "company"
		}
	case domain.MediaSMS:
		in.Session = &domain.SessionInfo{Lang: "pt-BR", Type: "messaging_sms_inbound", SupportNumber: smsShort, QueuePriority: queues[q].priority}
		in.DID = smsShort
		if proactive {
			in.Session.Type = []domain.SessionType{"messaging_sms_outbound", "messaging_sms_api"}[weights{7, 3}.pick(r)]
		}
	}
	if in.Session != nil {
		in.Session.AnswerType = "human"
	}
	var va *[2]int64
	if h.viaBot {
		f := &botFlows[h.flow]
		in.InternalComments = f.nav
		if in.Session != nil {
			in.Session.MenuPath, in.Session.MenuPathID = f.menu.leaf, f.menu.id
		}
		va = &[2]int64{s - h.botMs, s}
	}

	var assigned int64
	if proactive {
		c.agent = b.pickAgent(q, s, nil)
		assigned = s
		tm := c.add("agent", s, "template", templateText, "")
		tm.TemplateID, tm.TemplateName = "1021843956432518", "lembrete_fatura"
		c.t = s + r.lognormal(float64(30*minute), 1.0, minute, 20*hour)
		c.add("customer", c.t, "text", pick(r, queues[q].openers), "")
	} else {
		c.t = s
		if h.viaBot {
			c.add("bot", s, "text", botHandover, "")
			c.t += r.between(2*second, 20*second)
		}
		opener := queues[q].openers
		if comment {
			opener = commentOpeners
		}
		c.add("customer", c.t, "text", pick(r, opener), "")
		queued := s + r.between(0, 2*second)
		in.Queued = b.ptr(queued)
		autoReply := !h.viaBot && !comment && !slow && r.chance(0.5)
		if autoReply || abandoned {
			c.add("bot", c.t+r.between(second, 3*second), "text", botAutoReply, "")
		}
		if abandoned {
			c.t += r.between(2*minute, 8*minute)
			c.add("customer", c.t, "text", pick(r, customerPing), "")
			c.t += r.between(5*minute, 10*minute)
			c.add("bot", c.t, "text", botGaveUp, "")
			in.Messages = c.msgs
			in.Status = domain.StatusAbandoned
			in.Finished = b.ptr(c.t)
			b.setLegs(in, []legPlan{{queue: q, start: queued, end: c.t, reason: "abandoned"}})
			b.textSession(in, h, comment, false)
			b.participants(in, s, c.t, va)
			p := plan{finish: c.t}
			textMetrics(in, &p)
			return p
		}
		assigned = queued + r.lognormal(pc.wait, 0.9, 2*second, pc.waitMax)
		c.agent = b.pickAgent(q, assigned, nil)
		c.t = max(c.t, assigned)
		agentWrites(r.lognormal(pc.agent*0.6, 0.7, 3*second, pc.agentMax))
		if comment {
			c.add("agent", c.t, "text", commentReply, "")
		} else {
			c.add("agent", c.t, "text", c.agent.greeting, "")
		}
	}
	firstAgent := c.t
	if proactive {
		firstAgent = s
	}
	legs := []legPlan{{agent: c.agent, queue: q, start: assigned}}
	in.Assigned, in.Answered, in.FirstMessage = b.ptr(assigned), b.ptr(assigned), b.ptr(firstAgent)

	var p plan
	if comment {
		c.t += r.lognormal(pc.customer, 0.9, 3*second, pc.custMax)
		c.add("customer", c.t, "text", commentAgain, "")
		agentWrites(r.lognormal(pc.agent, 0.8, 3*second, pc.agentMax))
		c.add("agent", c.t, "text", commentFollow, "")
	} else {
		lastCustomer := c.t
		for turn := 0; len(c.msgs) < target; turn++ {
			c.t += r.lognormal(pc.customer, 0.9, 3*second, pc.custMax)
			c.customerSays()
			if r.chance(0.3) {
				c.t += r.between(5*second, 40*second)
				c.customerSays()
			}
			lastCustomer = c.t
			agentWrites(r.lognormal(pc.agent, 0.8, 3*second, pc.agentMax))
			if len(legs) < nLegs {
				c.add("agent", c.t, "text", agentTransfer, "")
				handoff := c.t + 2*second
				legs[len(legs)-1].end, legs[len(legs)-1].reason = handoff, "transferred"
				c.agent, c.queue = b.transferTarget(c.queue, handoff, c.agent)
				legs = append(legs, legPlan{agent: c.agent, queue: c.queue, start: handoff})
				c.t = handoff
				agentWrites(r.lognormal(float64(90*second), 0.8, 15*second, 15*minute))
				c.add("agent", c.t, "text", c.agent.takeOver(c.queue), "")
				continue
			}
			if p.holdFrom == 0 && !slow && (m == domain.MediaChat || m == domain.MediaWhatsApp) && r.chance(0.15) {
				c.add("agent", c.t, "text", agentHold, "")
				p.holdFrom = c.t
				c.t += r.between(2*minute, 12*minute)
				p.holdTill = c.t
			}
			c.agentSays(turn == 0)
		}
		if expired {
			agentWrites(r.lognormal(pc.agent, 0.8, 3*second, pc.agentMax))
			c.add("agent", c.t, "text", agentNudge, "")
			window := 24 * hour // WhatsApp's customer-service window
			if m == domain.MediaChat {
				window = 30 * minute
			}
			p.finish = max(c.t, lastCustomer+window)
		} else {
			agentWrites(r.lognormal(pc.agent, 0.8, 3*second, pc.agentMax))
			c.add("agent", c.t, "text", askMore, "")
			c.t += r.lognormal(pc.customer, 0.9, 3*second, pc.custMax)
			c.add("customer", c.t, "text", pick(r, customerBye), "")
			c.t += r.between(5*second, 40*second)
			c.add("agent", c.t, "text", agentBye, "")
		}
	}
	if p.finish == 0 {
		p.finish = c.t + r.lognormal(float64(30*second), 0.6, 5*second, pc.closeMax)
	}
	last := &legs[len(legs)-1]
	last.end, last.reason = p.finish, "completed"
	if expired {
		last.reason = "expired"
	}
	in.Messages = c.msgs
	in.Finished = b.ptr(p.finish)
	b.setLegs(in, legs)
	in.Status = domain.StatusServiceCompleted
	if len(legs) > 1 {
		in.Status = domain.StatusServiceTransferred
	}
	in.Duration = dur(p.finish - assigned)
	in.ACW = dur(r.lognormal(float64(20*second), 0.7, 0, 3*minute))
	in.Handle = dur(p.finish-assigned) + in.ACW
	in.Hold = dur(p.holdTill - p.holdFrom)
	b.textSession(in, h, comment, expired)
	b.participants(in, s, p.finish, va)
	textMetrics(in, &p)
	return p
}

// textSession sets the fields that depend on how the contact ended: the
// expiration status (chat, WhatsApp), the seed 003 status, and seed 001's
// conversation fields for social networks.
func (b *builder) textSession(in *domain.Interaction, h *head, comment, expired bool) {
	r := b.r
	if in.Media == domain.MediaChat || in.Media == domain.MediaWhatsApp {
		in.Expiration = "active"
		if expired {
			in.Expiration = "expired"
		}
	}
	if in.Session != nil {
		setStatus(in, 8)
	}
	if in.Media != domain.MediaInstagram && in.Media != domain.MediaFacebook {
		return
	}
	cat := pick(r, queues[queueIndex(in.Queue)].categories)
	conv := &domain.Conversation{
		SessionName: in.From, ChannelName: brand, SupportType: "message", Type: "inbound",
		Category: cat.cat, SubCategory: cat.sub, SubSubCategory: cat.subSub,
	}
	if in.Media == domain.MediaInstagram {
		conv.ChannelName = brandHandle
	}
	if comment {
		conv.SupportType = "comment"
	}
	if in.Status == domain.StatusAbandoned {
		conv.Type = "unanswered_24h"
	}
	if r.chance(0.25) {
		conv.Note = pick(r, conversationNotes)
	}
	in.Conversation = conv
}

// textMetrics derives seed 000's and seed 001's times from the messages,
// so they stay true after an in-progress interaction is cut short.
// AFRT: delivery to the agent → first agent message. ART: mean wait of the
// customer for each agent reply. APT/AUT (chat and WhatsApp): the agent's
// active span split into productive time and the pause on hold.
func textMetrics(in *domain.Interaction, p *plan) {
	var first, lastAgent, pending, last, sum int64
	responses, total := 0, 0
	for i := range in.Messages {
		m := &in.Messages[i]
		t := m.At.UnixMilli()
		last = t
		switch m.Sender {
		case "customer":
			total++
			if pending == 0 {
				pending = t
			}
		case "agent":
			total++
			if first == 0 {
				first = t
			}
			lastAgent = t
			if pending != 0 {
				sum += t - pending
				responses++
				pending = 0
			}
		}
	}
	in.AFRT, in.ART, in.APT, in.AUT, in.Wait, in.ResponseCount = 0, 0, 0, 0, 0, responses
	if first != 0 {
		if in.Assigned != nil {
			in.AFRT = dur(first - in.Assigned.UnixMilli())
		}
		in.Wait = dur(first - in.Start.UnixMilli())
		if in.Media == domain.MediaChat || in.Media == domain.MediaWhatsApp {
			aut := max(0, min(p.holdTill, last)-p.holdFrom)
			if p.holdFrom == 0 {
				aut = 0
			}
			in.AUT = dur(aut)
			in.APT = dur(last - first - aut)
		}
	}
	if responses > 0 {
		in.ART = dur(sum / int64(responses))
	}
	in.LastResponse = ""
	if n := len(in.Messages); n > 0 {
		in.LastResponse = in.Messages[n-1].Sender
	}
	if c := in.Conversation; c != nil {
		c.TotalMessages = total
		c.Supported = first != 0
		c.Support = 0
		if first != 0 {
			c.Support = dur(lastAgent - first)
		}
		c.Assigned = in.Agent != nil
		c.Completed = in.State == domain.StateClosed
	}
}
