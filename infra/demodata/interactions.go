package demodata

import (
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// mediaMix follows domain.AllMedia: voice 35%, WhatsApp 30%, then the rest.
var mediaMix = weights{35, 30, 9, 7, 4, 5, 4, 2, 3, 1}

// Interactions yields the interactions in generation order: ids ascending,
// start times roughly ascending. The i-th is a pure function of (Seed, i),
// so large runs are built ahead in parallel chunks and still come out in
// order, identical to a sequential run.
func (g *Generator) Interactions() iter.Seq[domain.Interaction] {
	return func(yield func(domain.Interaction) bool) {
		n := g.cfg.Interactions
		workers := min(runtime.GOMAXPROCS(0), 8)
		if workers < 2 || n < 4*chunkSize {
			b := g.newBuilder()
			for i := range n {
				if !yield(b.build(i)) {
					return
				}
			}
			return
		}
		for in := range g.parallel(n, workers) {
			if !yield(in) {
				return
			}
		}
	}
}

const chunkSize = 512

// parallel builds chunks on worker goroutines and hands them back in
// order; it looks at most 2×workers chunks ahead, and stops its goroutines
// when the consumer stops early.
func (g *Generator) parallel(n, workers int) iter.Seq[domain.Interaction] {
	return func(yield func(domain.Interaction) bool) {
		type job struct {
			from int
			out  chan []domain.Interaction
		}
		done := make(chan struct{})
		jobs := make(chan job)
		order := make(chan chan []domain.Interaction, 2*workers)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer close(done)

		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			defer close(jobs)
			defer close(order)
			for from := 0; from < n; from += chunkSize {
				out := make(chan []domain.Interaction, 1)
				select {
				case order <- out:
				case <-done:
					return
				}
				select {
				case jobs <- job{from, out}:
				case <-done:
					return
				}
			}
		}()
		for range workers {
			go func() {
				defer wg.Done()
				b := g.newBuilder()
				for j := range jobs {
					batch := make([]domain.Interaction, 0, chunkSize)
					for i := j.from; i < min(j.from+chunkSize, n); i++ {
						batch = append(batch, b.build(i))
					}
					j.out <- batch
				}
			}()
		}
		for out := range order {
			for _, in := range <-out {
				if !yield(in) {
					return
				}
			}
		}
	}
}

// Interaction returns the i-th interaction alone, for callers that generate
// in parallel.
func (g *Generator) Interaction(i int) domain.Interaction { return g.newBuilder().build(i) }

// builder carries the reusable random streams of one goroutine.
type builder struct {
	g     *Generator
	r     *rng        // the interaction's own stream
	cr    *rng        // contacts' streams
	times []time.Time // backing store for the record's optional instants: one allocation, not thirty
}

func (g *Generator) newBuilder() *builder { return &builder{g: g, r: newRNG(), cr: newRNG()} }

// head is what an interaction decides first: enough for a bot session to
// find the interaction it handed over to without building all of it.
type head struct {
	i      int
	media  domain.Media
	start  int64
	queue  int
	person person
	viaBot bool  // came through the virtual agent before reaching the queue
	botMs  int64 // how long the bot conversation lasted before start
	flow   int
}

func (b *builder) head(i int) head {
	g, r := b.g, b.r
	r.reset(g.cfg.Seed, kindInteraction, uint64(i), 0)
	h := head{i: i}
	h.start = g.arrivals.at((float64(i) + r.Float64()) / float64(g.cfg.Interactions))
	h.media = domain.AllMedia[mediaMix.pick(r)]
	if g.cfg.Media != "" {
		h.media = g.cfg.Media
	}
	if h.media == domain.MediaReclameAqui {
		h.queue = reclameAquiQueues.pick(r)
	} else {
		h.queue = queueWeights.pick(r)
	}
	j := g.poolSize + i // a one-off customer…
	if r.chance(0.6) {
		j = g.repeatCustomer(r)
	}
	h.person = g.person(b.cr, j)
	switch h.media {
	case domain.MediaWhatsApp, domain.MediaWebchat, domain.MediaTelegram:
		if r.chance(0.4) {
			h.viaBot = true
			h.flow = flowFor(h.queue)
			h.botMs = r.lognormal(float64(100*second), 0.6, 20*second, 15*minute)
		}
	}
	return h
}

