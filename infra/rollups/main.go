// Command rollups is admin tooling for the rollup cells:
//
//	go run ./infra/rollups rebuild -tenant T -from 2026-03-01 -to 2026-03-31
//
// recomputes every family's cells of the UTC days from..to (inclusive)
// from the interaction rows, writing the cells that differ and deleting
// those no row supports, and the agents' working time of those days (and
// the next, where their last statuses run on) from their status events. The table is TABLE_NAME (or -table) at
// DYNAMODB_ENDPOINT (or -endpoint; unset: AWS itself, with the default
// credentials). Run it while those days are not being ingested.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "rebuild" {
		fmt.Fprintln(os.Stderr, "usage: rollups rebuild -tenant T -from YYYY-MM-DD -to YYYY-MM-DD [-table NAME] [-endpoint URL]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet("rebuild", flag.ExitOnError)
	tenant := fs.String("tenant", "", "tenant id")
	from := fs.String("from", "", "first UTC day")
	to := fs.String("to", "", "last UTC day (inclusive)")
	table := fs.String("table", os.Getenv("TABLE_NAME"), "table name")
	endpoint := fs.String("endpoint", os.Getenv("DYNAMODB_ENDPOINT"), "DynamoDB endpoint (empty: AWS)")
	_ = fs.Parse(os.Args[2:])
	if err := rebuild(*tenant, *from, *to, *table, *endpoint); err != nil {
		fmt.Fprintln(os.Stderr, "rollups rebuild:", err)
		os.Exit(1)
	}
}

func rebuild(tenant, fromS, toS, table, endpoint string) error {
	t, err := store.NewTenant(tenant)
	if err != nil {
		return fmt.Errorf("-tenant %q is not a tenant id", tenant)
	}
	from, err := time.Parse("2006-01-02", fromS)
	if err != nil {
		return fmt.Errorf("-from: %w", err)
	}
	to, err := time.Parse("2006-01-02", toS)
	if err != nil || to.Before(from) {
		return fmt.Errorf("-to must be a date not before -from (got %q)", toS)
	}
	if table == "" {
		return fmt.Errorf("-table (or TABLE_NAME) is required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	client := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	began := time.Now()
	s, err := rollup.Rebuild(ctx, store.New(client, table), t, from, to, func(day time.Time, s rollup.RebuildStats) {
		fmt.Printf("%s  interactions %d  cells written %d  deleted %d\n", day.Format("2006-01-02"), s.Interactions, s.Written, s.Deleted)
	})
	if err != nil {
		return err
	}
	fmt.Printf("rebuilt %d days, %d interactions: %d cells written, %d deleted, in %s\n",
		s.Days, s.Interactions, s.Written, s.Deleted, time.Since(began).Round(time.Millisecond))
	w, err := store.New(client, table).RebuildWork(ctx, t, from, to)
	if err != nil {
		return err
	}
	fmt.Printf("working time: %d agent events, %d day items and %d month items rewritten\n", w.Events, w.Days, w.Months)
	return nil
}
