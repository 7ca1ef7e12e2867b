package devserver

import (
	"net/http"

	"github.com/rastro-cc/rastro/shared/httpapi"
)

// DemoUser is someone the local sign-in page offers: exactly the body the
// page then posts to /dev/token.
type DemoUser struct {
	Tenant string   `json:"tenant"`
	Role   string   `json:"role"`
	Name   string   `json:"name"`
	Queues []string `json:"queues,omitempty"`
}

// DemoUsers are the demo tenant's dashboard users: an admin who sees every
// queue, and a supervisor assigned two of the demo data's queues (so the
// dashboard can show what a supervisor does not see).
var DemoUsers = []DemoUser{
	{Tenant: demoTenant, Role: "admin", Name: "Ana Admin"},
	{Tenant: demoTenant, Role: "supervisor", Name: "Sérgio Supervisor", Queues: []string{"Vendas", "Suporte"}},
}

// usersHandler lists DemoUsers for the dashboard's local sign-in page. Like
// /dev/token it exists only in the dev server; in AWS, Cognito signs users in.
func usersHandler(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"users": DemoUsers})
}

// demoTenant is the tenant DefaultSeed fills.
const demoTenant = "demo"
