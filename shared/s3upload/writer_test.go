package s3upload_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/rastro-cc/rastro/infra/localaws"
	"github.com/rastro-cc/rastro/shared/s3upload"
)

func TestMain(m *testing.M) { localaws.Main(m) }

type bucket struct {
	client *s3.Client
	name   string
}

func mustBucket(t *testing.T) bucket {
	t.Helper()
	gw := localaws.MustS3(t)
	b := bucket{gw.Client(), localaws.UniqueName(t, "b")}
	if err := gw.EnsureBucket(context.Background(), b.name); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b bucket) get(t *testing.T, key string) ([]byte, error) {
	t.Helper()
	out, err := b.client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: &b.name, Key: &key})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	return io.ReadAll(out.Body)
}

// pending is how many multipart uploads the bucket still holds.
func (b bucket) pending(t *testing.T) int {
	t.Helper()
	out, err := b.client.ListMultipartUploads(context.Background(), &s3.ListMultipartUploadsInput{Bucket: &b.name})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.Uploads)
}

func random(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// write sends data in uneven chunks, as rows would come.
func write(w io.Writer, data []byte, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 1))
	for len(data) > 0 {
		n := min(len(data), 1+r.IntN(300_000))
		if _, err := w.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

func TestObjectEqualsWhatWasWritten(t *testing.T) {
	b := mustBucket(t)
	for _, tc := range []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"small, one put", 1234},
		{"exactly one part", s3upload.PartSize},
		{"several parts and a short last one", 2*s3upload.PartSize + 777},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := random(tc.size, uint64(tc.size))
			key := "t/" + tc.name
			w := s3upload.New(context.Background(), b.client, s3upload.Object{Bucket: b.name, Key: key, ContentType: "text/csv"})
			if err := write(w, data, 7); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if w.Size() != int64(len(data)) {
				t.Fatalf("size %d, wrote %d", w.Size(), len(data))
			}
			got, err := b.get(t, key)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) {
				t.Fatalf("object has %d bytes, differs from the %d written", len(got), len(data))
			}
			if err := w.Abort(); err != nil {
				t.Fatalf("abort after a complete upload must do nothing: %v", err)
			}
			if _, err := b.get(t, key); err != nil {
				t.Fatalf("abort after close removed the object: %v", err)
			}
		})
	}
	if n := b.pending(t); n != 0 {
		t.Fatalf("%d multipart uploads left open", n)
	}
}

// A failure midway, or a cancelled context, leaves neither an object nor
// parts behind.
func TestAbortLeavesNothing(t *testing.T) {
	b := mustBucket(t)
	data := random(2*s3upload.PartSize+10, 3)
	t.Run("abort", func(t *testing.T) {
		w := s3upload.New(context.Background(), b.client, s3upload.Object{Bucket: b.name, Key: "aborted"})
		if err := write(w, data, 1); err != nil {
			t.Fatal(err)
		}
		if err := w.Abort(); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err == nil {
			t.Fatal("close after abort succeeded")
		}
		if _, err := w.Write([]byte("x")); err == nil {
			t.Fatal("write after abort succeeded")
		}
		if _, err := b.get(t, "aborted"); err == nil {
			t.Fatal("an aborted upload left an object")
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		w := s3upload.New(ctx, b.client, s3upload.Object{Bucket: b.name, Key: "cancelled"})
		if err := write(w, data[:s3upload.PartSize+5], 2); err != nil {
			t.Fatal(err)
		}
		cancel()
		err := write(w, data[s3upload.PartSize+5:], 3)
		if err == nil {
			err = w.Close()
		} else {
			w.Abort()
		}
		if err == nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want the cancellation", err)
		}
		if _, err := b.get(t, "cancelled"); err == nil {
			t.Fatal("a cancelled upload left an object")
		}
	})
	t.Run("bucket gone", func(t *testing.T) {
		w := s3upload.New(context.Background(), b.client, s3upload.Object{Bucket: "no-such-bucket-" + b.name, Key: "k"})
		err := write(w, data, 4)
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			t.Fatal("an upload into a missing bucket succeeded")
		}
	})
	deadline := time.Now().Add(5 * time.Second)
	for b.pending(t) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d multipart uploads left open", b.pending(t))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
