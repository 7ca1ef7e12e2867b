package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Store reads and writes Rastro's single table.
type Store struct {
	client       *dynamodb.Client
	db           *dynamo.DB
	table        dynamo.Table
	contributors []Contributor
	botNoted     *botChannelsNoted
	contactNums  *contactNumbers
}

// New wraps a DynamoDB client for the named table.
func New(client *dynamodb.Client, table string, contributors ...Contributor) *Store {
	db := dynamo.NewFromIface(client)
	return &Store{client: client, db: db, table: db.Table(table), contributors: contributors, botNoted: &botChannelsNoted{}, contactNums: &contactNumbers{}}
}

// Client exposes the SDK client for admin tooling and tests.
func (s *Store) Client() *dynamodb.Client { return s.client }

// TableName is the table the store uses.
func (s *Store) TableName() string { return s.table.Name() }

// Outcome says what a write did.
type Outcome int

const (
	Written   Outcome = iota // stored: new, or newer than what was there
	Unchanged                // the same version was already stored (a replay)
	Stale                    // a newer version was already stored; nothing changed
)

func (o Outcome) String() string {
	return [...]string{"written", "unchanged", "stale"}[o]
}

// Counts tallies outcomes of a batch.
type Counts struct {
	Received  int `json:"received"`
	Written   int `json:"written"`
	Unchanged int `json:"unchanged"`
	Stale     int `json:"stale"`
}

// Add records one outcome.
func (c *Counts) Add(o Outcome) {
	c.Received++
	switch o {
	case Written:
		c.Written++
	case Unchanged:
		c.Unchanged++
	case Stale:
		c.Stale++
	}
}

// notFound converts the library's not-found into the domain's, once, here.
func notFound(err error) error {
	if errors.Is(err, dynamo.ErrNotFound) {
		return domain.ErrNotFound
	}
	return err
}

// isConditionFailure reports whether a write lost a race on its condition:
// a plain conditional write, or a transaction cancelled for that reason.
func isConditionFailure(err error) bool {
	if dynamo.IsCondCheckFailed(err) {
		return true
	}
	return cancelledFor(err, "ConditionalCheckFailed")
}

// isRace reports whether a write lost to a concurrent one and should be
// tried again from the read: its version condition failed, or DynamoDB
// cancelled it because another transaction held one of its items.
func isRace(err error) bool {
	var inProgress *types.TransactionInProgressException
	return isConditionFailure(err) || cancelledFor(err, "TransactionConflict") || errors.As(err, &inProgress)
}

// cancelledAt are the positions of a cancelled transaction's actions
// cancelled for code (none when err is no cancellation).
func cancelledAt(err error, code string) map[int]bool {
	var tc *types.TransactionCanceledException
	if !errors.As(err, &tc) {
		return nil
	}
	out := map[int]bool{}
	for i, r := range tc.CancellationReasons {
		if aws.ToString(r.Code) == code {
			out[i] = true
		}
	}
	return out
}

func cancelledFor(err error, code string) bool { return len(cancelledAt(err, code)) > 0 }

// maxAttempts bounds how often a write that keeps losing races (or a read
// that keeps straddling two versions) is tried.
const maxAttempts = 10

// backoff waits before attempt n (from 1): exponential from 5 ms, capped
// at 500 ms, with full jitter so racing writers spread out.
func backoff(ctx context.Context, n int) error {
	d := 5 * time.Millisecond << min(n, 7)
	d = min(d, 500*time.Millisecond)
	t := time.NewTimer(time.Duration(rand.Int64N(int64(d)) + 1))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// maxTxItems is DynamoDB's limit on actions in one TransactWriteItems.
const maxTxItems = 100

func txTooLarge(n int) error {
	return domain.Errorf(domain.CodeInvalid, "record needs %d writes in one transaction; the limit is %d", n, maxTxItems)
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// WithoutContributors is the same table without rollup contributors: bulk
// loads write rows with batched writes and rebuild the rollups after.
func (s *Store) WithoutContributors() *Store {
	return &Store{client: s.client, db: s.db, table: s.table, botNoted: s.botNoted, contactNums: s.contactNums}
}