// repeatCustomer picks from the pool; a tenth of it (the customers with a
// problem that keeps coming back) gets about three times the contacts.
func (g *Generator) repeatCustomer(r *rng) int {
	if r.chance(0.15) {
		return r.IntN(max(1, g.poolSize/10))
	}
	return r.IntN(g.poolSize)
}

func (b *builder) build(i int) domain.Interaction {
	g, r := b.g, b.r
	h := b.head(i)
	b.times = make([]time.Time, 0, 32)
	q := &queues[h.queue]
	in := domain.Interaction{
		ID:        g.interactionID(i),
		Media:     h.media,
		State:     domain.StateClosed,
		Version:   1,
		Start:     at(h.start),
		Queue:     q.name,
		Service:   q.service,
		Contact:   contactFor(r, h.media, &h.person),
		Portfolio: h.person.portfolio,
		Origin:    origin(r, h.queue),
	}
	var p plan
	if h.media == domain.MediaVoice {
		p = b.voice(&in, &h)
	} else {
		p = b.text(&in, &h)
	}
	if in.Agent != nil && (in.Status == domain.StatusServiceCompleted || in.Status == domain.StatusServiceTransferred) {
		b.outcome(&in)
	}
	in.Protocol = protocol(r, h.media, h.start, g.cfg.Zone)
	if in.Origin != "Portal" && in.Session != nil {
		id := itoa(r.Int64N(900000) + 100000)
		in.Session.TicketID = id
		in.Session.TicketURL = ticketHost + id
	}
	b.settle(&in, &h, &p)
	return in
}

// plan is what the media builders tell settle about the contact's end.
type plan struct {
	finish             int64 // the contact's planned end
	holdFrom, holdTill int64 // personal-queue pause of a text contact (AUT)
}

func origin(r *rng, q int) string {
	switch (weights{80, 10, 6, 4}).pick(r) {
	case 1:
		return "Zendesk"
	case 2:
		return "Salesforce"
	case 3:
		if q == qVendas {
			return "Pipedrive"
		}
	}
	return "Portal"
}

func protocol(r *rng, m domain.Media, start int64, zone *time.Location) string {
	switch m {
	case domain.MediaVoice:
		return voiceProtocol(start)
	case domain.MediaWhatsApp:
		return whatsappProtocol(start, r.IntN(10))
	case domain.MediaChat:
		return chatProtocol(start)
	}
	return numberProtocol(start, zone)
}

// outcome fills what the agent records when closing a handled contact:
// completion tags, disposition with notes, an external protocol sometimes,
// and the customer's satisfaction answer about 40% of the time.
func (b *builder) outcome(in *domain.Interaction) {
	r := b.r
	q := &queues[queueIndex(in.Legs[len(in.Legs)-1].Queue)]
	d := pick(r, q.disposition)
	in.Disposition = &domain.Disposition{Code: d.code, Notes: d.notes}
	in.Tags = []string{d.tag}
	if extra := pick(r, q.tags); extra != d.tag && r.chance(0.3) {
		in.Tags = sortedStrings(append(in.Tags, extra))
	}
	if in.InternalComments == "" && r.chance(0.25) {
		in.InternalComments = pick(r, internalNotes)
	}
	if r.chance(0.2) {
		in.ExternalProtocol = externalProtocol(r, in)
	}
	if r.chance(0.4) {
		w := weights{0, 10, 15, 30, 45}
		if len(in.Legs) > 1 || in.Wait > domain.Duration(5*minute) {
			w = weights{0, 20, 25, 30, 25}
		}
		rating := w.pick(r)
		in.CSAT = &domain.CSAT{Rating: rating}
		if r.chance(0.35) {
			in.CSAT.Comment = pick(r, csatComments[rating])
		}
	}
}

func externalProtocol(r *rng, in *domain.Interaction) string {
	switch {
	case in.Origin == "Zendesk":
		return "ZD-" + itoa(r.Int64N(900000)+100000)
	case in.Origin == "Salesforce":
		return "SF-" + pad(r.Int64N(100000000), 8)
	case in.Media == domain.MediaReclameAqui:
		return "RA-" + itoa(r.Int64N(900000000)+100000000)
	case in.Queue == "Ouvidoria":
		return "ANATEL " + in.Start.Format("2006") + pad(r.Int64N(1000000), 6)
	}
	return "OS-" + in.Start.Format("2006") + "-" + pad(r.Int64N(1000000), 6)
}

