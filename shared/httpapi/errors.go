package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"

	"github.com/awslabs/aws-lambda-go-api-proxy/core"

	"github.com/rastro-cc/rastro/shared/domain"
)

// statusOf is the one table from domain error codes to HTTP statuses.
var statusOf = map[domain.Code]int{
	domain.CodeBadRequest:   http.StatusBadRequest,
	domain.CodeInvalid:      http.StatusUnprocessableEntity,
	domain.CodeUnauthorized: http.StatusUnauthorized,
	domain.CodeForbidden:    http.StatusForbidden,
	domain.CodeNotFound:     http.StatusNotFound,
	domain.CodeConflict:     http.StatusConflict,
	domain.CodeTooLarge:     http.StatusRequestEntityTooLarge,
	domain.CodeURITooLong:   http.StatusRequestURITooLong,
	domain.CodeInternal:     http.StatusInternalServerError,
}

// Status is the HTTP status for err.
func Status(err error) int {
	if s, ok := statusOf[domain.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// ErrorBody is every error answer: {"error": {...}}.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong, in words safe for any client.
type ErrorDetail struct {
	Code      domain.Code         `json:"code"`
	Message   string              `json:"message"`
	Field     string              `json:"field,omitempty"`
	RequestID string              `json:"requestId,omitempty"`
	Details   []domain.FieldError `json:"details,omitempty"`
}

// WriteError answers err. Errors without a domain code are internal: they
// are logged with the request id and answered "internal error", never with
// their text.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	rid := RequestID(r.Context())
	var de *domain.Error
	body := ErrorBody{Error: ErrorDetail{Code: domain.CodeInternal, Message: "internal error", RequestID: rid}}
	switch {
	case errors.As(err, &de) && de.Code != domain.CodeInternal:
		body.Error = ErrorDetail{Code: de.Code, Message: de.Message, Field: de.Field, RequestID: rid, Details: de.Details}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client left (the dashboard cancels a request whose filters
		// changed): nothing failed, and nobody reads the answer.
		slog.InfoContext(r.Context(), "request cancelled by the client", "requestId", rid, "method", r.Method, "path", r.URL.Path)
	default:
		slog.ErrorContext(r.Context(), "request failed", "requestId", rid, "method", r.Method, "path", r.URL.Path, "error", err.Error())
	}
	WriteJSON(w, Status(err), body)
}

func notFoundRoute(r *http.Request) error {
	return domain.Errorf(domain.CodeNotFound, "no route for %s %s", r.Method, r.URL.Path)
}

type requestIDKey struct{}

// RequestID is API Gateway's request id, or one made for this request.
func RequestID(ctx context.Context) string {
	if v, ok := ctx.Value(requestIDKey{}).(string); ok {
		return v
	}
	if gw, ok := core.GetAPIGatewayV2ContextFromContext(ctx); ok && gw.RequestID != "" {
		return gw.RequestID
	}
	return ""
}

// WithRequestID makes sure the request has an id for logs and error bodies.
func WithRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if RequestID(r.Context()) == "" {
			r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, NewRequestID()))
		}
		next.ServeHTTP(w, r)
	})
}

// NewRequestID makes a random id for a request that came without one.
func NewRequestID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
