package demodata

import (
	"iter"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

var (
	botChannels = []domain.Media{domain.MediaWhatsApp, domain.MediaWebchat, domain.MediaTelegram}
	botFlowMix  = weights{25, 25, 12, 12, 10, 16} // by botFlows index

	faqQuestion = "qual o horário de atendimento?"
	faqAnswer   = "Nosso atendimento humano funciona de segunda a sábado, das 8h às 21h. O suporte técnico atende 24 horas."
	wantHuman   = "quero falar com um atendente"
)

// BotSessions yields the chatbot sessions (seed 002), about 67 a day.
// Session k is a pure function of (Seed, k). About 30% went to a human;
// when one of the interactions generated around the same instant came
// through the bot, the session is that interaction's bot phase: same
// channel, same customer, ending when the interaction starts, and
// InteractionID names it.
func (g *Generator) BotSessions() iter.Seq[domain.BotSession] {
	return func(yield func(domain.BotSession) bool) {
		b, r := g.newBuilder(), newRNG()
		for k := range g.botCount {
			if !yield(b.botSession(r, k)) {
				return
			}
		}
	}
}

// botChat accumulates a session's messages.
type botChat struct {
	g         *Generator
	r         *rng
	msgs      []domain.Message
	cust, biz string
}

func (c *botChat) add(sender, content string, when int64) {
	m := domain.Message{
		ID: msgIDs[len(c.msgs)%len(msgIDs)], At: at(when), Sender: sender, ContentType: "text", Content: content,
		Direction: "out", InitiatedBy: "business", From: c.biz, To: c.cust, Status: "received",
	}
	if sender == "customer" {
		m.Direction, m.InitiatedBy, m.From, m.To = "in", "user", c.cust, c.biz
	} else {
		m.Status = "delivered"
		after := c.r.between(2*second, 60*second)
		if c.r.chance(0.75) {
			m.Status = "read"
		}
		if when+after < c.g.end {
			m.StatusUpdatedAt = ptr(when + after)
		} else {
			m.Status = "sent"
		}
	}
	c.msgs = append(c.msgs, m)
}

// line is one message of a bot script.
type line struct {
	customer bool
	text     string
}

func botLine(t string) line      { return line{false, t} }
func customerLine(t string) line { return line{true, t} }

// say lays lines out over [from, to]: the bot answers within a second or
// two, the customer takes a while to type.
func (c *botChat) say(from, to int64, lines []line) {
	w := make([]float64, len(lines))
	total := 0.0
	for i := 1; i < len(lines); i++ {
		w[i] = 0.03
		if lines[i].customer {
			w[i] = 0.3 + c.r.Float64()
		}
		total += w[i]
	}
	acc := 0.0
	for i, l := range lines {
		acc += w[i]
		t := from
		if total > 0 {
			t += int64(float64(to-from) * acc / total)
		}
		sender := "bot"
		if l.customer {
			sender = "customer"
		}
		c.add(sender, l.text, t)
	}
}

func (b *builder) botSession(r *rng, k int) domain.BotSession {
	g := b.g
	r.reset(g.cfg.Seed, kindBot, uint64(k), 0)
	s := domain.BotSession{ID: uuid4(r), Version: 1}
	human := r.chance(0.30)

	var link *head
	if human && g.cfg.Interactions > 0 {
		n, bn := int64(g.cfg.Interactions), int64(g.botCount)
		lo, hi := int(int64(k)*n/bn), int((int64(k)+1)*n/bn)
		for i := lo; i < hi && i < lo+64; i++ {
			if h := b.head(i); h.viaBot && h.start-h.botMs >= g.start {
				link = &h
				break
			}
		}
	}

	var (
		flow       *botFlow
		p          person
		start, end int64 // of the last conversation
		queue      int
	)
	if link != nil {
		s.Channel, flow, p = link.media, &botFlows[link.flow], link.person
		start, end, queue = link.start-link.botMs, link.start, link.queue
		s.InteractionID = g.interactionID(link.i)
	} else {
		s.Channel = botChannels[weights{75, 18, 7}.pick(r)]
		flow = &botFlows[botFlowMix.pick(r)]
		j := g.poolSize + g.cfg.Interactions + k
		if r.chance(0.6) {
			j = g.repeatCustomer(r)
		}
		p = g.person(b.cr, j)
		start = g.arrivals.at((float64(k) + r.Float64()) / float64(g.botCount))
		end = start + r.lognormal(float64(90*second), 0.6, 20*second, 10*minute)
		queue = flow.queue
		if queue < 0 {
			queue = qSuporte
		}
	}

	reason := "transferred"
	if !human {
		switch (weights{60, 25, 15}).pick(r) {
		case 0:
			reason = "completed"
		case 1:
			reason = "cancelled_inactivity"
		default:
			reason = "abandoned"
		}
		if flow.solved == "" && reason == "completed" || reason == "cancelled_inactivity" && s.Channel != domain.MediaWhatsApp {
			reason = "abandoned"
		}
	}

	c := &botChat{g: g, r: r, msgs: make([]domain.Message, 0, 16)}
	switch s.Channel {
	case domain.MediaWhatsApp:
		s.Phone, s.Contact = p.phone, p.phone
		c.cust, c.biz = p.phone, brandNumber
	case domain.MediaTelegram:
		s.Contact = "@" + p.handle
		if r.chance(0.6) {
			s.Phone = p.phone
		}
		c.cust, c.biz = s.Contact, brandHandle
	default:
		s.Contact = p.email
		if r.chance(0.4) {
			s.Phone = p.phone
		}
	}
	s.Name = p.name

	// Earlier, quick conversations in the same 24-hour window.
	earlier := 0
	if r.chance(0.25) {
		earlier = 1
		if r.chance(0.3) {
			earlier = 2
		}
	}
	starts := make([]int64, 0, 3)
	next := start
	for range earlier {
		st := next - r.between(20*minute, 6*hour) - 3*minute
		if st < g.start {
			break
		}
		starts = append(starts, st)
		next = st
	}
	labels := append([]string(nil), flow.labels...)
	for i := len(starts) - 1; i >= 0; i-- {
		st := starts[i]
		c.say(st, st+r.between(30*second, 3*minute), []line{botLine(botMenu), customerLine(faqQuestion), botLine(faqAnswer)})
		s.Conversations = append(s.Conversations, domain.BotConversation{
			ID: s.ID + "-" + itoa(int64(len(s.Conversations)+1)), Start: at(st), End: ptr(c.msgs[len(c.msgs)-1].At.UnixMilli()), Status: "completed",
		})
		labels = append(labels, "Horário de Atendimento")
	}

	// The conversation that decides the session.
	lines := []line{botLine(botMenu), customerLine(flow.option)}
	for i, l := range flow.exchange {
		if reason != "completed" && i == 2 {
			break // short of the end of the flow
		}
		lines = append(lines, line{i%2 == 1, strings.ReplaceAll(l, "<cpf>", p.document)})
		if reason != "completed" && reason != "transferred" {
			break // the customer never answered the bot's question
		}
	}
	switch reason {
	case "completed":
		for _, l := range flow.finale {
			lines = append(lines, botLine(l))
		}
		labels = append(labels, flow.solved)
	case "transferred":
		if flow.queue >= 0 {
			lines = append(lines, customerLine(wantHuman))
		}
		lines = append(lines, botLine(botHandover))
		labels = append(labels, handoverLabel)
	}
	c.say(start, end, lines)
	if reason == "transferred" {
		c.msgs[len(c.msgs)-1].At = at(end) // the handover is the instant the interaction starts
	}
	sessionStart := start
	if len(starts) > 0 {
		sessionStart = starts[len(starts)-1]
	}
	switch reason {
	case "abandoned":
		end += 10 * minute // the web chat's idle timeout
	case "cancelled_inactivity":
		end = sessionStart + 24*hour // WhatsApp closes the window
	}
	final := domain.BotConversation{
		ID: s.ID + "-" + itoa(int64(len(s.Conversations)+1)), Start: at(start), WentToHuman: human, Status: reason,
	}
	s.Start = at(sessionStart)
	s.Protocol = numberProtocol(sessionStart, g.cfg.Zone)
	s.WentToHuman = human
	if end < g.end {
		s.End, final.End, s.EndReason = ptr(end), ptr(end), reason
		s.Updated = at(min(end+r.between(minute, 5*minute), g.end))
	} else {
		// Still open at End: nothing after End, no end reason yet.
		final.Status = ""
		kept := c.msgs[:0]
		for _, m := range c.msgs {
			if m.At.UnixMilli() < g.end {
				kept = append(kept, m)
			}
		}
		c.msgs = kept
		s.Updated = at(sessionStart)
		if n := len(c.msgs); n > 0 {
			s.Updated = c.msgs[n-1].At
		}
	}
	s.Conversations = append(s.Conversations, final)
	s.Messages = c.msgs
	s.Labels = uniqueSorted(labels)

	s.Info = map[string]string{"INTENCAO": flow.intent, "OPCAO_MENU": flow.option, "CPF_INFORMADO": "false"}
	for _, m := range c.msgs {
		if m.Sender == "customer" && m.Content == p.document {
			s.Info["CPF_INFORMADO"] = "true"
		}
	}
	if human {
		s.Queue = queues[queue].name
		s.Info["FILA_TRANSBORDO"] = queues[queue].name
	} else {
		s.Info["NAO_TRANSBORDADA"] = "true"
	}
	return s
}

func uniqueSorted(s []string) []string {
	s = sortedStrings(s)
	out := s[:0]
	for _, x := range s {
		if len(out) == 0 || x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
