package worktime_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/period"
	"github.com/rastro-cc/rastro/shared/worktime"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func day(s string) time.Time { return at(s + "T00:00:00Z") }

const hour = int64(time.Hour / time.Millisecond)

func TestDays(t *testing.T) {
	ev := func(typ, when, reason string) domain.AgentEvent {
		return domain.AgentEvent{AgentID: "ag-1", Type: typ, At: at(when), Reason: reason}
	}
	cases := []struct {
		name   string
		events []domain.AgentEvent
		want   map[time.Time][]worktime.Span
	}{
		{
			name: "a shift with a pause",
			events: []domain.AgentEvent{
				ev("logout", "2026-10-05T17:00:00Z", ""), ev("login", "2026-10-05T09:00:00Z", ""),
				ev("pause", "2026-10-05T12:00:00Z", "almoço"), ev("ready", "2026-10-05T13:00:00Z", ""),
			},
			want: map[time.Time][]worktime.Span{day("2026-10-05"): {
				{From: 9 * hour, To: 12 * hour, Status: worktime.Available, Event: true},
				{From: 12 * hour, To: 13 * hour, Status: worktime.Paused, Reason: "almoço", Event: true},
				{From: 13 * hour, To: 17 * hour, Status: worktime.Available, Event: true},
			}},
		},
		{
			name:   "a pause across midnight counts on its own day only",
			events: []domain.AgentEvent{ev("pause", "2026-10-05T23:00:00Z", "café"), ev("logout", "2026-10-06T01:00:00Z", "")},
			want: map[time.Time][]worktime.Span{
				day("2026-10-05"): {{From: 23 * hour, To: 24 * hour, Status: worktime.Paused, Reason: "café", Event: true}},
				day("2026-10-06"): {{From: 0, To: hour, Status: worktime.Paused, Reason: "café"}},
			},
		},
		{
			name:   "a login never closed lasts a day",
			events: []domain.AgentEvent{ev("login", "2026-10-05T10:00:00Z", ""), ev("logout", "2026-10-09T10:00:00Z", "")},
			want: map[time.Time][]worktime.Span{
				day("2026-10-05"): {{From: 10 * hour, To: 24 * hour, Status: worktime.Available, Event: true}},
				day("2026-10-06"): {{From: 0, To: 10 * hour, Status: worktime.Available}},
			},
		},
		{
			name: "a pause ended at its own instant still counts; a replayed event is one",
			events: []domain.AgentEvent{
				ev("pause", "2026-10-05T10:00:00Z", "banheiro"), ev("ready", "2026-10-05T10:00:00Z", ""),
				ev("pause", "2026-10-05T10:00:00Z", "banheiro"), ev("logout", "2026-10-05T11:00:00Z", ""),
			},
			want: map[time.Time][]worktime.Span{day("2026-10-05"): {
				{From: 10 * hour, To: 10 * hour, Status: worktime.Paused, Reason: "banheiro", Event: true},
				{From: 10 * hour, To: 11 * hour, Status: worktime.Available, Event: true},
			}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := worktime.Days(c.events)
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Days:\n got %+v\nwant %+v", got, c.want)
			}
			for d, spans := range got {
				back, err := worktime.Decode(worktime.Encode(spans))
				if err != nil || !reflect.DeepEqual(back, spans) {
					t.Fatalf("%s: Decode(Encode) = %+v, %v; want %+v", d, back, err, spans)
				}
			}
		})
	}
}

func TestEncodeReasons(t *testing.T) {
	spans := []worktime.Span{{From: 0, To: 5, Status: worktime.Paused, Reason: "a,b;c%2C d", Event: true}, {From: 5, To: 9, Status: worktime.Available}}
	back, err := worktime.Decode(worktime.Encode(spans))
	if err != nil || !reflect.DeepEqual(back, spans) {
		t.Fatalf("got %+v, %v", back, err)
	}
	for _, bad := range []string{"1,2", "x,2,a", "5,2,a", "1,2,z", "0,86400001,a"} {
		if _, err := worktime.Decode(bad); err == nil {
			t.Errorf("Decode(%q) took it", bad)
		}
	}
}

