package store

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/rastro-cc/rastro/shared/domain"
)

// A tenant's bot usually runs on two or three of the nine text channels.
// The report reads each channel's day partitions, so without knowing
// which channels have sessions an unfiltered month would Query the empty
// partitions of the others, 32 days each (measured: 413 ms against 30 ms
// for one channel, docs/benchmarks.md). An item per tenant lists the
// channels any session was stored on. It is written before the session
// (so a session is never on a channel the list lacks; a write that then
// fails leaves at worst an empty channel listed) and at most once per
// channel and process: the set only grows, and ADD of a member it has
// changes nothing.
//
// Sessions stored before the list existed are on channels it may lack, so
// the list holds from `since`: the instant it was created plus the most a
// start may lie in the future when stored (domain.MaxFutureSkew), so a
// session that starts after since was stored after the list, and noted.
// Earlier spans read every channel. A first load
// (LoadNewBotSessions) creates the list as holding for all time.

type botChannelsItem struct {
	PK       string   `dynamo:"pk,hash"`
	SK       string   `dynamo:"sk,range"`
	Channels []string `dynamo:"ch,set"`
	Since    string   `dynamo:"since"` // instant; allTime for a list made by a first load
}

// allTime is since for a list that holds for every session.
const allTime = "0000-00-00T00:00:00.000Z"

// botChannelsNoted remembers, per Store (one per Lambda container), the
// tenant channels already in the list.
type botChannelsNoted struct{ sync.Map }

// NoteBotChannels makes sure the tenant's list holds the channels; a
// list it creates holds from now, or for all time when firstLoad. Session
// writes call it; a bulk loader whose first load was stored before the
// list existed (the benchmark data set) calls it with firstLoad.
func (s *Store) NoteBotChannels(ctx context.Context, t Tenant, firstLoad bool, channels ...domain.Media) error {
	var add []string
	for _, c := range channels {
		if _, ok := s.botNoted.Load(string(t) + "\x00" + string(c)); !ok && !slices.Contains(add, string(c)) {
			add = append(add, string(c))
		}
	}
	if len(add) == 0 {
		return nil
	}
	// A session may start up to MaxFutureSkew after it is stored: those
	// stored just before the list may still start after now.
	since := domain.FormatInstant(time.Now().Add(domain.MaxFutureSkew))
	if firstLoad {
		since = allTime
	}
	k := t.BotChannelsKey()
	_, err := s.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.TableName()),
		Key: map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: k.PK}, "sk": &types.AttributeValueMemberS{Value: k.SK},
		},
		UpdateExpression: aws.String("ADD ch :c SET since = if_not_exists(since, :now)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":c": &types.AttributeValueMemberSS{Value: add}, ":now": &types.AttributeValueMemberS{Value: since},
		},
	})
	if err != nil {
		return wrap("note bot channels", err)
	}
	for _, c := range add {
		s.botNoted.Store(string(t)+"\x00"+c, true)
	}
	return nil
}

// botChannelSpans is, per channel of q, the spans its partitions may hold
// sessions in: all of q's for a listed channel (or with no list), only
// those before the list's since for another.
func (s *Store) botChannelSpans(ctx context.Context, t Tenant, q BotQuery) ([][]Span, error) {
	k := t.BotChannelsKey()
	var it botChannelsItem
	err := s.table.Get("pk", k.PK).Range("sk", dynamo.Equal, k.SK).Consistent(true).One(ctx, &it)
	if err != nil && !errors.Is(err, dynamo.ErrNotFound) {
		return nil, wrap("get bot channels", err)
	}
	out := make([][]Span, len(q.Channels))
	for i, c := range q.Channels {
		if err != nil || slices.Contains(it.Channels, string(c)) {
			out[i] = q.Spans
			continue
		}
		for _, sp := range q.Spans {
			if domain.FormatInstant(sp.From) >= it.Since {
				break
			}
			if to := domain.FormatInstant(sp.To); to > it.Since {
				sp.To, _ = time.Parse(domain.InstantLayout, it.Since)
			}
			out[i] = append(out[i], sp)
		}
	}
	return out, nil
}
