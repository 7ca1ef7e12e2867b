package devserver

import (
	"context"
	"log/slog"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/exporter"
)

// WatchExports does locally what the exporter's event source mapping does
// in AWS: the table's stream, filtered by the same pattern, goes to the
// same handler. It reads the stream from its start, so jobs asked for
// while the server was down run when it comes back (jobs that ended are
// left as they are).
func (s *Server) WatchExports(ctx context.Context, every time.Duration) {
	e := &exporter.Exporter{Store: s.Stack.Store, S3: s.Stack.S3c, Bucket: ExportBucket}
	o := localaws.FollowOptions{FromStart: true, Every: every, Retries: exporter.EventRetries}
	if err := s.Stack.Dynamo.Follow(ctx, TableName, o, e.Handle); err != nil {
		slog.Error("export stream stopped", "error", err.Error())
	}
}
