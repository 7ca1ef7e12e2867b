package auth

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/awslabs/aws-lambda-go-api-proxy/core"

	"github.com/rastro-cc/rastro/shared/domain"
)

// IngestScope is the OAuth scope of machine clients that send data.
const IngestScope = "rastro/ingest"

// Claim names.
const (
	ClaimTenant   = "custom:tenant"
	ClaimRole     = "custom:role"
	ClaimQueues   = "custom:queues"
	ClaimSubject  = "sub"
	ClaimName     = "name"
	ClaimScope    = "scope"
	ClaimClientID = "client_id"
)

// Resolver maps verified claims to an identity.
type Resolver struct {
	// IngestClients maps a machine client id to its tenant: Cognito
	// client-credentials tokens carry no custom attributes.
	IngestClients map[string]string
	// TrustIngestTenantClaim lets a machine token name its own tenant in
	// custom:tenant. Only the dev server sets it, for the tokens it signs
	// itself; in AWS an unmapped client is refused.
	TrustIngestTenantClaim bool
}

// Identity builds the caller's identity from verified claims and scopes.
func (rv Resolver) Identity(claims map[string]string, scopes []string) (domain.Identity, error) {
	all := append([]string(nil), scopes...)
	all = append(all, strings.Fields(claims[ClaimScope])...)
	if slices.Contains(all, IngestScope) {
		tenant, ok := rv.IngestClients[claims[ClaimClientID]]
		if !ok && rv.TrustIngestTenantClaim {
			tenant = claims[ClaimTenant]
		}
		if !domain.ValidTenantID(tenant) {
			return domain.Identity{}, domain.Errorf(domain.CodeForbidden, "ingest client is not registered to a tenant")
		}
		id := claims[ClaimClientID]
		if id == "" {
			id = claims[ClaimSubject]
		}
		return domain.Identity{Tenant: tenant, UserID: id, Name: claims[ClaimName], Role: domain.RoleIngest, Queues: []string{}}, nil
	}
	tenant := claims[ClaimTenant]
	if !domain.ValidTenantID(tenant) {
		return domain.Identity{}, domain.Errorf(domain.CodeForbidden, "token carries no valid tenant")
	}
	role := domain.Role(claims[ClaimRole])
	if role != domain.RoleAdmin && role != domain.RoleSupervisor {
		return domain.Identity{}, domain.Errorf(domain.CodeForbidden, "token carries no dashboard role")
	}
	if claims[ClaimSubject] == "" {
		return domain.Identity{}, domain.Errorf(domain.CodeForbidden, "token carries no subject")
	}
	queues := []string{}
	for _, q := range strings.Split(claims[ClaimQueues], ",") {
		if q = strings.TrimSpace(q); q != "" {
			queues = append(queues, q)
		}
	}
	return domain.Identity{Tenant: tenant, UserID: claims[ClaimSubject], Name: claims[ClaimName], Role: role, Queues: queues}, nil
}

type identityKey struct{}

// WithIdentity stores the identity in ctx.
func WithIdentity(ctx context.Context, id domain.Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// From returns the identity a Require middleware verified.
func From(ctx context.Context) (domain.Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(domain.Identity)
	return id, ok
}

// ErrorWriter answers an error; httpapi.WriteError in practice.
type ErrorWriter func(http.ResponseWriter, *http.Request, error)

// Require admits requests whose verified identity has one of roles: no
// claims → 401, claims without the role → 403.
func (rv Resolver) Require(fail ErrorWriter, roles ...domain.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			gw, ok := core.GetAPIGatewayV2ContextFromContext(r.Context())
			if !ok || gw.Authorizer == nil || gw.Authorizer.JWT == nil || len(gw.Authorizer.JWT.Claims) == 0 {
				fail(w, r, domain.Errorf(domain.CodeUnauthorized, "a bearer token is required"))
				return
			}
			id, err := rv.Identity(gw.Authorizer.JWT.Claims, gw.Authorizer.JWT.Scopes)
			if err != nil {
				fail(w, r, err)
				return
			}
			if !slices.Contains(roles, id.Role) {
				fail(w, r, domain.Errorf(domain.CodeForbidden, "role %s may not %s %s", id.Role, r.Method, r.URL.Path))
				return
			}
			next.ServeHTTP(w, r.WithContext(WithIdentity(r.Context(), id)))
		})
	}
}
