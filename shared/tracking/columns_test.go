package tracking

import (
	"reflect"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Files put HeaderPT on pt-BR headers: a column without one would leave a
// hole in the file's first row.
func TestEveryColumnHasAPortugueseHeader(t *testing.T) {
	for _, c := range columns {
		if c.HeaderPT == "" {
			t.Errorf("column %s has no pt-BR header", c.Key)
		}
	}
	for _, m := range domain.AllMedia {
		en, pt := map[string]string{}, map[string]string{}
		for _, c := range Columns(m) {
			if k, dup := en[c.Header]; dup {
				t.Errorf("%s: %s and %s share the header %q", m, k, c.Key, c.Header)
			}
			if k, dup := pt[c.HeaderPT]; dup {
				t.Errorf("%s: %s and %s share the pt-BR header %q", m, k, c.Key, c.HeaderPT)
			}
			en[c.Header], pt[c.HeaderPT] = c.Key, c.Key
		}
	}
}

// A column's Kind promises the type of its value, and a date or time
// column's Instant is what its text shows; files rely on both.
func TestColumnKindsMatchValues(t *testing.T) {
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 3, 17, 23, 50, 45, 900e6, time.UTC)
	at := func(d time.Duration) *time.Time { x := start.Add(d); return &x }
	for _, m := range domain.AllMedia {
		full := domain.Interaction{
			ID: "f", Media: m, Start: start, Queued: at(time.Second), Assigned: at(2 * time.Second), Answered: at(3 * time.Second),
			FirstMessage: at(4 * time.Second), Finished: at(time.Hour), ClientEnd: at(time.Hour), AgentEnd: at(time.Hour),
			Tags: []string{"a"}, Duration: 5000, Voice: &domain.VoiceDetails{JitterMs: ptr(1.5), PacketLossPct: ptr(0.0)},
		}
		empty := domain.Interaction{ID: "e", Media: m, Start: start}
		for _, in := range []domain.Interaction{full, empty} {
			row := RenderRow(&in, kolkata)
			cols := Columns(m)
			values := Values(nil, cols, &in, kolkata)
			for i, c := range cols {
				v := c.Value(&in, kolkata)
				if !reflect.DeepEqual(v, row.Get(c.Key)) || !reflect.DeepEqual(values[i], v) {
					t.Errorf("%s %s: Value %#v, Values %#v, RenderRow %#v", m, c.Key, v, values[i], row.Get(c.Key))
				}
				if (c.Layout != "") != c.Kind.IsInstant() {
					t.Errorf("%s: kind %d with layout %q", c.Key, c.Kind, c.Layout)
				}
				var ok bool
				switch c.Kind {
				case KindText:
					_, ok = v.(string)
				case KindList:
					l, isList := v.([]string)
					ok = isList && l != nil
				case KindDuration:
					_, ok = v.(domain.Duration)
				case KindNumber:
					_, ok = v.(*float64)
				case KindDate, KindTime, KindDateTime:
					text, isText := v.(string)
					shown := ""
					if t := c.Instant(&in); t != nil {
						shown = t.In(kolkata).Format(c.Layout)
					}
					ok = isText && text == shown
				}
				if !ok {
					t.Errorf("%s %s (kind %d): value %#v", m, c.Key, c.Kind, v)
				}
			}
		}
	}
}
