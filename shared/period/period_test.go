package period

import (
	"math/rand/v2"
	"testing"
	"time"
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func d(s string) Date {
	x, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func win(from, to string) *Window {
	f, _, err := ParseClock(from)
	if err != nil {
		panic(err)
	}
	t, prec, err := ParseClock(to)
	if err != nil {
		panic(err)
	}
	return &Window{From: f, To: t, ToPrec: prec}
}

func TestSpans(t *testing.T) {
	cases := []struct {
		name  string
		zone  string
		r     Range
		spans []string // from/to pairs, RFC 3339
	}{
		{"New York spring-forward day is 23 hours", "America/New_York",
			Range{From: d("2026-03-08"), To: d("2026-03-08")},
			[]string{"2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"}},
		{"New York fall-back day is 25 hours", "America/New_York",
			Range{From: d("2026-11-01"), To: d("2026-11-01")},
			[]string{"2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"}},
		{"skipped hour selects nothing", "America/New_York",
			Range{From: d("2026-03-08"), To: d("2026-03-08"), Window: win("02:00", "02:59")},
			nil},
		{"window across the skipped hour", "America/New_York",
			Range{From: d("2026-03-08"), To: d("2026-03-08"), Window: win("01:30", "03:29")},
			[]string{"2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"}},
		{"repeated hour selects both of its instants", "America/New_York",
			Range{From: d("2026-11-01"), To: d("2026-11-01"), Window: win("01:00", "01:59")},
			[]string{"2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"}},
		{"Kolkata +05:30", "Asia/Kolkata",
			Range{From: d("2026-05-10"), To: d("2026-05-11"), Window: win("09:00", "09:30:00")},
			[]string{"2026-05-10T03:30:00Z", "2026-05-10T04:00:01Z", "2026-05-11T03:30:00Z", "2026-05-11T04:00:01Z"}},
		{"Kathmandu +05:45", "Asia/Kathmandu",
			Range{From: d("2026-05-10"), To: d("2026-05-10")},
			[]string{"2026-05-09T18:15:00Z", "2026-05-10T18:15:00Z"}},
		{"window wrapping midnight", "UTC",
			Range{From: d("2026-05-10"), To: d("2026-05-11"), Window: win("22:00", "01:59")},
			[]string{"2026-05-10T00:00:00Z", "2026-05-10T02:00:00Z", "2026-05-10T22:00:00Z", "2026-05-11T02:00:00Z", "2026-05-11T22:00:00Z", "2026-05-12T00:00:00Z"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.r.Loc = mustLoc(t, c.zone)
			got := c.r.Spans()
			if len(got)*2 != len(c.spans) {
				t.Fatalf("got %d spans %v, want %v", len(got), got, c.spans)
			}
			for i, s := range got {
				if !s.From.Equal(utc(c.spans[2*i])) || !s.To.Equal(utc(c.spans[2*i+1])) {
					t.Errorf("span %d = [%s, %s), want [%s, %s)", i, s.From.UTC().Format(time.RFC3339), s.To.UTC().Format(time.RFC3339), c.spans[2*i], c.spans[2*i+1])
				}
			}
		})
	}
}

// Spans and Contains are two implementations of one definition: random
// instants around zone transitions must agree.
func TestSpansAgreeWithContains(t *testing.T) {
	zones := []string{"America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Chatham", "UTC"}
	rng := rand.New(rand.NewPCG(1, 2))
	base := utc("2026-01-01T00:00:00Z")
	for n := 0; n < 300; n++ {
		loc := mustLoc(t, zones[rng.IntN(len(zones))])
		from := DateOf(base.AddDate(0, 0, rng.IntN(330)))
		r := Range{From: from, To: from.AddDays(rng.IntN(5)), Loc: loc}
		if rng.IntN(2) == 0 {
			f, to := Clock(rng.Int64N(int64(24*time.Hour))).truncate(), Clock(rng.Int64N(int64(24*time.Hour))).truncate()
			r.Window = &Window{From: f, To: to, ToPrec: time.Second}
		}
		spans := r.Spans()
		lo := from.naive().Add(-20 * time.Hour)
		for k := 0; k < 400; k++ {
			at := lo.Add(time.Duration(rng.Int64N(int64(8 * 24 * time.Hour))))
			in := false
			for _, s := range spans {
				if !at.Before(s.From) && at.Before(s.To) {
					in = true
				}
			}
			if in != r.Contains(at) {
				t.Fatalf("%s %v–%v window %+v: instant %s in spans=%v, Contains=%v", loc, r.From, r.To, r.Window, at.Format(time.RFC3339Nano), in, !in)
			}
		}
	}
}

func (c Clock) truncate() Clock { return Clock(time.Duration(c).Truncate(time.Second)) }

func TestParse(t *testing.T) {
	for _, s := range []string{"", "2026-13-01", "2026-02-30", "26-01-01", "2026-01-01T00:00:00Z"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	for _, s := range []string{"", "24:00", "12:60", "7:00", "12:00:00.5", "noon"} {
		if _, _, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) accepted", s)
		}
	}
	c, prec, err := ParseClock("08:30")
	if err != nil || c.String() != "08:30:00" || prec != time.Minute {
		t.Errorf("ParseClock(08:30) = %v %v %v", c, prec, err)
	}
}
