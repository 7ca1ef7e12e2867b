package domain

import "time"

// Settings are a tenant's preferences. Reports show dates and times in
// TimeZone unless a request names another.
type Settings struct {
	TimeZone   string `json:"timeZone" dynamo:"timeZone"`     // IANA name, e.g. America/Sao_Paulo
	Locale     string `json:"locale" dynamo:"locale"`         // en or pt-BR
	SLAMinutes []int  `json:"slaMinutes" dynamo:"slaMinutes"` // "responded within X minutes" buckets (seed 001)
}

// DefaultSettings apply to a tenant that has saved none.
func DefaultSettings() Settings {
	return Settings{TimeZone: "UTC", Locale: "en", SLAMinutes: []int{1, 5, 15}}
}

// Locales Rastro speaks.
var Locales = []string{"en", "pt-BR"}

// Validate checks the settings; a time zone must load from the IANA database.
func (s *Settings) Validate() error {
	p := &Problems{}
	if s.TimeZone == "" {
		p.Add("timeZone", "is required (an IANA name such as America/Sao_Paulo)")
	} else if _, err := LoadZone(s.TimeZone); err != nil {
		p.Addf("timeZone", "is not an IANA time zone (got %q)", Clip(s.TimeZone))
	}
	if s.Locale == "" {
		p.Add("locale", "is required (en or pt-BR)")
	}
	checkEnum(p, "locale", s.Locale, Locales...)
	if len(s.SLAMinutes) == 0 || len(s.SLAMinutes) > 6 {
		p.Add("slaMinutes", "must list 1 to 6 thresholds")
	}
	for i, m := range s.SLAMinutes {
		if m < 1 || m > 1440 {
			p.Addf("slaMinutes", "thresholds must be from 1 to 1440 minutes (got %d)", m)
			break
		}
		if i > 0 && m <= s.SLAMinutes[i-1] {
			p.Add("slaMinutes", "thresholds must be strictly ascending")
			break
		}
	}
	return p.Err()
}

// LoadZone loads an IANA zone, refusing the "Local" alias, which would
// depend on the machine.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, Errorf(CodeInvalid, "time zone %q is not an IANA name", name)
	}
	return time.LoadLocation(name)
}
