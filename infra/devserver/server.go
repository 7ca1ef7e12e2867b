package devserver

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/shared/auth"
	"github.com/rastro-cc/rastro/shared/botreport"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exports"
	"github.com/rastro-cc/rastro/shared/history"
	"github.com/rastro-cc/rastro/shared/httpapi"
	"github.com/rastro-cc/rastro/shared/ingest"
	"github.com/rastro-cc/rastro/shared/report/serve"
	"github.com/rastro-cc/rastro/shared/settings"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Server is the whole local system behind one port.
type Server struct {
	Stack    *Stack
	Issuer   auth.DevIssuer
	Progress *Progress
	// FrontendDir holds the built dashboard; a placeholder page is served
	// when it has no index.html.
	FrontendDir string

	ready sync.Once
	up    chan struct{}
}

// Functions builds every function's handler exactly as its main does,
// wired to the local stack. Dev tokens carry the tenant of ingest clients
// (the dev server signs them itself), so no client map is needed.
func (s *Server) Functions() map[string]http.Handler {
	rv := auth.Resolver{TrustIngestTenantClaim: true}
	svc := &ingest.Service{Store: s.Stack.Store}
	return map[string]http.Handler{
		"ingest":        ingest.NewHandler(svc, rv),
		"settings":      settings.NewHandler(s.Stack.Store, rv),
		"tracking":      tracking.NewHandler(&tracking.Service{Store: s.Stack.Store, Cursors: devCursors()}, rv),
		"bot":           botreport.NewHandler(&botreport.Service{Store: s.Stack.Store, Cursors: devCursors()}, rv),
		"agents":        serve.Handler("agents", s.Stack.Store, rv),
		"ivr":           serve.Handler("ivr", s.Stack.Store, rv),
		"conversations": serve.Handler("conversations", s.Stack.Store, rv),
		"tags":          serve.Handler("tags", s.Stack.Store, rv),
		"history": history.NewHandler(history.Config{
			Store: s.Stack.Store, Resolver: rv, Cursors: devCursors(), S3: s.Stack.S3c, MediaBucket: MediaBucket,
		}),
		"exports": exports.NewHandler(exports.Config{
			Store: s.Stack.Store, Resolver: rv, Cursors: devCursors(), S3: s.Stack.S3c, Bucket: ExportBucket,
		}),
	}
}

// MarkReady flips /healthz to 200.
func (s *Server) MarkReady() { s.init(); s.ready.Do(func() { close(s.up) }) }

func (s *Server) init() {
	if s.up == nil {
		s.up = make(chan struct{})
	}
}

// Handler is the dev server's whole routing.
func (s *Server) Handler() http.Handler {
	s.init()
	mux := http.NewServeMux()
	gw := &Gateway{Issuer: s.Issuer, Functions: s.Functions()}
	gw.Mount(mux)
	mux.Handle("POST /dev/token", gw.TokenHandler())
	mux.HandleFunc("GET /dev/users", usersHandler)
	mux.HandleFunc("GET /healthz", s.health)
	var media string // recordings' presigned links go to the local S3
	if s.Stack != nil && s.Stack.S3 != nil {
		media = s.Stack.S3.Endpoint
	}
	mux.Handle("/", withSecurityHeaders(ContentSecurityPolicy("", "", media), s.frontend()))
	return mux
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	select {
	case <-s.up:
		httpapi.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	default:
		body := map[string]any{"status": "seeding"}
		if s.Progress != nil {
			body["seeded"], body["total"] = s.Progress.Done.Load(), s.Progress.Total.Load()
		}
		httpapi.WriteJSON(w, http.StatusServiceUnavailable, body)
	}
}

func (s *Server) frontend() http.Handler {
	index := filepath.Join(s.FrontendDir, "index.html")
	files := http.FileServer(http.Dir(s.FrontendDir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(index); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(placeholder))
			return
		}
		// A single-page app: unknown paths get index.html.
		if p := filepath.Join(s.FrontendDir, filepath.Clean(r.URL.Path)); !strings.HasPrefix(r.URL.Path, "/v1/") {
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				http.ServeFile(w, r, index)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

const placeholder = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rastro</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Rastro</h1><p>The local stack is running. The dashboard is not built yet; the API is at <code>/v1/…</code>.</p>
<p>Get a token: <code>curl -s -XPOST localhost:3000/dev/token -d '{"tenant":"demo","role":"admin","name":"Ana Admin"}'</code></p>
</body></html>`

// WatchDrops does locally what the ingest bucket's S3 notification does in
// AWS: every new or changed .json object is handed to the same S3 handler.
func (s *Server) WatchDrops(ctx context.Context, every time.Duration) {
	h := &ingest.S3Handler{Svc: &ingest.Service{Store: s.Stack.Store}, S3: s.Stack.S3c, Bucket: IngestBucket}
	seen := map[string]string{}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		p := s3.NewListObjectsV2Paginator(s.Stack.S3c, &s3.ListObjectsV2Input{Bucket: aws.String(IngestBucket)})
		for p.HasMorePages() && ctx.Err() == nil {
			page, err := p.NextPage(ctx)
			if err != nil {
				break
			}
			for _, o := range page.Contents {
				key, etag := aws.ToString(o.Key), aws.ToString(o.ETag)
				if !strings.HasSuffix(key, ".json") || seen[key] == etag {
					continue
				}
				c, err := h.Object(ctx, IngestBucket, key)
				if err != nil {
					slog.Error("ingest drop", "key", key, "error", err.Error())
					// A file that can never be stored is not tried again; a
					// storage error is, on the next poll (as Lambda retries).
					if domain.ErrorCode(err) != domain.CodeInternal {
						seen[key] = etag
					}
					continue
				}
				seen[key] = etag
				slog.Info("ingest drop", "key", key, "written", c.Written, "unchanged", c.Unchanged, "stale", c.Stale)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
