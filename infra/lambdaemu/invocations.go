package lambdaemu

import (
	"fmt"
	"io"
	"net/http"
)

// Handler serves invocations as the official Runtime Interface Emulator
// does: POST /2015-03-31/functions/function/invocations with the event as
// the body (any function name is accepted, as there is only one). See the
// package documentation for how errors are answered.
func (e *Emulator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /2015-03-31/functions/{function}/invocations", func(w http.ResponseWriter, r *http.Request) {
		event, err := io.ReadAll(io.LimitReader(r.Body, maxPayload+1))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if len(event) > maxPayload {
			writeError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLargeException",
				fmt.Sprintf("Request must be smaller than %d bytes for the InvokeFunction operation", maxPayload))
			return
		}
		res, err := e.Invoke(r.Context(), event)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("X-Amzn-Requestid", res.RequestID)
		if res.ContentType != "" {
			h.Set("Content-Type", res.ContentType)
		}
		if res.ErrorType != "" {
			h.Set("X-Amz-Function-Error", "Unhandled")
		}
		w.WriteHeader(res.Status)
		_, _ = w.Write(res.Payload)
	})
	return mux
}
