package exportfile

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"

	"github.com/rastro-cc/rastro/shared/domain"
)

// File writes one export: Open, Add for each interaction in order, Close.
// It holds one row at a time (XLSX compresses each row into its sheet's
// ZIP entry as it comes, see xlsx.go), so an export of any size streams to
// w in constant memory and no disk. A File is not safe for concurrent use.
type File struct {
	rows   rowWriter
	gz     *gzip.Writer // nil unless the spec asks for gzip
	buf    *bufio.Writer
	n      int64
	err    error // the first failure, returned by every later call
	closed bool
}

// rowWriter is one format's writer: what a row looks like and what closes the
// file.
type rowWriter interface {
	add(in *domain.Interaction) error
	finish() error  // writes what follows the last row
	release() error // frees what the writer holds outside memory; called once, after finish or instead of it
}

// errClosed is returned by Add and Close after Close.
var errClosed = errors.New("exportfile: file already closed")

// writeBuffer batches writes to w: gzip and the CSV and ZIP writers emit
// many small writes, and w is typically a multipart upload, which copies
// each write into its part buffer.
const writeBuffer = 64 << 10

// Open validates s and writes what comes before the rows (the BOM and the
// header of a CSV, the first sheet's header of an XLSX). Writes are
// buffered: they reach w by Close at the latest. Close must be called
// even when Add fails, to release the writers' buffers.
func Open(w io.Writer, s Spec) (*File, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	f := &File{buf: bufio.NewWriterSize(w, writeBuffer)}
	var out io.Writer = f.buf
	if s.Gzip {
		f.gz = gzip.NewWriter(f.buf)
		out = f.gz
	}
	var err error
	switch s.Format {
	case CSV:
		f.rows, err = newCSV(out, s)
	case XLSX:
		f.rows, err = newXLSX(out, s)
	case JSONL:
		f.rows = newJSONL(out)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Add writes in as the next row.
func (f *File) Add(in *domain.Interaction) error {
	switch {
	case f.closed:
		return errClosed
	case f.err != nil:
		return f.err
	}
	if err := f.rows.add(in); err != nil {
		f.err = err
		return err
	}
	f.n++
	return nil
}

// Rows is how many rows Add has written, headers not counted.
func (f *File) Rows() int64 { return f.n }

// Close writes the rest of the file (the CSV writer's buffer, the gzip
// trailer, the XLSX workbook) to w and frees what the File holds. It does
// not close w. After a failed Add it only frees, and returns that failure:
// the file is incomplete and must not be published.
func (f *File) Close() error {
	if f.closed {
		return errClosed
	}
	f.closed = true
	err := f.err
	if err == nil {
		err = f.finish()
	}
	return errors.Join(err, f.rows.release())
}

// Discard frees what the File holds without finishing the file: the run
// failed and the file will not be published. It does nothing after Close.
func (f *File) Discard() {
	if f.closed {
		return
	}
	if f.err == nil {
		f.err = errDiscarded
	}
	_ = f.Close()
}

var errDiscarded = errors.New("exportfile: file discarded")

func (f *File) finish() error {
	if err := f.rows.finish(); err != nil {
		return err
	}
	if f.gz != nil {
		if err := f.gz.Close(); err != nil {
			return err
		}
	}
	return f.buf.Flush()
}
