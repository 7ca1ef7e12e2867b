package httpapi

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Route is one method and path served by one function.
type Route struct {
	Function string // functions/<Function>, and <Function> in template.yaml's logical id
	Method   string
	Path     string // API Gateway form: /v1/interactions/{id}
}

// Pattern is the net/http ServeMux pattern of the route.
func (r Route) Pattern() string { return r.Method + " " + r.Path }

// Routes is every HTTP route of Rastro.
var Routes = []Route{
	{"ingest", http.MethodPost, "/v1/ingest/interactions"},
	{"ingest", http.MethodPost, "/v1/ingest/sessions"},
	{"ingest", http.MethodPost, "/v1/ingest/agent-events"},
	{"ingest", http.MethodPost, "/v1/ingest/bot-sessions"},
	{"settings", http.MethodGet, "/v1/me"},
	{"settings", http.MethodPut, "/v1/settings"},
	{"history", http.MethodGet, "/v1/interactions"},
	{"history", http.MethodGet, "/v1/interactions/{id}"},
	{"history", http.MethodGet, "/v1/interactions/{id}/history"},
	{"history", http.MethodGet, "/v1/contacts/{contactKey}/interactions"},
	{"history", http.MethodGet, "/v1/agents/{agentId}/interactions"},
	{"tracking", http.MethodGet, "/v1/reports/interactions"},
	{"bot", http.MethodGet, "/v1/reports/bot-conversations"},
	{"bot", http.MethodGet, "/v1/bot-sessions/{id}"},
	{"agents", http.MethodGet, "/v1/reports/agents"},
	{"ivr", http.MethodGet, "/v1/reports/ivr"},
	{"conversations", http.MethodGet, "/v1/reports/conversations"},
	{"tags", http.MethodGet, "/v1/reports/tags"},
	{"exports", http.MethodPost, "/v1/exports"},
	{"exports", http.MethodGet, "/v1/exports"},
	{"exports", http.MethodGet, "/v1/exports/{id}"},
}

// Functions lists the functions that serve routes, sorted.
func Functions() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range Routes {
		if !seen[r.Function] {
			seen[r.Function] = true
			out = append(out, r.Function)
		}
	}
	sort.Strings(out)
	return out
}

// Mux builds a function's handler from its route table entries. Each
// pattern of the table must have a handler and each handler a pattern, so
// the table can't drift from what is served; a mismatch is a programming
// error and panics at start-up.
func Mux(function string, handlers map[string]http.Handler) http.Handler {
	mux := http.NewServeMux()
	used := map[string]bool{}
	for _, r := range Routes {
		if r.Function != function {
			continue
		}
		h, ok := handlers[r.Pattern()]
		if !ok {
			panic(fmt.Sprintf("httpapi: function %s has no handler for %s", function, r.Pattern()))
		}
		mux.Handle(r.Pattern(), h)
		used[r.Pattern()] = true
	}
	for p := range handlers {
		if !used[p] {
			panic(fmt.Sprintf("httpapi: handler %s of %s is not in the route table", p, function))
		}
	}
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, notFoundRoute(r))
	}))
	return withoutStage(boundQuery(mux))
}

// Bounds of every query string, whatever the route: a report's own
// parameters are far fewer (the tracking report's 45, and at most 100
// values of its multi-valued filters), so a query past these is a mistake
// or an attack, refused before any parsing.
const (
	MaxQueryBytes  = 8 << 10
	MaxQueryParams = 200 // name=value pairs, a name given twice counting twice
)

func boundQuery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.RawQuery
		if n := len(q); n > MaxQueryBytes {
			WriteError(w, r, domain.FieldErr(domain.CodeURITooLong, "query", fmt.Sprintf("is %d bytes; at most %d", n, MaxQueryBytes)))
			return
		}
		if n := strings.Count(q, "&") + 1; q != "" && n > MaxQueryParams {
			WriteError(w, r, domain.FieldErr(domain.CodeBadRequest, "query", fmt.Sprintf("has %d parameters; at most %d", n, MaxQueryParams)))
			return
		}
		next.ServeHTTP(w, r)
	})
}