func queueIndex(name string) int {
	for i, q := range queues {
		if q.name == name {
			return i
		}
	}
	return 0
}

// pickAgent chooses an agent on shift for queue q at instant t, other than
// the one in not (so a transfer reaches someone else).
func (b *builder) pickAgent(q int, t int64, not *agentProfile) *agentProfile {
	local := time.UnixMilli(t).In(b.g.cfg.Zone)
	on := b.g.staffed[q][local.Weekday()][local.Hour()]
	a := &b.g.agents[on[b.r.IntN(len(on))]]
	for try := 0; a == not && try < 3; try++ {
		a = &b.g.agents[on[b.r.IntN(len(on))]]
	}
	return a
}

// transferTarget picks who receives a transfer: half the time someone of
// another queue, and never the agent handing over while anyone else exists.
func (b *builder) transferTarget(q int, t int64, from *agentProfile) (*agentProfile, int) {
	if b.r.chance(0.5) {
		q = queueWeights.pick(b.r)
	}
	for range queues {
		if a := b.pickAgent(q, t, from); a != from {
			return a, q
		}
		q = (q + 1) % len(queues)
	}
	return from, q
}

// legPlan is one step of the transfer path while it is being built.
type legPlan struct {
	agent      *agentProfile // nil for a queue or menu step
	queue      int
	menu       string
	start, end int64
	reason     string
}

func (b *builder) setLegs(in *domain.Interaction, legs []legPlan) {
	in.Legs = make([]domain.Leg, len(legs))
	for k, l := range legs {
		leg := domain.Leg{Seq: k + 1, Menu: l.menu, Start: at(l.start), End: b.ptr(l.end), EndReason: l.reason}
		if l.menu == "" {
			leg.Queue, leg.Service = queues[l.queue].name, queues[l.queue].service
		}
		if l.agent != nil {
			leg.AgentID, leg.AgentName = l.agent.id, l.agent.name
		}
		in.Legs[k] = leg
	}
	if last := legs[len(legs)-1]; last.agent != nil {
		a := last.agent.agent()
		in.Agent = &a
		in.Queue, in.Service = queues[last.queue].name, queues[last.queue].service
	}
	if in.Session != nil {
		in.Session.Transferred = len(legs) > 1
	}
}

// participants lists the customer and every agent leg (seed 003); a
// virtual agent joins first when the bot or the IVR's virtual agent spoke.
func (b *builder) participants(in *domain.Interaction, userJoined, userLeft int64, va *[2]int64) {
	ps := make([]domain.Participant, 0, 2+len(in.Legs))
	if va != nil {
		ps = append(ps, domain.Participant{Type: "virtual_agent", ID: "fibi", Name: "Fibi (assistente virtual)", Joined: b.ptr(va[0]), Left: b.ptr(va[1])})
	}
	user := domain.Participant{Type: "end_user", Joined: b.ptr(userJoined), Left: b.ptr(userLeft)}
	if in.Contact != nil {
		user.Name = in.Contact.Name
		user.ID = in.Contact.Phone
		if user.ID == "" {
			user.ID = in.Contact.Email
		}
	}
	ps = append(ps, user)
	for _, l := range in.Legs {
		if l.AgentID != "" {
			ps = append(ps, domain.Participant{Type: "agent", ID: l.AgentID, Name: l.AgentName, Joined: b.ptr(l.Start.UnixMilli()), Left: l.End})
		}
	}
	in.Participants = ps
}

func at(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func ptr(ms int64) *time.Time {
	if ms == 0 {
		return nil
	}
	t := at(ms)
	return &t
}

// ptr is the instant ms as an optional field, nil for 0.
func (b *builder) ptr(ms int64) *time.Time {
	if ms == 0 {
		return nil
	}
	if len(b.times) == cap(b.times) {
		b.times = make([]time.Time, 0, 32)
	}
	b.times = append(b.times, at(ms))
	return &b.times[len(b.times)-1]
}

func dur(ms int64) domain.Duration { return domain.Duration(max(ms, 0)) }
