package devserver

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/auth"
)

// The sign-in page posts each listed user to /dev/token as is: every one
// must get a token, and the supervisor must have the two queues the
// dashboard's e2e tests rely on.
func TestDemoUsersListAndSignIn(t *testing.T) {
	rec := httptest.NewRecorder()
	usersHandler(rec, httptest.NewRequest("GET", "/dev/users", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /dev/users: %d", rec.Code)
	}
	var out struct {
		Users []DemoUser `json:"users"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	roles := map[string]DemoUser{}
	for _, u := range out.Users {
		roles[u.Role] = u
	}
	if _, ok := roles["admin"]; !ok {
		t.Errorf("no admin in %+v", out.Users)
	}
	if sup := roles["supervisor"]; !slices.Equal(sup.Queues, []string{"Vendas", "Suporte"}) {
		t.Errorf("supervisor queues = %v, want [Vendas Suporte]", sup.Queues)
	}

	gw := &Gateway{Issuer: auth.DevIssuer{Key: []byte("test-key")}}
	for _, u := range out.Users {
		t.Run(u.Role, func(t *testing.T) {
			if u.Tenant != DefaultSeed(time.Now()).Tenant {
				t.Errorf("tenant %q is not the seeded one", u.Tenant)
			}
			body, _ := json.Marshal(u)
			rec := httptest.NewRecorder()
			gw.TokenHandler().ServeHTTP(rec, httptest.NewRequest("POST", "/dev/token", bytes.NewReader(body)))
			if rec.Code != http.StatusOK {
				t.Fatalf("POST /dev/token %s: %d %s", body, rec.Code, rec.Body)
			}
		})
	}
}
