package benchdata_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/domain"
)

// Each step runs Ensure on the same durable directory, so every step also
// proves the database survived the previous step's Close.
func TestEnsure(t *testing.T) {
	if testing.Short() {
		t.Skip("starts DynamoDB Local several times")
	}
	dir := filepath.Join(t.TempDir(), "dynamodb")
	small, other := benchdata.DefaultSpec(200), benchdata.DefaultSpec(150)
	steps := []struct {
		name     string
		spec     benchdata.Spec
		before   func(t *testing.T, db *benchdata.DB) // run on the previous step's database
		replace  bool
		refused  bool // Ensure must fail and keep what is stored
		loaded   bool
		inPlace  bool // DynamoDB Local read the durable copy: no copy into tmpfs
		reset    bool
		from     int
		written  int
		existing int
	}{
		{name: "first load", spec: small, loaded: true, written: 200},
		{name: "marker says it is there", spec: small, inPlace: true},
		{
			name: "interrupted load resumes at the watermark", spec: small,
			before: func(t *testing.T, db *benchdata.DB) {
				// As if the run had stopped after interaction 120: records
				// above the watermark are stored again and change nothing.
				fp := db.Info.Fingerprint
				mustMarker(t, db, "bench-data", "")
				mustMarker(t, db, "bench-load", fp+" done=120")
			},
			// The durable copy was complete when closed, so this load runs
			// in place: slower, equally correct.
			loaded: true, inPlace: true, from: 120, existing: 80,
		},
		{name: "another data set is refused without Replace", spec: other, refused: true},
		{name: "another data set starts over", spec: other, replace: true, loaded: true, reset: true, written: 150},
	}
	var prev *benchdata.DB
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.before != nil {
				prev = mustEnsure(t, dir, prev.Info.Spec, false)
				s.before(t, prev)
				mustClose(t, prev)
			}
			if s.refused {
				if db, err := benchdata.Ensure(context.Background(), benchdata.Options{Dir: dir, Spec: s.spec}); err == nil {
					mustClose(t, db)
					t.Fatal("Ensure replaced another data set without Replace")
				}
				return
			}
			db := mustEnsure(t, dir, s.spec, s.replace)
			defer mustClose(t, db)
			prev = db
			if _, err := benchdata.Ensure(context.Background(), benchdata.Options{Dir: dir, Spec: s.spec}); err == nil {
				t.Error("a second Ensure on a database in use succeeded")
			}
			got := db.Info
			if got.Loaded != s.loaded || got.InPlace != s.inPlace || got.Reset != s.reset || got.From != s.from ||
				got.Counts.Written != s.written || got.Counts.Unchanged != s.existing {
				t.Errorf("info: loaded %v in place %v reset %v from %d written %d unchanged %d; want %v %v %v %d %d %d",
					got.Loaded, got.InPlace, got.Reset, got.From, got.Counts.Written, got.Counts.Unchanged,
					s.loaded, s.inPlace, s.reset, s.from, s.written, s.existing)
			}
			if !streamEnabled(t, db) {
				t.Error("the loaded table has no stream; template.yaml's has one")
			}
			if n := countRows(t, db); n != s.spec.N {
				t.Errorf("rows of tenant %s: %d, want %d", db.Tenant, n, s.spec.N)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, localaws.DBFile)); err != nil {
		t.Errorf("database not kept in the durable directory: %v", err)
	}
}

func mustEnsure(t *testing.T, dir string, spec benchdata.Spec, replace bool) *benchdata.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db, err := benchdata.Ensure(ctx, benchdata.Options{Dir: dir, Spec: spec, Replace: replace, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func mustClose(t *testing.T, db *benchdata.DB) {
	t.Helper()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func mustMarker(t *testing.T, db *benchdata.DB, name, value string) {
	t.Helper()
	if err := db.Store.SetMarker(context.Background(), db.Tenant, name, value); err != nil {
		t.Fatal(err)
	}
}

// countRows counts the tenant's list rows the way reports find them: a
// Query per media and UTC day partition of the data set's window.
func countRows(t *testing.T, db *benchdata.DB) int {
	t.Helper()
	ctx := context.Background()
	spec := db.Info.Spec
	client := db.Store.Client()
	total := 0
	first := spec.End.AddDate(0, 0, -spec.Days)
	for day := first.Truncate(24 * time.Hour); day.Before(spec.End); day = day.AddDate(0, 0, 1) {
		for _, m := range domain.AllMedia {
			p := dynamodb.NewQueryPaginator(client, &dynamodb.QueryInput{
				TableName:                 aws.String(benchdata.Table),
				KeyConditionExpression:    aws.String("pk = :pk"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: db.Tenant.RowPartition(m, domain.UTCDay(day))}},
				Select:                    types.SelectCount,
			})
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					t.Fatal(err)
				}
				total += int(out.Count)
			}
		}
	}
	return total
}

func streamEnabled(t *testing.T, db *benchdata.DB) bool {
	t.Helper()
	out, err := db.Store.Client().DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(benchdata.Table)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Table.StreamSpecification != nil && aws.ToBool(out.Table.StreamSpecification.StreamEnabled)
}

type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(string(b))
	return len(b), nil
}
