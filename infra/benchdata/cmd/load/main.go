// Command load makes the benchmark tenant exist: it runs benchdata.Ensure
// (loading, resuming or doing nothing, as the markers say), then
// EnsureRollups and EnsureExtras, saves the database into the durable
// directory and says what it did. Run it again with the same flags to
// finish an interrupted load.
//
//	go run ./infra/benchdata/cmd/load -n 1000000
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rastro-cc/rastro/infra/benchdata"
	"github.com/rastro-cc/rastro/shared/domain"
)

func main() {
	n := flag.Int("n", 1_000_000, "interactions in the data set")
	dir := flag.String("dir", "", "durable directory of the database (default <repo>/.bench/dynamodb)")
	workers := flag.Int("workers", benchdata.DefaultWorkers, "LoadNew batches of 500 in flight")
	every := flag.Duration("every", 10*time.Second, "between progress lines")
	replace := flag.Bool("replace", false, "discard another data set found in -dir")
	status := flag.Bool("status", false, "only say which data set this build would load and which -dir holds")
	media := flag.String("media", "", "make every interaction of this media (the export benchmark's data set, in its own -dir)")
	rollups := flag.Bool("rollups", true, "build the rollups too (the aggregate benchmarks need them; exports read rows only)")
	extras := flag.Bool("extras", true, "load the month's bot sessions and agent events too (the mixed data set only; the bot report benchmark needs them)")
	flag.Parse()
	spec := benchdata.DefaultSpec(*n)
	spec.Media = domain.Media(*media)
	if spec.Media != "" && !spec.Media.Valid() {
		fmt.Fprintf(os.Stderr, "load: -media %q is not a media\n", *media)
		os.Exit(2)
	}
	o := benchdata.Options{Dir: *dir, Spec: spec, Workers: *workers, Log: os.Stdout, Every: *every, Replace: *replace}
	if *status {
		if err := printStatus(o); err != nil {
			fmt.Fprintln(os.Stderr, "load:", err)
			os.Exit(1)
		}
		return
	}
	// The export benchmark's data set of one media has no use for them.
	todo := steps{rollups: *rollups, extras: *extras && spec.Media == ""}
	if err := run(o, todo); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		fmt.Fprintln(os.Stderr, "(nothing stored is lost: the same command resumes an interrupted load)")
		os.Exit(1)
	}
}

// printStatus answers "is the loaded data set still the one this code
// would load?" without starting anything: the item layout may have
// changed since it was loaded.
func printStatus(o benchdata.Options) error {
	if err := defaultDir(&o); err != nil {
		return err
	}
	fp, err := o.Spec.Fingerprint()
	if err != nil {
		return err
	}
	held := benchdata.CompleteIn(o.Dir)
	fmt.Printf("this build loads: %s\n%s holds:    %s\n", fp, o.Dir, cmp.Or(held, "no complete data set (none, unfinished, or in use)"))
	if held == fp {
		fmt.Println("up to date")
	}
	return nil
}

func defaultDir(o *benchdata.Options) error {
	if o.Dir != "" {
		return nil
	}
	var err error
	o.Dir, err = benchdata.DefaultDir()
	return err
}

// steps are what run does after the interactions are loaded.
type steps struct{ rollups, extras bool }

// writes reports whether any of the steps asked for has something to
// write.
func (s steps) writes(ctx context.Context, db *benchdata.DB) (bool, error) {
	if s.rollups {
		if built, err := db.HasRollups(ctx); err != nil || !built {
			return err == nil, err
		}
	}
	if s.extras {
		loaded, err := db.HasExtras(ctx)
		return err == nil && !loaded, err
	}
	return false, nil
}

func run(o benchdata.Options, s steps) error {
	if err := defaultDir(&o); err != nil {
		return err
	}
	// An interrupt saves the watermark and the database before exiting,
	// so the next run resumes where this one stopped.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	spec := o.Spec
	db, err := benchdata.Ensure(ctx, o)
	if err != nil {
		return err
	}
	loaded := db.Info
	write, err := s.writes(ctx, db)
	if err == nil && write && !o.Write {
		// Rebuilding the rollups writes millions of cells, the extras
		// hundreds of thousands of items: reopen on a working copy.
		if err := db.Close(); err != nil {
			return err
		}
		o.Write = true
		if db, err = benchdata.Ensure(ctx, o); err != nil {
			return err
		}
	}
	if err == nil && s.rollups {
		err = db.EnsureRollups(ctx, os.Stdout)
	}
	if err == nil && s.extras {
		err = db.EnsureExtras(ctx, os.Stdout)
	}
	if err != nil {
		return errors.Join(err, db.Close())
	}
	// What the rows' load did, and where the database ran last.
	info := loaded
	info.Place, info.InPlace = db.Info.Place, db.Info.InPlace
	saveStart := time.Now()
	if err := db.Close(); err != nil {
		return fmt.Errorf("save database: %w", err)
	}
	fmt.Printf("data set: %s\n", info.Fingerprint)
	fmt.Printf("table %s, tenant %s, database kept in %s\n", benchdata.Table, spec.Tenant, info.Place.Persist)
	where := "a working copy in " + info.Place.Work
	if info.InPlace {
		where = "the durable copy in place"
	}
	fmt.Printf("DynamoDB Local ran on %s and answered after %s\n", where, info.Started.Round(time.Millisecond))
	if !info.Loaded {
		fmt.Printf("already loaded: wrote nothing; ready after %s\n", info.Took.Round(time.Millisecond))
	} else {
		secs := (info.Took - info.Started).Seconds()
		fmt.Printf("loaded interactions %d to %d: %d written, %d already there (%d items) in %s: %.0f interactions/s, %.0f items/s\n",
			info.From, spec.N, info.Counts.Written, info.Counts.Unchanged+info.Counts.Stale, info.Items,
			(info.Took - info.Started).Round(time.Second), float64(info.Counts.Received)/secs, float64(info.Items)/secs)
		if info.Reset {
			fmt.Println("(the table held another data set and was emptied first)")
		}
	}
	fmt.Printf("database saved in %s\n", time.Since(saveStart).Round(time.Millisecond))
	return nil
}
