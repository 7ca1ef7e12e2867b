package conversations_test

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/conversations"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// result is a response as a client decodes it.
type result struct {
	View    string `json:"view"`
	Zone    string `json:"zone"`
	Columns []struct {
		Key    string `json:"key"`
		Header string `json:"header"`
	} `json:"columns"`
	Rows   []map[string]any `json:"rows"`
	Totals map[string]any   `json:"totals"`
	Drill  *struct {
		Path    string            `json:"path"`
		Base    map[string]string `json:"base"`
		Metrics map[string]struct {
			Query string `json:"query"`
		} `json:"metrics"`
	} `json:"drill"`
}

// query is the tracking query of a number: the drill's composition
// (report.Drill) for media m.
func (r *result) query(m, rowDrill, metric string) string {
	q := r.Drill.Path + "?" + r.Drill.Base[m]
	if rowDrill != "" {
		q += "&" + rowDrill
	}
	if mq := r.Drill.Metrics[metric].Query; mq != "" {
		q += "&" + mq
	}
	return q
}

// run calls the report and decodes its JSON.
func run(tb testing.TB, env report.Env, q url.Values) (*result, error) {
	tb.Helper()
	resp, err := conversations.Report(context.Background(), env, q)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(resp)
	if err != nil {
		tb.Fatal(err)
	}
	var out result
	if err := json.Unmarshal(b, &out); err != nil {
		tb.Fatal(err)
	}
	return &out, nil
}

func admin() domain.Identity {
	return domain.Identity{Tenant: "acme", UserID: "u1", Role: domain.RoleAdmin}
}

func supervisor(queues ...string) domain.Identity {
	return domain.Identity{Tenant: "acme", UserID: "u2", Role: domain.RoleSupervisor, Queues: queues}
}
