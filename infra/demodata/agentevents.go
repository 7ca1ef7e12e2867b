package demodata

import (
	"iter"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// pauseReasons with their usual length in minutes (lo, hi). On a 6h20
// shift lunch is the 20-minute break NR-17 grants; full-day agents get an
// hour.
var pauseReasons = []struct {
	reason string
	lo, hi int64
}{
	{"almoço", 18, 25},
	{"café", 8, 15},
	{"banheiro", 3, 8},
	{"treinamento", 30, 60},
	{"feedback", 10, 20},
}

// AgentEvents yields, day by day and agent by agent, each working day's
// login, one to four pauses (each with its reason and followed by ready)
// and logout, in the agent's shift in the tenant's zone. Days off and a few
// absences leave gaps; a shift still running at End has no logout yet.
func (g *Generator) AgentEvents() iter.Seq[domain.AgentEvent] {
	return func(yield func(domain.AgentEvent) bool) {
		r := newRNG()
		zone := g.cfg.Zone
		first := time.UnixMilli(g.start).In(zone)
		last := time.UnixMilli(g.end).In(zone)
		qnames := make([][]string, len(g.agents))
		for i := range g.agents {
			qnames[i] = sortedStrings(g.agents[i].queueNames())
		}
		var day []domain.AgentEvent
		for d := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, zone); !d.After(last); d = d.AddDate(0, 0, 1) {
			for i := range g.agents {
				a := &g.agents[i]
				if !a.workdays[d.Weekday()] {
					continue
				}
				r.reset(g.cfg.Seed, kindAgentDay, uint64(i), uint64(d.Year()*10000+int(d.Month())*100+d.Day()))
				if r.chance(0.04) {
					continue // sick day or vacation
				}
				day = g.agentDay(r, a, d, qnames[i], day[:0])
				if len(day) == 0 || day[0].At.UnixMilli() < g.start {
					continue // the shift began before the window
				}
				for _, e := range day {
					if e.At.UnixMilli() >= g.end {
						break
					}
					if !yield(e) {
						return
					}
				}
			}
		}
	}
}

func (g *Generator) agentDay(r *rng, a *agentProfile, d time.Time, qnames []string, out []domain.AgentEvent) []domain.AgentEvent {
	midnight := d.UnixMilli()
	login := midnight + int64(a.shift.startMin)*minute + r.between(-10*minute, 12*minute) + r.Int64N(minute)
	logout := midnight + int64(a.shift.startMin+a.shift.lenMin)*minute + r.between(0, 15*minute) + r.Int64N(minute)
	ev := func(typ, reason string, t int64) domain.AgentEvent {
		return domain.AgentEvent{
			AgentID: a.id, AgentName: a.name, Type: typ, Reason: reason, At: at(t),
			Queues: append([]string(nil), qnames...), Tags: append([]string(nil), a.tags...),
		}
	}
	out = append(out, ev("login", "", login))

	// Pauses sit one per equal segment of the shift, lunch in the middle one.
	n := []int{1, 2, 3, 4}[weights{15, 35, 35, 15}.pick(r)]
	lunchAt := n / 2
	seg := (logout - login) / int64(n)
	for k := range n {
		p := pauseReasons[1+weights{40, 30, 15, 15}.pick(r)]
		if k == lunchAt {
			p = pauseReasons[0]
			if a.shift.lenMin > 400 {
				p.lo, p.hi = 55, 65
			}
		}
		length := r.between(p.lo*minute, p.hi*minute) + r.Int64N(minute)
		room := seg - length - 10*minute
		from := login + int64(k)*seg + 5*minute
		if room > 0 {
			from += r.Int64N(room)
		}
		out = append(out, ev("pause", p.reason, from), ev("ready", "", from+length))
	}
	return append(out, ev("logout", "", logout))
}
