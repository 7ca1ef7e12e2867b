package auth

import (
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/rastro-cc/rastro/shared/domain"
)

// DevIssuer issues and verifies the local dev server's tokens (HS256).
// It exists only for the dev server; in AWS Cognito issues tokens and API
// Gateway verifies them.
type DevIssuer struct {
	Key []byte
	TTL time.Duration
	Now func() time.Time
}

const devIssuer = "rastro-dev"

// Issue signs a token for the identity with the claims Cognito would carry.
func (d DevIssuer) Issue(id domain.Identity) (string, error) {
	now := d.now()
	claims := jwt.MapClaims{
		"iss": devIssuer, "iat": now.Unix(), "exp": now.Add(d.ttl()).Unix(),
		ClaimSubject: id.UserID, ClaimName: id.Name, ClaimTenant: id.Tenant,
	}
	if id.Role == domain.RoleIngest {
		claims[ClaimScope] = IngestScope
		claims[ClaimClientID] = id.UserID
	} else {
		claims[ClaimRole] = string(id.Role)
		claims[ClaimQueues] = strings.Join(id.Queues, ",")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(d.Key)
}

// Verify checks a token's signature, issuer and expiry and returns its
// claims as API Gateway passes them: every value a string, scopes split.
func (d DevIssuer) Verify(token string) (map[string]string, []string, error) {
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return d.Key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(devIssuer), jwt.WithTimeFunc(d.now), jwt.WithExpirationRequired())
	if err != nil {
		return nil, nil, domain.Errorf(domain.CodeUnauthorized, "invalid token")
	}
	mc := parsed.Claims.(jwt.MapClaims)
	claims := make(map[string]string, len(mc))
	for k, v := range mc {
		switch x := v.(type) {
		case string:
			claims[k] = x
		case float64:
			claims[k] = fmt.Sprintf("%.0f", x)
		default:
			claims[k] = fmt.Sprint(x)
		}
	}
	return claims, strings.Fields(claims[ClaimScope]), nil
}

func (d DevIssuer) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d DevIssuer) ttl() time.Duration {
	if d.TTL > 0 {
		return d.TTL
	}
	return 12 * time.Hour
}
