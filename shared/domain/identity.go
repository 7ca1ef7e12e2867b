package domain

// Role is what an identity may do.
type Role string

const (
	RoleAdmin      Role = "admin"      // every queue of the tenant; settings; exports
	RoleSupervisor Role = "supervisor" // only the assigned queues
	RoleIngest     Role = "ingest"     // a machine client that sends data; reads nothing
)

// Identity is who is calling, as verified by the API's authorizer. The
// tenant comes only from here, never from a parameter or a body.
type Identity struct {
	Tenant string   `json:"tenant"`
	UserID string   `json:"userId"`
	Name   string   `json:"name,omitempty"`
	Role   Role     `json:"role"`
	Queues []string `json:"queues"` // supervisors: the queues they may see
}

// CanSeeQueue reports whether the identity may read data of queue q.
// Admins see everything; supervisors their queues only, so data with no
// queue is for admins.
func (id Identity) CanSeeQueue(q string) bool {
	switch id.Role {
	case RoleAdmin:
		return true
	case RoleSupervisor:
		for _, x := range id.Queues {
			if x == q && q != "" {
				return true
			}
		}
	}
	return false
}

// ValidTenantID reports whether s can name a tenant: it is part of every key.
func ValidTenantID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
