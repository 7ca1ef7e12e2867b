package bench

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"golang.org/x/sync/errgroup"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exporter"
	"github.com/rastro-cc/rastro/shared/store"
	"github.com/rastro-cc/rastro/shared/tracking"
)

func TestMain(m *testing.M) { localaws.Main(m) }

// exportsSpec is the export benchmark's data set: October 2026 of the
// benchmark tenant with every interaction a voice call, so that one
// report holds every row: a million (BENCH_EXPORTS_N), in .bench/exports
// (BENCH_EXPORTS_DIR; make bench-data-exports, or make bench's own).
func exportsSpec() benchdata.Spec {
	s := benchdata.DefaultSpec(sizeFrom("BENCH_EXPORTS_N"))
	s.Media = domain.MediaVoice
	return s
}

func openExports(b *testing.B) *benchdata.DB {
	b.Helper()
	root, err := localaws.RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(root, ".bench", "exports")
	if v := os.Getenv("BENCH_EXPORTS_DIR"); v != "" {
		dir = v
	}
	spec := exportsSpec()
	fp, err := spec.Fingerprint()
	if err != nil {
		b.Fatal(err)
	}
	if benchdata.CompleteIn(dir) != fp {
		b.Skipf("the export data set is not loaded in %s: run make bench-data-exports", dir)
	}
	// On a tmpfs working copy: the data set (7 GB) read from the overlay
	// disk makes DynamoDB Local wait on I/O, and the first pass over a
	// range would be measured against a second one served from the page
	// cache.
	db, err := benchdata.Ensure(context.Background(), benchdata.Options{Dir: dir, Spec: spec, Write: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	return db
}

// BenchmarkExport writes the voice report of 3 days (a tenth of the rows:
// ~100k of 1M) and of the whole month (every row) as CSV into versitygw, through
// exporter.Run as the Lambda runs it, and reports rows/s, the process's
// peak RSS during the export (VmHWM, reset before each), and the export's
// speed against a bare Query loop over the same partitions and sort-key
// ranges in the same run, with as many pieces read at once as the
// exporter reads (export/query), and the bare loop's speed one piece at a
// time (seq-query-items/s, unless BENCH_EXPORT_SEQ=off).
func BenchmarkExport(b *testing.B) {
	db := openExports(b)
	gw := localaws.MustS3(b)
	bucket := localaws.UniqueName(b, "exports")
	ctx := context.Background()
	if err := gw.EnsureBucket(ctx, bucket); err != nil {
		b.Fatal(err)
	}
	// BENCH_EXPORT_SEQ=off leaves out the one-piece-at-a-time loop, which
	// no target needs (make bench, pressed for time).
	seq := os.Getenv("BENCH_EXPORT_SEQ") != "off"
	for _, tc := range []struct {
		name, from, to string
		readers        int
	}{
		{"voice-3-days/readers-1", "2026-10-01", "2026-10-03", 1},
		{"voice-3-days/readers-4", "2026-10-01", "2026-10-03", 4},
		{"voice-month/readers-1", "2026-10-01", "2026-10-31", 1},
		{"voice-month/readers-4", "2026-10-01", "2026-10-31", 4},
	} {
		// The bare loop reads as many pieces at once as the exporter.
		readers := tc.readers
		exp := &exporter.Exporter{Store: db.Store, S3: gw.Client(), Bucket: bucket, Readers: readers}
		b.Run(tc.name, func(b *testing.B) {
			params := map[string][]string{"media": {"voice"}, "from": {tc.from}, "to": {tc.to}}
			var rows, bytes int64
			var exportTime, queryTime time.Duration
			var items, seqItems int
			var seqTime time.Duration
			var peak int64
			for b.Loop() {
				j := domain.ExportJob{
					ID: domain.NewExportJobID(time.Now()), CreatedBy: "bench", Role: domain.RoleAdmin,
					Report: "interactions", Params: params, Format: "csv",
					ExportOptions: domain.ExportOptions{Delimiter: ",", Language: "en"}, Created: time.Now(),
				}
				if err := db.Store.CreateExportJob(ctx, db.Tenant, &j); err != nil {
					b.Fatal(err)
				}
				resetPeakRSS(b)
				t0 := time.Now()
				if err := exp.Run(ctx, db.Tenant, j.ID); err != nil {
					b.Fatal(err)
				}
				exportTime += time.Since(t0)
				peak = max(peak, peakRSS(b))
				done, err := db.Store.ExportJob(ctx, db.Tenant, j.ID)
				if err != nil || done.Status != domain.ExportSucceeded {
					b.Fatalf("job %s: %v %s", done.Status, err, done.Reason)
				}
				rows, bytes = rows+done.Rows, bytes+done.Bytes

				n, t := bareQueryLoop(b, db, params, readers)
				items, queryTime = items+n, queryTime+t
				if seq {
					n, t = bareQueryLoop(b, db, params, 1)
					seqItems, seqTime = seqItems+n, seqTime+t
				}
			}
			rowsPerSec := float64(rows) / exportTime.Seconds()
			itemsPerSec := float64(items) / queryTime.Seconds()
			b.ReportMetric(float64(rows)/float64(b.N), "rows")
			b.ReportMetric(float64(bytes)/float64(b.N)/(1<<20), "file-MB")
			b.ReportMetric(rowsPerSec, "rows/s")
			b.ReportMetric(itemsPerSec, "query-items/s")
			// Both read the same items (the export filters out the few
			// open calls after reading them): the ratio of times is the
			// ratio of throughputs over the same items.
			b.ReportMetric(queryTime.Seconds()/exportTime.Seconds(), "export/query")
			if seq {
				b.ReportMetric(float64(seqItems)/seqTime.Seconds(), "seq-query-items/s")
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
		})
	}
}

// bareQueryLoop reads every item of the export's pieces (the same day
// partitions and sort-key ranges, store.RowQuery.Pieces), parallel pieces
// at a time like the exporter's readers, one Query page after another in
// each, and counts them: what reading alone costs, with nothing decoded
// beyond the SDK's attribute maps.
func bareQueryLoop(b *testing.B, db *benchdata.DB, params map[string][]string, parallel int) (int, time.Duration) {
	b.Helper()
	settings, err := db.Store.GetSettings(context.Background(), db.Tenant)
	if err != nil {
		b.Fatal(err)
	}
	req, err := tracking.Parse(params, domain.Identity{Tenant: string(db.Tenant), Role: domain.RoleAdmin}, settings, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	client := db.Dynamo.Client()
	var n atomic.Int64
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(parallel)
	t0 := time.Now()
	for _, piece := range req.Query().Pieces() {
		sp := piece.Spans[0]
		lo, hi := store.StartBounds(sp.From, sp.To)
		in := &dynamodb.QueryInput{
			// The store's call size (600 items): DynamoDB Local serves a
			// 1 MB page of these rows five times slower than the same
			// items in calls of a few hundred.
			Limit:                  aws.Int32(600),
			TableName:              aws.String(benchdata.Table),
			KeyConditionExpression: aws.String("pk = :pk AND sk BETWEEN :lo AND :hi"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":pk": &types.AttributeValueMemberS{Value: db.Tenant.RowPartition(domain.MediaVoice, domain.UTCDay(sp.From))},
				":lo": &types.AttributeValueMemberS{Value: lo}, ":hi": &types.AttributeValueMemberS{Value: hi},
			},
		}
		g.Go(func() error {
			p := dynamodb.NewQueryPaginator(client, in)
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					return err
				}
				n.Add(int64(len(out.Items)))
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	return int(n.Load()), time.Since(t0)
}

// resetPeakRSS starts the kernel's high-water mark of this process's
// resident memory afresh (Linux ≥ 4.0), so peakRSS measures one export.
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Fatalf("reset the RSS high-water mark: %v", err)
	}
}

// peakRSS is VmHWM of /proc/self/status, in bytes.
func peakRSS(b *testing.B) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb << 10
		}
	}
	b.Fatal("no VmHWM in /proc/self/status")
	return 0
}
