// Package s3upload streams a file of any size into one S3 object. The
// exporter writes rows as it reads them; holding the file in memory or on
// disk would cap an export at the Lambda's memory or /tmp, so bytes go out
// in multipart-upload parts as they fill.
package s3upload

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// API is the part of the S3 client the writer uses.
type API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	CreateMultipartUpload(ctx context.Context, in *s3.CreateMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CreateMultipartUploadOutput, error)
	UploadPart(ctx context.Context, in *s3.UploadPartInput, opts ...func(*s3.Options)) (*s3.UploadPartOutput, error)
	CompleteMultipartUpload(ctx context.Context, in *s3.CompleteMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CompleteMultipartUploadOutput, error)
	AbortMultipartUpload(ctx context.Context, in *s3.AbortMultipartUploadInput, opts ...func(*s3.Options)) (*s3.AbortMultipartUploadOutput, error)
}

// PartSize is the size of every part but the last. S3 wants at least 5 MiB
// and allows 10,000 parts: 8 MiB parts reach 80 GB, far beyond any export,
// while the writer holds at most inFlight+1 parts in memory.
const (
	PartSize     = 8 << 20
	inFlight     = 2
	abortTimeout = 10 * time.Second
)

// Object names what is written.
type Object struct {
	Bucket, Key, ContentType string
	// PartSize overrides PartSize (tests make small files multipart with
	// it); S3 refuses to complete an upload whose parts but the last are
	// under 5 MiB.
	PartSize int
}

// Writer is an io.WriteCloser onto one object. The object exists only
// once Close returns nil: a failed Write or Close, or Abort, removes the
// uploaded parts, so no reader ever sees half a file.
type Writer struct {
	ctx    context.Context
	api    API
	obj    Object
	buf    *bytes.Buffer
	size   int64
	closed bool
	done   bool // the object exists; nothing is left to abort

	uploadID string
	next     int32 // the next part number
	wg       sync.WaitGroup
	slots    chan struct{}
	mu       sync.Mutex
	parts    []types.CompletedPart
	err      error // the first failure; every later call returns it
}

// New starts nothing yet: a file smaller than one part is sent with a
// single PutObject when it closes.
func New(ctx context.Context, api API, obj Object) *Writer {
	if obj.PartSize <= 0 {
		obj.PartSize = PartSize
	}
	return &Writer{ctx: ctx, api: api, obj: obj, buf: new(bytes.Buffer), next: 1, slots: make(chan struct{}, inFlight)}
}

// Size is how many bytes were written.
func (w *Writer) Size() int64 { return w.size }

func (w *Writer) Write(p []byte) (int, error) {
	if err := w.failure(); err != nil {
		return 0, err
	}
	if w.closed {
		return 0, errors.New("s3upload: write after close")
	}
	n := len(p)
	for len(p) > 0 {
		room := w.obj.PartSize - w.buf.Len()
		if room > len(p) {
			room = len(p)
		}
		w.buf.Write(p[:room])
		p = p[room:]
		if w.buf.Len() == w.obj.PartSize {
			if err := w.flush(); err != nil {
				w.Abort()
				return 0, err
			}
		}
	}
	w.size += int64(n)
	return n, nil
}

// flush sends the buffer as the next part, in the background once the
// upload exists; at most inFlight parts travel at once.
func (w *Writer) flush() error {
	if w.uploadID == "" {
		out, err := w.api.CreateMultipartUpload(w.ctx, &s3.CreateMultipartUploadInput{
			Bucket: &w.obj.Bucket, Key: &w.obj.Key, ContentType: nonEmpty(w.obj.ContentType),
			ChecksumAlgorithm: types.ChecksumAlgorithmCrc32,
		})
		if err != nil {
			return w.fail(fmt.Errorf("s3upload: start %s: %w", w.obj.Key, err))
		}
		w.uploadID = *out.UploadId
	}
	body, num := w.buf.Bytes(), w.next
	w.buf = bytes.NewBuffer(make([]byte, 0, w.obj.PartSize))
	w.next++
	select {
	case w.slots <- struct{}{}:
	case <-w.ctx.Done():
		return w.fail(w.ctx.Err())
	}
	w.wg.Add(1)
	go func() {
		defer func() { <-w.slots; w.wg.Done() }()
		out, err := w.api.UploadPart(w.ctx, &s3.UploadPartInput{
			Bucket: &w.obj.Bucket, Key: &w.obj.Key, UploadId: &w.uploadID,
			PartNumber: aws.Int32(num), Body: bytes.NewReader(body),
			ChecksumAlgorithm: types.ChecksumAlgorithmCrc32,
		})
		if err != nil {
			w.fail(fmt.Errorf("s3upload: part %d of %s: %w", num, w.obj.Key, err))
			return
		}
		w.mu.Lock()
		w.parts = append(w.parts, types.CompletedPart{PartNumber: aws.Int32(num), ETag: out.ETag, ChecksumCRC32: out.ChecksumCRC32})
		w.mu.Unlock()
	}()
	return w.failure()
}

// Close makes the object: the last part and the completion, or one
// PutObject for a small file. On failure the parts are removed.
func (w *Writer) Close() error {
	if w.closed {
		return w.failure()
	}
	w.closed = true
	if err := w.failure(); err != nil {
		w.Abort()
		return err
	}
	if w.uploadID == "" {
		_, err := w.api.PutObject(w.ctx, &s3.PutObjectInput{
			Bucket: &w.obj.Bucket, Key: &w.obj.Key, ContentType: nonEmpty(w.obj.ContentType),
			Body: bytes.NewReader(w.buf.Bytes()), ContentLength: aws.Int64(int64(w.buf.Len())),
		})
		if err != nil {
			return w.fail(fmt.Errorf("s3upload: put %s: %w", w.obj.Key, err))
		}
		w.done = true
		return nil
	}
	if w.buf.Len() > 0 {
		if err := w.flush(); err != nil {
			w.Abort()
			return err
		}
	}
	w.wg.Wait()
	if err := w.failure(); err != nil {
		w.Abort()
		return err
	}
	slices.SortFunc(w.parts, func(a, b types.CompletedPart) int { return int(*a.PartNumber - *b.PartNumber) })
	_, err := w.api.CompleteMultipartUpload(w.ctx, &s3.CompleteMultipartUploadInput{
		Bucket: &w.obj.Bucket, Key: &w.obj.Key, UploadId: &w.uploadID,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: w.parts},
	})
	if err != nil {
		w.fail(fmt.Errorf("s3upload: complete %s: %w", w.obj.Key, err))
		w.Abort()
		return w.failure()
	}
	w.done = true
	return nil
}

// Abort removes the parts sent so far. It runs even when the writer's
// context is cancelled (a timeout is the usual reason to abort), and is
// safe to call more than once and after a failed Close. The bucket's
// lifecycle rule removes what a crash leaves behind.
func (w *Writer) Abort() error {
	if w.done {
		return nil
	}
	w.closed = true
	w.wg.Wait()
	w.fail(errors.New("s3upload: aborted"))
	if w.uploadID == "" {
		return nil
	}
	id := w.uploadID
	w.uploadID = ""
	// Bounded: an abort that hangs must not eat the time the caller kept
	// to record the failure.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(w.ctx), abortTimeout)
	defer cancel()
	_, err := w.api.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{
		Bucket: &w.obj.Bucket, Key: &w.obj.Key, UploadId: &id,
	})
	return err
}

func (w *Writer) fail(err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) failure() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
