// Package serve maps each aggregate report's Lambda function to the
// reports it answers, so the functions' mains and the dev server mount the
// same handlers from one table.
package serve

import (
	"net/http"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/report"
	"github.com/rastro-cc/rastro/shared/report/agents"
	"github.com/rastro-cc/rastro/shared/report/conversations"
	"github.com/rastro-cc/rastro/shared/report/ivr"
	"github.com/rastro-cc/rastro/shared/report/tags"
	"github.com/rastro-cc/rastro/shared/store"
)

// Functions are the aggregate report functions and their routes.
var Functions = map[string]map[string]report.Func{
	"agents":        {"GET /v1/reports/agents": agents.Report},
	"ivr":           {"GET /v1/reports/ivr": ivr.Report},
	"conversations": {"GET /v1/reports/conversations": conversations.Report},
	"tags":          {"GET /v1/reports/tags": tags.Report},
}

// Handler is the HTTP handler of one aggregate report function.
func Handler(function string, st *store.Store, rv auth.Resolver) http.Handler {
	return report.Handler(function, st, rv, nil, Functions[function])
}