// TestPlanSumsExactly holds the plan's reads (months' totals, days'
// spans) equal to walking the events minute by minute, for random
// periods in zones with :30 and :45 offsets and DST, with and without a
// time window, and checks that a month-long period reads few items.
func TestPlanSumsExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	zones := []string{"America/Sao_Paulo", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "UTC"}
	base := day("2026-09-20")
	windows := 0 // calendar months seen through a window of whole hours
	for n := range 400 {
		events := randomEvents(r, base, 70)
		days := worktime.Days(events)
		monthly := map[time.Time]worktime.Month{}
		for d, spans := range days {
			m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
			x := monthly[m]
			x.Add(worktime.DayMonth(d, spans), 1)
			monthly[m] = x
		}
		loc, _ := time.LoadLocation(zones[n%len(zones)])
		from := period.DateOf(base.AddDate(0, 0, r.IntN(40)))
		rng := period.Range{From: from, To: from.AddDays(r.IntN(35)), Loc: loc}
		calendarMonth := n%4 == 0 // the report's usual question
		if calendarMonth {
			rng.From = period.Date{Year: 2026, Month: time.Month(10 + r.IntN(2)), Day: 1}
			rng.To = rng.From.AddDays(time.Date(2026, rng.From.Month+1, 0, 0, 0, 0, 0, time.UTC).Day() - 1)
		}
		if r.IntN(3) == 0 {
			// On quarter-hours, as the Agents report takes them.
			from := time.Duration(r.IntN(96)) * 15 * time.Minute
			rng.Window = &period.Window{From: period.Clock(from), To: period.Clock(from + time.Duration(r.IntN(16))*15*time.Minute + 14*time.Minute), ToPrec: time.Minute}
			if rng.Window.To >= period.Clock(24*time.Hour) {
				rng.Window.To = period.Clock(24*time.Hour - time.Minute)
			}
		}
		spans := rng.Spans()
		end := spans[len(spans)-1].To
		p := worktime.NewPlan(spans, end)
		months := map[time.Time]worktime.Month{}
		for _, m := range p.Months {
			months[m] = monthly[m]
		}
		read := map[time.Time][]worktime.Span{}
		for _, d := range p.Days {
			if s, ok := days[d]; ok {
				read[d] = s
			}
		}
		got := p.Sum(spans, months, read)
		want := bruteForce(events, rng)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("period %s–%s %s window %v:\n got %+v\nwant %+v", rng.From, rng.To, loc, rng.Window, got, want)
		}
		// A calendar month reads its month item and the days its zone's
		// midnights cut; with a window of whole UTC hours, the month
		// item's hours (and the days a DST change moves the window off
		// them).
		wholeHours := rng.Window != nil && time.Duration(rng.Window.From)%time.Hour == 0 && (time.Duration(rng.Window.To)+time.Minute)%time.Hour == 0 &&
			!slices.Contains([]string{"Asia/Kolkata", "Asia/Kathmandu"}, loc.String())
		if calendarMonth && (rng.Window == nil || wholeHours) && len(p.Days) > 3+2*len(p.Months) {
			t.Errorf("%s–%s in %s window %v reads %d days and %d months", rng.From, rng.To, loc, rng.Window, len(p.Days), len(p.Months))
		}
		if calendarMonth && wholeHours {
			windows++
		}
	}
	if windows == 0 {
		t.Error("no calendar month was seen through a window of whole hours")
	}
}

