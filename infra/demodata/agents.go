package demodata

import (
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// shift is a working period in the tenant's zone; it may cross midnight.
type shift struct {
	name     string
	startMin int // minutes after local midnight
	lenMin   int
}

// Brazilian call centers run 6h20 shifts (NR-17) for most agents and a few
// full-day ones.
var (
	shiftMorning   = shift{"manhã", 7 * 60, 380}
	shiftAfternoon = shift{"tarde", 13*60 + 20, 380}
	shiftFullDay   = shift{"integral", 9 * 60, 540}
	shiftNight     = shift{"noite", 22 * 60, 380}
)

type agentProfile struct {
	id, name, first string
	tags            []string
	queues          []int
	shift           shift
	workdays        [7]bool
	extension       string
	greeting        string
}

func (a *agentProfile) agent() domain.Agent {
	return domain.Agent{ID: a.id, Name: a.name, Tags: append([]string(nil), a.tags...)}
}

// takeOver is what an agent says on receiving a transfer.
func (a *agentProfile) takeOver(q int) string {
	return "Olá! Aqui é " + a.first + ", do setor " + queues[q].name + ". Vou continuar o seu atendimento a partir daqui."
}

func (a *agentProfile) queueNames() []string {
	out := make([]string, len(a.queues))
	for i, q := range a.queues {
		out[i] = queues[q].name
	}
	return out
}

// onShift reports whether the agent works at local hour h of weekday wd,
// counting a night shift that began the evening before.
func (a *agentProfile) onShift(wd time.Weekday, h int) bool {
	m := h*60 + 30
	for back := 0; back <= 1; back++ {
		d := (int(wd) - back + 7) % 7
		if !a.workdays[d] {
			continue
		}
		start := a.shift.startMin - back*24*60
		if m >= start && m < start+a.shift.lenMin {
			return true
		}
	}
	return false
}

// primaryQueues spreads agents over queues in proportion to their volume.
var primaryQueues = []int{
	qSuporte, qVendas, qFinanceiro, qSuporte, qCobranca, qInstalacao, qSuporte, qVendas,
	qRetencao, qFinanceiro, qSuporte, qOuvidoria, qCobranca, qVendas, qInstalacao,
}

func makeAgents(seed int64, n int) []agentProfile {
	r := newRNG()
	out := make([]agentProfile, n)
	for i := range out {
		r.reset(seed, kindAgent, uint64(i), 0)
		a := &out[i]
		a.id = "ag-" + pad(int64(i+1), 3)
		if i < len(agentNames) {
			a.name = agentNames[i]
		} else {
			// First name and two surnames: never one of the two-part names
			// above, and unique while (first, middle) pairs last.
			k := i - len(agentNames)
			f, m := k%len(firstNames), k/len(firstNames)
			a.name = firstNames[f] + " " + surnames[m%len(surnames)] + " " + surnames[(m+1+f%7)%len(surnames)]
			if m >= len(surnames) {
				a.name += " " + itoa(int64(m/len(surnames)+1))
			}
		}
		a.first = a.name[:strings.IndexByte(a.name+" ", ' ')]
		a.extension = itoa(int64(2001 + i))
		a.greeting = "Olá! Meu nome é " + a.first + " e vou cuidar do seu atendimento. Em que posso ajudar?"

		night := i%10 == 7
		a.queues = []int{primaryQueues[i%len(primaryQueues)]}
		if night {
			a.queues = []int{qSuporte, pick(r, []int{qVendas, qFinanceiro})}
		} else if r.chance(0.45) {
			if q := queueWeights.pick(r); q != a.queues[0] {
				a.queues = append(a.queues, q)
			}
		}
		switch {
		case night:
			a.shift = shiftNight
		case i%3 == 0:
			a.shift = shiftMorning
		case i%3 == 1:
			a.shift = shiftAfternoon
		default:
			a.shift = shiftFullDay
		}
		weekend := !night && r.chance(0.3)
		for d := time.Monday; d <= time.Friday; d++ {
			a.workdays[d] = true
		}
		if weekend {
			// Weekend staff work Wednesday to Sunday.
			a.workdays[time.Monday], a.workdays[time.Tuesday] = false, false
			a.workdays[time.Saturday], a.workdays[time.Sunday] = true, true
		}
		if night {
			a.workdays[time.Sunday] = true
			a.workdays[time.Friday] = false
		}

		switch (weights{30, 45, 25}).pick(r) {
		case 0:
			a.tags = append(a.tags, "senior")
		case 1:
			a.tags = append(a.tags, "pleno")
		default:
			a.tags = append(a.tags, "junior")
		}
		if r.chance(0.15) {
			a.tags = append(a.tags, "bilingual")
		}
		if night {
			a.tags = append(a.tags, "night-shift")
		}
		if weekend {
			a.tags = append(a.tags, "weekend")
		}
		a.tags = sortedStrings(a.tags)
	}
	return out
}

// staffing indexes, for each queue, weekday and local hour, the agents
// on shift who serve the queue; when nobody is, every agent of the queue
// (on-call), and when the queue has nobody at all, the whole team.
func staffing(agents []agentProfile) [][7][24][]int {
	out := make([][7][24][]int, len(queues))
	for q := range queues {
		var serving []int
		for i := range agents {
			for _, aq := range agents[i].queues {
				if aq == q {
					serving = append(serving, i)
				}
			}
		}
		if len(serving) == 0 {
			for i := range agents {
				serving = append(serving, i)
			}
		}
		for wd := range 7 {
			for h := range 24 {
				var on []int
				for _, i := range serving {
					if agents[i].onShift(time.Weekday(wd), h) {
						on = append(on, i)
					}
				}
				if len(on) == 0 {
					on = serving
				}
				out[q][wd][h] = on
			}
		}
	}
	return out
}

func sortedStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}
