package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Fold puts text in the form name searches compare: lower case, accents
// removed ("José" and "JOSE" both fold to "jose"). Rows store their
// folded names, so a case- and accent-insensitive substring search is a
// plain contains() inside DynamoDB.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Digits keeps only the digits of a phone number, so "+55 (11) 99999-0000"
// and "5511999990000" compare equal.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameSeparator joins folded names in one attribute. Names can't hold
// control characters (domain validation), so a search term can't match
// across two names.
const nameSeparator = "\n"

// rowSearch is what report filters compare that the interaction doesn't
// hold in that form: folded names, every agent and service of the
// transfer path, every phone number in digits, the email in lower case.
type rowSearch struct {
	ContactFold string   `dynamo:"xContact,omitempty"`
	AgentFold   string   `dynamo:"xAgents,omitempty"`
	AgentIDs    []string `dynamo:"xAgentIds,set,omitempty"`
	Services    []string `dynamo:"xServices,set,omitempty"`
	Phones      []string `dynamo:"xPhones,set,omitempty"`
	Email       string   `dynamo:"xEmail,omitempty"`
	Preview     string   `dynamo:"preview,omitempty"`
}

func searchOf(in *domain.Interaction) rowSearch {
	var s rowSearch
	if c := in.Contact; c != nil {
		s.ContactFold = Fold(c.Name)
		s.Email = strings.ToLower(c.Email)
	}
	var names, phones []string
	if a := in.Agent; a != nil && a.Name != "" {
		names = append(names, Fold(a.Name))
	}
	for _, l := range in.Legs {
		if l.AgentName != "" {
			names = append(names, Fold(l.AgentName))
		}
	}
	s.AgentFold = strings.Join(unique(names), nameSeparator)
	s.AgentIDs = in.AgentIDs()
	s.Services = in.Services()
	for _, p := range []string{contactPhone(in), in.From, in.To, in.DID} {
		if d := Digits(p); len(d) >= 3 {
			phones = append(phones, d)
		}
	}
	s.Phones = unique(phones)
	s.Preview = preview(in.Messages)
	return s
}

func contactPhone(in *domain.Interaction) string {
	if in.Contact == nil {
		return ""
	}
	return in.Contact.Phone
}

// unique keeps the first of each value, in order.
func unique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(s))
	out := s[:0:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// previewLen is seed 004's "first 80 characters of the message body".
const previewLen = 80

// preview is the start of the first text message, what seed 004's history
// window shows of a text interaction.
func preview(msgs []domain.Message) string {
	for _, m := range msgs {
		if m.ContentType == "text" && m.Content != "" {
			r := []rune(m.Content)
			if len(r) > previewLen {
				r = r[:previewLen]
			}
			return string(r)
		}
	}
	return ""
}