// randomEvents is one agent's shifts over days days from base, on whole
// minutes, some left open (the Cap closes them) and some pauses ended at
// their own instant.
func randomEvents(r *rand.Rand, base time.Time, days int) []domain.AgentEvent {
	var out []domain.AgentEvent
	reasons := []string{"almoço", "café", "treinamento"}
	at := base.Add(time.Duration(r.IntN(24*60)) * time.Minute)
	for at.Before(base.AddDate(0, 0, days)) {
		ev := func(typ, reason string) {
			out = append(out, domain.AgentEvent{AgentID: "ag-1", Type: typ, Reason: reason, At: at})
		}
		ev("login", "")
		for range r.IntN(4) {
			at = at.Add(time.Duration(5+r.IntN(240)) * time.Minute)
			ev("pause", reasons[r.IntN(len(reasons))])
			at = at.Add(time.Duration(r.IntN(60)) * time.Minute)
			if r.IntN(5) > 0 {
				ev("ready", "")
			}
		}
		at = at.Add(time.Duration(30+r.IntN(300)) * time.Minute)
		if r.IntN(6) > 0 {
			ev("logout", "")
		}
		at = at.Add(time.Duration(60+r.IntN(40*60)) * time.Minute)
	}
	return out
}

// bruteForce walks the period minute by minute: the agent is in the
// status of their last event at or before the minute, for at most Cap.
func bruteForce(events []domain.AgentEvent, rng period.Range) worktime.Totals {
	evs := worktime.Sorted(events)
	spans := rng.Spans()
	var t worktime.Totals
	reason := func(k string, n, ms int64) {
		if t.Reasons == nil {
			t.Reasons = map[string]worktime.Reason{}
		}
		x := t.Reasons[k]
		x.Count += n
		x.Time += ms
		t.Reasons[k] = x
	}
	const minute = int64(time.Minute / time.Millisecond)
	for m := spans[0].From; m.Before(spans[len(spans)-1].To); m = m.Add(time.Minute) {
		if !rng.Contains(m) {
			continue
		}
		i := len(evs) - 1
		for i >= 0 && evs[i].At.After(m) {
			i--
		}
		if i < 0 || m.Sub(evs[i].At) >= worktime.Cap {
			continue
		}
		switch worktime.StatusOf(evs[i].Type) {
		case worktime.Available:
			t.Logged += minute
		case worktime.Paused:
			t.Logged += minute
			t.Paused += minute
			reason(evs[i].Reason, 0, minute)
		}
	}
	for _, e := range evs {
		if e.Type == "pause" && rng.Contains(e.At) {
			t.Pauses++
			reason(e.Reason, 1, 0)
		}
	}
	return t
}

// TestMonthHours holds a day's hours to its totals (they sum to them) and
// their stored string to the hours (it reads back the same, reasons with
// the encoding's own separators included).
func TestMonthHours(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	base := day("2026-10-01")
	events := randomEvents(r, base, 20)
	for i := range events {
		if events[i].Reason != "" && i%3 == 0 {
			events[i].Reason = "a,b;c%d=e"
		}
	}
	var month worktime.Month
	for d, spans := range worktime.Days(events) {
		dm := worktime.DayMonth(d, spans)
		var sum worktime.Totals
		for _, h := range dm.Hours {
			sum.Add(h, 1)
		}
		if !reflect.DeepEqual(sum, dm.Totals) {
			t.Fatalf("%s: hours sum to %+v, totals %+v", d, sum, dm.Totals)
		}
		month.Add(dm, 1)
	}
	enc := worktime.EncodeHours(month.Hours)
	back, err := worktime.DecodeHours(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, month.Hours) {
		t.Fatalf("decoded %+v\nwant %+v", back, month.Hours)
	}
	if worktime.EncodeHours(back) != enc {
		t.Error("the same hours encode to other bytes")
	}
	for _, bad := range []string{"24=1,0,0", "x=1,0,0", "01=1,0", "01=1,0,0,r,1", "01=a,0,0"} {
		if _, err := worktime.DecodeHours(bad); err == nil {
			t.Errorf("DecodeHours(%q) took it", bad)
		}
	}
}
