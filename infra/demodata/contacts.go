package demodata

import "github.com/rastro-cc/rastro/shared/domain"

// person is everything known about a customer; each interaction shows the
// part its channel reveals. Contact j is a pure function of (Seed, j).
// Indexes below the pool size are repeat customers, linked in the CRM so
// that their history spans channels; the others appear once.
type person struct {
	name, phone, email, document string
	externalID, crmID, handle    string
	portfolio                    bool
}

func (g *Generator) person(r *rng, j int) person {
	if j < len(g.pool) {
		return g.pool[j]
	}
	return g.makePerson(r, j)
}

func (g *Generator) makePerson(r *rng, j int) person {
	r.reset(g.cfg.Seed, kindContact, uint64(j), 0)
	var p person
	if r.chance(0.08) {
		c := pick(r, companies)
		p.name = c.name
		p.email = "contato@" + c.slug + ".com.br"
		p.handle = c.slug
		p.document = cnpj(r)
	} else {
		f, s := r.IntN(len(firstNames)), r.IntN(len(surnames))
		p.name = firstNames[f] + " " + surnames[s]
		if r.chance(0.4) {
			p.name += " " + pick(r, surnames)
		}
		sep := pick(r, []string{".", "_", ""})
		local := firstFolded[f] + sep + surnameFolded[s]
		if r.chance(0.5) {
			local += pad(r.Int64N(100), 2)
		}
		p.email = local + "@" + pick(r, emailProviders)
		p.handle = firstFolded[f] + "." + surnameFolded[s] + itoa(r.Int64N(1000))
		p.document = cpf(r)
	}
	p.phone = phone(r)
	if j < g.poolSize {
		p.externalID = "CLI-" + pad(int64(j+1), 6)
		p.crmID = "crm-" + pad(int64(j+1), 6)
		p.portfolio = r.chance(0.5)
	}
	return p
}

// contactFor is what a channel shows of the person: phone channels the
// number, e-mail the address, social networks the name, and a document when
// the customer gave it.
func contactFor(r *rng, m domain.Media, p *person) *domain.Contact {
	c := &domain.Contact{Name: p.name, ExternalID: p.externalID, CRMContactID: p.crmID}
	docShare := 0.2
	switch m {
	case domain.MediaVoice, domain.MediaWhatsApp, domain.MediaSMS:
		c.Phone = p.phone
		docShare = 0.5
	case domain.MediaEmail:
		c.Email = p.email
		if r.chance(0.3) {
			c.Phone = p.phone
		}
	case domain.MediaChat, domain.MediaWebchat:
		if r.chance(0.7) {
			c.Email = p.email
		}
		if r.chance(0.4) {
			c.Phone = p.phone
		}
	case domain.MediaTelegram:
		if r.chance(0.6) {
			c.Phone = p.phone
		}
	case domain.MediaReclameAqui:
		c.Phone, c.Email = p.phone, p.email
		docShare = 1
	}
	if r.chance(docShare) {
		c.Document = p.document
	}
	return c
}
