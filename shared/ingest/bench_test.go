package ingest_test

import (
	"context"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// The ingest benchmarks measure records/s stored into DynamoDB Local
// through the ingest service (validation, versioned transactional upserts,
// 16 concurrent writers) in batches of 500. Run with -benchtime Nx: N is
// the record count (make bench uses 2000x). Each benchmark gets a DynamoDB
// Local of its own: a JVM that earlier benchmarks filled runs slower, which
// would make the order of benchmarks decide their figures.

func benchEnv(b *testing.B) *env {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := localaws.StartDynamo(ctx, localaws.DynamoOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(d.Stop)
	return newEnvOn(b, d)
}

func ingestAll(b *testing.B, e *env, n int) {
	b.StopTimer()
	recs := records(n, 99)
	ctx := context.Background()
	b.ResetTimer()
	b.StartTimer()
	for i := 0; i < len(recs); i += 500 {
		if _, err := e.svc.Interactions(ctx, "bench", recs[i:min(i+500, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
}

// New records: every one a GetItem plus a TransactWriteItems.
func BenchmarkIngestNew(b *testing.B) {
	e := benchEnv(b)
	ingestAll(b, e, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// A replay of stored records: every one a GetItem and no write.
func BenchmarkIngestReplay(b *testing.B) {
	e := benchEnv(b)
	ingestAll(b, e, b.N) // the records are stored once, untimed
	ingestAll(b, e, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// A first load (the demo seed, benchmarks): records are written without a
// read first (Service.ExpectNew).
func BenchmarkIngestFirstLoad(b *testing.B) {
	e := benchEnv(b)
	e.svc.ExpectNew = true
	ingestAll(b, e, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// New records with the rollups on, as the ingest function runs: each
// upsert also reads the rollup cells it changes (one BatchGetItem) and
// writes them in its transaction. Against BenchmarkIngestNew, the cost of
// keeping the aggregates exact.
func BenchmarkIngestNewWithRollups(b *testing.B) {
	e := benchEnv(b)
	e.svc.Store = store.New(e.st.Client(), e.st.TableName(), rollup.Contributor{})
	ingestAll(b, e, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
