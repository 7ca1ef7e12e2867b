package benchdata

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/store"
)

// Options say where the database lives and how to load it.
type Options struct {
	Dir     string        // durable directory of the database, e.g. .bench/dynamodb
	Spec    Spec          // the data set
	Workers int           // LoadNew batches in flight; 0 means DefaultWorkers
	Log     io.Writer     // progress lines; nil discards them
	Every   time.Duration // between progress lines; 0 means 10 s
	// Replace allows discarding another data set found in Dir (another
	// size or seed, or one stored by an older generator or item layout).
	// Without it Ensure refuses: a quick run with a small N must not
	// silently cost the next benchmark an hour of loading.
	Replace bool
	// Write runs DynamoDB Local on a tmpfs working copy even when the
	// data set is complete, for a caller that will write to it (the
	// rollups' rebuild): in place, DynamoDB Local syncs every write.
	Write bool
}

// Info says what Ensure found and did.
type Info struct {
	Spec        Spec
	Fingerprint string
	Loaded      bool          // false: the marker said the data set was already there
	Reset       bool          // the table held another data set and was emptied
	From        int           // where the load started; > 0 when it resumed
	Counts      store.Counts  // what this run's writes did
	Items       int           // items this run wrote or checked
	Started     time.Duration // until DynamoDB Local answered, the working copy in place
	Took        time.Duration // the whole of Ensure
	Place       localaws.DBPlace
	InPlace     bool // DynamoDB Local reads the durable copy itself (see place.go)
}

// DB is the running DynamoDB Local holding the data set.
type DB struct {
	Dynamo *localaws.Dynamo
	Store  *store.Store
	Tenant store.Tenant
	Info   Info
	place  localaws.DBPlace
	// holds is the fingerprint of the complete data set the database
	// holds, as the markers say, or "".
	holds  string
	unlock func()
}

// Close stops DynamoDB Local, moves its database back to the durable
// directory and records whether that holds the complete data set.
func (d *DB) Close() error {
	defer d.unlock()
	d.Dynamo.Stop()
	if err := d.place.Save(); err != nil {
		return err
	}
	return markComplete(d.place.Persist, d.holds)
}

// Ensure starts DynamoDB Local on the database kept in o.Dir and makes the
// data set o.Spec exist in it: nothing to do when its marker says it is
// there, the rest of an interrupted load, or all of it. The caller closes
// the DB. On error it has already stopped DynamoDB Local and saved what
// was written, so the next call resumes.
func Ensure(ctx context.Context, o Options) (*DB, error) {
	began := time.Now()
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.Every <= 0 {
		o.Every = 10 * time.Second
	}
	gen, err := o.Spec.generator()
	if err != nil {
		return nil, err
	}
	fp, err := o.Spec.fingerprint(gen)
	if err != nil {
		return nil, fmt.Errorf("benchdata: fingerprint: %w", err)
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	if c := CompleteIn(dir); c != "" && c != fp && !o.Replace {
		unlock()
		return nil, refuse(dir, c, fp)
	}
	place, inPlace, err := placeFor(dir, fp, o.Write)
	if err == nil {
		// Until the markers have been read the durable copy can't be
		// trusted to be complete: a crash from here on must not leave it
		// saying so.
		err = markComplete(place.Persist, "")
	}
	if err != nil {
		unlock()
		return nil, err
	}
	dyn, err := localaws.StartDynamo(ctx, localaws.DynamoOptions{DBPath: place.Work})
	if err != nil {
		err = errors.Join(err, place.Save())
		unlock()
		return nil, err
	}
	db := &DB{Dynamo: dyn, Store: store.New(dyn.Client(), Table), Tenant: store.Tenant(o.Spec.Tenant), place: place, unlock: unlock}
	db.Info = Info{Spec: o.Spec, Fingerprint: fp, Place: place, InPlace: inPlace, Started: time.Since(began)}
	if err := db.fill(ctx, o, gen); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	db.Info.Took = time.Since(began)
	return db, nil
}

// fill brings the table to the data set, reading the markers to decide
// how much is left.
func (d *DB) fill(ctx context.Context, o Options, gen *demodata.Generator) error {
	client := d.Dynamo.Client()
	fp := d.Info.Fingerprint
	s, err := readState(ctx, d.Store, d.Tenant)
	var missing *types.ResourceNotFoundException
	if errors.As(err, &missing) {
		// Only now: creating waits with DescribeTable, which DynamoDB
		// Local answers by counting the items (30–40 s on the full data
		// set), so a start that finds the data set never calls it.
		if err := createLoadTable(ctx, client); err != nil {
			return err
		}
		s, err = state{}, nil
	}
	if err != nil {
		return err
	}
	d.holds = s.done
	if s.done == fp {
		return nil
	}
	if d.Info.InPlace {
		fmt.Fprintln(o.Log, "the durable database was marked complete but is not: loading on disk, slowly")
	}
	from := 0
	switch {
	case s.done == "" && s.loading == fp:
		from = s.mark
	case s.done != "" || s.loading != "":
		other := firstOf(s.done, s.loading)
		if !o.Replace {
			return refuse(d.place.Persist, other, fp)
		}
		d.holds = ""
		// Records of another data set would stay behind (LoadNew leaves
		// what exists to the version rules), so start from an empty table.
		fmt.Fprintf(o.Log, "the table holds another data set (%s); emptying it\n", other)
		if err := recreateTable(ctx, client); err != nil {
			return err
		}
		d.Info.Reset = true
	}
	if err := d.Store.PutSettings(ctx, d.Tenant, o.Spec.settings()); err != nil {
		return err
	}
	if err := saveWatermark(ctx, d.Store, d.Tenant, fp, from); err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "loading interactions %d to %d of %s\n  %d batches of %d in flight, database %s\n",
		from, o.Spec.N, fp, o.Workers, BatchSize, d.place.Work)
	l := &loader{
		st: d.Store, tenant: d.Tenant, gen: gen, end: o.Spec.End, workers: o.Workers, log: o.Log, every: o.Every,
		checkpoint: func(ctx context.Context, mark int) error { return saveWatermark(ctx, d.Store, d.Tenant, fp, mark) },
	}
	counts, prog, err := l.run(ctx, from, o.Spec.N)
	d.Info.Loaded, d.Info.From, d.Info.Counts, d.Info.Items = true, from, counts, prog.items
	if err != nil {
		return err
	}
	if err := enableStream(ctx, client); err != nil {
		return err
	}
	if err := d.Store.SetMarker(ctx, d.Tenant, doneMarker, fp); err != nil {
		return err
	}
	d.holds = fp
	return nil
}

func refuse(dir, held, asked string) error {
	return fmt.Errorf("benchdata: %s holds another data set:\n  %s\nnot the one asked for:\n  %s\nreplace it with Options.Replace (load -replace)", dir, held, asked)
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
