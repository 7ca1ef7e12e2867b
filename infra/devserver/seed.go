package devserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/demodata"
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/ingest"
	"github.com/rastro-cc/rastro/shared/rollup"
	"github.com/rastro-cc/rastro/shared/store"
)

// SeedConfig describes the demo tenant.
type SeedConfig struct {
	Tenant       string
	Zone         string
	Interactions int
	Days         int
	Seed         int64
	End          time.Time // data covers the Days before End
}

// DefaultSeed is what `make dev` loads.
func DefaultSeed(now time.Time) SeedConfig {
	return SeedConfig{Tenant: demoTenant, Zone: "America/Sao_Paulo", Interactions: 20000, Days: 45, Seed: 42, End: now.UTC().Truncate(time.Hour)}
}

// Progress counts seeded records for /healthz.
type Progress struct {
	Done, Total atomic.Int64
}

const seedMarker = "demo-seed"

// Seed loads the demo tenant through the ingest service (the same
// validation and writes as the API), unless a previous run already did:
// a marker holding the configuration says so, which keeps later runs fast.
func Seed(ctx context.Context, st *Stack, c SeedConfig, p *Progress) (bool, error) {
	t := store.Tenant(c.Tenant)
	zone, err := domain.LoadZone(c.Zone)
	if err != nil {
		return false, err
	}
	marker, was, err := seedState(ctx, st, c)
	if err != nil || was == marker {
		return false, err
	}
	if err := st.Store.PutSettings(ctx, t, domain.Settings{TimeZone: c.Zone, Locale: "pt-BR", SLAMinutes: []int{1, 5, 15}}); err != nil {
		return false, err
	}
	keys, err := uploadRecordings(ctx, st, c.Tenant)
	if err != nil {
		return false, err
	}
	g := demodata.New(demodata.Config{
		Seed: c.Seed, Interactions: c.Interactions, End: c.End, Days: c.Days, Zone: zone, RecordingKeys: keys,
	})
	p.Total.Store(int64(c.Interactions))
	// Rows by batched writes, then the rollups rebuilt from them once:
	// DynamoDB Local runs transactions one at a time.
	svc := &ingest.Service{Store: st.Store.WithoutContributors(), Now: func() time.Time { return c.End }, Workers: 16, ExpectNew: true}

	var batch []domain.Interaction
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := svc.Interactions(ctx, t, batch); err != nil {
			return err
		}
		p.Done.Add(int64(len(batch)))
		batch = batch[:0]
		return nil
	}
	for in := range g.Interactions() {
		batch = append(batch, in)
		if len(batch) == ingest.MaxBatch {
			if err := flush(); err != nil {
				return false, fmt.Errorf("seed interactions: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return false, fmt.Errorf("seed interactions: %w", err)
	}
	if _, err := rollup.Rebuild(ctx, st.Store, t, c.End.AddDate(0, 0, -c.Days-1), c.End, nil); err != nil {
		return false, fmt.Errorf("seed rollups: %w", err)
	}
	if err := seedBatches(ctx, g.AgentEvents(), func(b []domain.AgentEvent) error {
		_, err := svc.AgentEvents(ctx, t, b)
		return err
	}); err != nil {
		return false, fmt.Errorf("seed agent events: %w", err)
	}
	if err := seedBatches(ctx, g.BotSessions(), func(b []domain.BotSession) error {
		_, err := svc.BotSessions(ctx, t, b)
		return err
	}); err != nil {
		return false, fmt.Errorf("seed bot sessions: %w", err)
	}
	return true, st.Store.SetMarker(ctx, t, seedMarker, marker)
}

// seedState returns the marker the demo data c gets, and the one the
// stack holds ("" when none).
func seedState(ctx context.Context, st *Stack, c SeedConfig) (want, have string, err error) {
	zone, err := domain.LoadZone(c.Zone)
	if err != nil {
		return "", "", err
	}
	fp, err := layout(c.Tenant, zone)
	if err != nil {
		return "", "", err
	}
	want = fmt.Sprintf("seed=%d n=%d days=%d end=%s layout=%s", c.Seed, c.Interactions, c.Days, domain.FormatInstant(c.End), fp)
	have, err = st.Store.Marker(ctx, store.Tenant(c.Tenant), seedMarker)
	if errors.Is(err, domain.ErrNotFound) {
		return want, "", nil
	}
	return want, have, err
}

// storedByOtherLayout reports whether the stack holds demo data written
// by a build that stored interactions differently. Its rows would answer
// today's filters wrongly, and seeding again would not rewrite them (the
// records' versions are the same), so Run starts such a stack afresh.
func storedByOtherLayout(ctx context.Context, st *Stack, c SeedConfig) (bool, string, error) {
	want, have, err := seedState(ctx, st, c)
	if err != nil || have == "" {
		return false, have, err
	}
	_, wantLayout, _ := strings.Cut(want, " layout=")
	_, haveLayout, _ := strings.Cut(have, " layout=")
	return wantLayout != haveLayout, have, nil
}

// layout fingerprints how the store writes an interaction: the items of
// one fixed demo interaction and its rollup contributions, and of one bot
// session, hashed.
func layout(tenant string, zone *time.Location) (string, error) {
	g := demodata.New(demodata.Config{Seed: 1, Interactions: 1, End: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Days: 1, Zone: zone})
	p, err := store.PrepareInteraction(store.Tenant(tenant), g.Interaction(0))
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if err := p.WriteCanonical(h); err != nil {
		return "", err
	}
	fmt.Fprintln(h, rollup.Fingerprint(g.Interaction(0)))
	fmt.Fprintln(h, store.WorkFormat)
	fmt.Fprintln(h, store.ContactFormat) // interaction 0 may count no contact
	for b := range g.BotSessions() {
		pb, err := store.PrepareBotSession(store.Tenant(tenant), b)
		if err != nil {
			return "", err
		}
		if err := pb.WriteCanonical(h); err != nil {
			return "", err
		}
		break
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

func seedBatches[T any](ctx context.Context, seq func(func(T) bool), write func([]T) error) error {
	var batch []T
	var err error
	seq(func(x T) bool {
		batch = append(batch, x)
		if len(batch) == ingest.MaxBatch {
			err = write(batch)
			batch = nil
		}
		return err == nil && ctx.Err() == nil
	})
	if err == nil && len(batch) > 0 {
		err = write(batch)
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// uploadRecordings puts a few short tones in the media bucket under the
// tenant's prefix; demo calls point their recordings at them (keys are
// relative to that prefix).
func uploadRecordings(ctx context.Context, st *Stack, tenant string) ([]string, error) {
	var keys []string
	for i, hz := range []float64{440, 523.25, 659.25, 783.99} {
		key := fmt.Sprintf("recordings/demo-call-%d.wav", i+1) // relative to the tenant's prefix
		_, err := st.S3c.PutObject(ctx, &s3.PutObjectInput{
			Bucket: aws.String(MediaBucket), Key: aws.String(tenant + "/" + key),
			Body: bytes.NewReader(tone(hz, 2*time.Second)), ContentType: aws.String("audio/wav"),
		})
		if err != nil {
			return nil, fmt.Errorf("upload recording: %w", err)
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// tone is a mono 8 kHz 16-bit PCM WAV of a sine wave, fading out.
func tone(hz float64, d time.Duration) []byte {
	const rate = 8000
	n := int(d.Seconds() * rate)
	var buf bytes.Buffer
	w := func(v any) { _ = binary.Write(&buf, binary.LittleEndian, v) }
	buf.WriteString("RIFF")
	w(uint32(36 + n*2))
	buf.WriteString("WAVEfmt ")
	w(uint32(16))
	w(uint16(1))
	w(uint16(1))
	w(uint32(rate))
	w(uint32(rate * 2))
	w(uint16(2))
	w(uint16(16))
	buf.WriteString("data")
	w(uint32(n * 2))
	for i := range n {
		amp := 0.3 * (1 - float64(i)/float64(n))
		w(int16(amp * math.MaxInt16 * math.Sin(2*math.Pi*hz*float64(i)/rate)))
	}
	return buf.Bytes()
}
