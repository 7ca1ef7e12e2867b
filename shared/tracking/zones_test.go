package tracking_test

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Day and time-of-day filters in zones with DST changes and :30/:45
// offsets select exactly the interactions whose local date and clock are
// inside, worked out by hand below.
func TestZones(t *testing.T) {
	type query struct {
		from, to, timeFrom, timeTo string
		want                       []string
	}
	cases := []struct {
		zone    string
		starts  map[string]string // id → UTC instant
		queries []query
	}{
		{"America/New_York", map[string]string{
			// Spring forward, 2026-03-08: 02:00 EST becomes 03:00 EDT.
			"n1": "2026-03-08T04:59:59.999Z", // 03-07 23:59:59.999 EST
			"n2": "2026-03-08T05:00:00Z",     // 03-08 00:00 EST
			"n3": "2026-03-08T06:59:00Z",     // 01:59 EST
			"n4": "2026-03-08T07:00:00Z",     // 03:00 EDT
			"n5": "2026-03-09T03:59:59Z",     // 03-08 23:59:59 EDT
			"n6": "2026-03-09T04:00:00Z",     // 03-09 00:00 EDT
			// Fall back, 2026-11-01: 02:00 EDT becomes 01:00 EST.
			"f1": "2026-11-01T03:59:59Z", // 10-31 23:59:59 EDT
			"f2": "2026-11-01T04:00:00Z", // 11-01 00:00 EDT
			"f3": "2026-11-01T05:30:00Z", // 01:30 EDT
			"f4": "2026-11-01T06:30:00Z", // 01:30 EST, the repeated hour
			"f5": "2026-11-01T07:30:00Z", // 02:30 EST
			"f6": "2026-11-02T04:59:59Z", // 11-01 23:59:59 EST
			"f7": "2026-11-02T05:00:00Z", // 11-02 00:00 EST
		}, []query{
			{"2026-03-07", "2026-03-07", "", "", []string{"n1"}},
			{"2026-03-08", "2026-03-08", "", "", []string{"n2", "n3", "n4", "n5"}},
			{"2026-03-08", "2026-03-08", "01:00", "03:00", []string{"n3", "n4"}},
			{"2026-03-08", "2026-03-08", "02:00", "02:59:59", nil},
			{"2026-03-09", "2026-03-09", "", "", []string{"n6"}},
			{"2026-10-31", "2026-10-31", "", "", []string{"f1"}},
			{"2026-11-01", "2026-11-01", "", "", []string{"f2", "f3", "f4", "f5", "f6"}},
			{"2026-11-01", "2026-11-01", "01:00", "01:59", []string{"f3", "f4"}},
			{"2026-11-01", "2026-11-01", "02:00", "02:59", []string{"f5"}},
			{"2026-10-31", "2026-11-02", "23:59", "00:00", []string{"f1", "f2", "f6", "f7"}},
		}},
		{"Asia/Kolkata", map[string]string{
			"k1": "2026-05-09T18:29:59Z", // 05-09 23:59:59 IST
			"k2": "2026-05-09T18:30:00Z", // 05-10 00:00
			"k3": "2026-05-10T03:30:00Z", // 09:00
			"k4": "2026-05-10T12:29:59Z", // 17:59:59
			"k5": "2026-05-10T12:30:00Z", // 18:00
			"k6": "2026-05-10T18:30:00Z", // 05-11 00:00
		}, []query{
			{"2026-05-10", "2026-05-10", "", "", []string{"k2", "k3", "k4", "k5"}},
			{"2026-05-10", "2026-05-10", "09:00", "17:59:59", []string{"k3", "k4"}},
			{"2026-05-10", "2026-05-10", "09:00", "17:59", []string{"k3", "k4"}},
			{"2026-05-10", "2026-05-10", "18:00", "18:00", []string{"k5"}},
			{"2026-05-09", "2026-05-11", "", "", []string{"k1", "k2", "k3", "k4", "k5", "k6"}},
			{"2026-05-11", "2026-05-11", "", "", []string{"k6"}},
		}},
		{"Asia/Kathmandu", map[string]string{
			"m1": "2026-05-09T18:14:59.999Z", // 05-09 23:59:59.999 (+05:45)
			"m2": "2026-05-09T18:15:00Z",     // 05-10 00:00
			"m3": "2026-05-10T02:15:00Z",     // 08:00
			"m4": "2026-05-10T18:14:00Z",     // 23:59
			"m5": "2026-05-10T18:15:00Z",     // 05-11 00:00
		}, []query{
			{"2026-05-10", "2026-05-10", "", "", []string{"m2", "m3", "m4"}},
			{"2026-05-10", "2026-05-10", "08:00", "08:00", []string{"m3"}},
			{"2026-05-09", "2026-05-11", "23:59", "00:00", []string{"m1", "m2", "m4", "m5"}},
			{"2026-05-09", "2026-05-09", "", "", []string{"m1"}},
		}},
	}
	for _, c := range cases {
		t.Run(c.zone, func(t *testing.T) {
			e := newEnv(t, c.zone, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
			var ins []domain.Interaction
			for id, s := range c.starts {
				start, err := time.Parse(time.RFC3339Nano, s)
				if err != nil {
					t.Fatal(err)
				}
				ins = append(ins, domain.Interaction{ID: id, Media: domain.MediaVoice, State: domain.StateClosed, Start: start, Updated: start, Finished: &start})
			}
			e.load(t, ins)
			admin := domain.Identity{Tenant: "acme", Role: domain.RoleAdmin}
			for _, q := range c.queries {
				v := url.Values{"media": {"voice"}, "from": {q.from}, "to": {q.to}, "sort": {"asc"}}
				if q.timeFrom != "" {
					v.Set("timeFrom", q.timeFrom)
					v.Set("timeTo", q.timeTo)
				}
				if got := e.all(t, v, admin); !slices.Equal(got, q.want) {
					t.Errorf("%s: got %v, want %v", v.Encode(), got, q.want)
				}
			}
		})
	}
}
