package devserver

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/httpapi"
)

// Gateway routes requests to functions the way API Gateway does.
type Gateway struct {
	Issuer    auth.DevIssuer
	Functions map[string]http.Handler // by function name, as in httpapi.Routes
}

// Mount registers every route of httpapi.Routes on mux.
func (g *Gateway) Mount(mux *http.ServeMux) {
	for _, r := range httpapi.Routes {
		h, ok := g.Functions[r.Function]
		if !ok {
			panic("devserver: no handler for function " + r.Function)
		}
		mux.Handle(r.Pattern(), g.invoke(r, httpadapter.NewV2(h)))
	}
}

// invoke turns the request into an API Gateway v2 event, runs the
// function's adapter as Lambda would, and writes its response back.
func (g *Gateway) invoke(route httpapi.Route, fn *httpadapter.HandlerAdapterV2) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, httpapi.MaxBody+1))
		if err != nil {
			http.Error(w, "could not read body", http.StatusBadRequest)
			return
		}
		if len(body) > httpapi.MaxBody {
			// API Gateway refuses oversized payloads itself.
			gatewayError(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
			return
		}
		ev := events.APIGatewayV2HTTPRequest{
			Version: "2.0", RouteKey: route.Pattern(), RawPath: r.URL.Path, RawQueryString: r.URL.RawQuery,
			Headers: map[string]string{}, QueryStringParameters: map[string]string{}, PathParameters: map[string]string{},
			RequestContext: events.APIGatewayV2HTTPRequestContext{
				RouteKey: route.Pattern(), Stage: "$default", RequestID: httpapi.NewRequestID(),
				Time: time.Now().UTC().Format("02/Jan/2006:15:04:05 -0700"), TimeEpoch: time.Now().UnixMilli(),
				HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
					Method: r.Method, Path: r.URL.Path, Protocol: r.Proto, SourceIP: sourceIP(r), UserAgent: r.UserAgent(),
				},
			},
		}
		for k, v := range r.Header {
			if strings.EqualFold(k, "Cookie") {
				ev.Cookies = append(ev.Cookies, v...)
				continue
			}
			ev.Headers[strings.ToLower(k)] = strings.Join(v, ",")
		}
		for k, v := range r.URL.Query() {
			ev.QueryStringParameters[k] = strings.Join(v, ",")
		}
		for _, name := range pathParams(route.Path) {
			ev.PathParameters[name] = r.PathValue(name)
		}
		if utf8.Valid(body) {
			ev.Body = string(body)
		} else {
			ev.Body, ev.IsBase64Encoded = base64.StdEncoding.EncodeToString(body), true
		}
		if authz := r.Header.Get("Authorization"); authz != "" {
			token, ok := strings.CutPrefix(authz, "Bearer ")
			claims, scopes, err := g.Issuer.Verify(strings.TrimSpace(token))
			if !ok || err != nil {
				gatewayError(w, http.StatusUnauthorized, "Unauthorized")
				return
			}
			ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
				JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims, Scopes: scopes},
			}
		}
		resp, err := fn.ProxyWithContext(r.Context(), ev)
		if err != nil {
			gatewayError(w, http.StatusInternalServerError, "Internal Server Error")
			return
		}
		writeResponse(w, resp)
	})
}

func writeResponse(w http.ResponseWriter, resp events.APIGatewayV2HTTPResponse) {
	for k, v := range resp.Headers {
		w.Header().Set(k, v)
	}
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	for _, c := range resp.Cookies {
		w.Header().Add("Set-Cookie", c)
	}
	body := []byte(resp.Body)
	if resp.IsBase64Encoded {
		if b, err := base64.StdEncoding.DecodeString(resp.Body); err == nil {
			body = b
		}
	}
	status := resp.StatusCode
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// gatewayError answers as API Gateway does before a function runs.
func gatewayError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": msg})
}

func pathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(seg, "{"), "}"))
		}
	}
	return out
}

func sourceIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// TokenRequest is the body of POST /dev/token.
type TokenRequest struct {
	Tenant string   `json:"tenant"`
	Role   string   `json:"role"`
	Queues []string `json:"queues"`
	Name   string   `json:"name"`
	UserID string   `json:"userId"`
}

// TokenHandler issues dev tokens: the local stand-in for Cognito sign-in.
func (g *Gateway) TokenHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := httpapi.ReadBody(r, 16<<10)
		if err != nil {
			httpapi.WriteError(w, r, err)
			return
		}
		var req TokenRequest
		if err := httpapi.DecodeStrict(b, &req); err != nil {
			httpapi.WriteError(w, r, err)
			return
		}
		p := &domain.Problems{}
		if !domain.ValidTenantID(req.Tenant) {
			p.Add("tenant", "must be 1-64 lowercase letters, digits, - or _")
		}
		role := domain.Role(req.Role)
		if role != domain.RoleAdmin && role != domain.RoleSupervisor && role != domain.RoleIngest {
			p.Add("role", "must be admin, supervisor or ingest")
		}
		if role == domain.RoleSupervisor && len(req.Queues) == 0 {
			p.Add("queues", "a supervisor needs at least one queue")
		}
		if err := p.Err(); err != nil {
			httpapi.WriteError(w, r, err)
			return
		}
		uid := req.UserID
		if uid == "" {
			uid = req.Tenant + "-" + req.Role + "-" + slug(req.Name)
		}
		tok, err := g.Issuer.Issue(domain.Identity{Tenant: req.Tenant, UserID: uid, Name: req.Name, Role: role, Queues: req.Queues})
		if err != nil {
			httpapi.WriteError(w, r, err)
			return
		}
		httpapi.WriteJSON(w, http.StatusOK, map[string]string{"token": tok})
	})
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "user"
	}
	return b.String()
}
