package sessionmeta

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Limits on one file. They match the HTTP ingest batch (500 records) so an
// S3 drop and a POST are held to the same bound, and keep one file well
// inside the ingest Lambda's memory.
const (
	MaxDocuments = 500
	MaxFileBytes = 10 << 20
)

// Decode reads a file dropped in storage. The platform writes one document
// per file, but exports and replays by hand put several in one file, as a
// JSON array or as JSON lines (objects one after another), so all three are
// accepted; the first non-space byte tells them apart.
//
// A file over the limits, malformed JSON, or an element that is not an
// object fails the whole file (a *domain.Error coded too_large or
// bad_request): such a file was not written by the platform and no
// document in it can be trusted to be complete. A known key of the wrong
// type does not fail the file; Interaction reports it.
func Decode(r io.Reader) ([]Document, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read session-metadata file: %w", err)
	}
	if len(b) > MaxFileBytes {
		return nil, domain.Errorf(domain.CodeTooLarge, "session-metadata file is larger than %d MiB", MaxFileBytes>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a BOM from tools that write UTF-8 "with signature"
	body := bytes.TrimLeft(b, " \t\r\n")
	if len(body) == 0 {
		return nil, domain.Errorf(domain.CodeBadRequest, "session-metadata file is empty")
	}
	// The decoders get b, not body, so syntax-error offsets count from the
	// file's first byte after any BOM.
	switch body[0] {
	case '[':
		return decodeArray(b)
	case '{':
		return decodeStream(b)
	}
	return nil, domain.Errorf(domain.CodeBadRequest, "session-metadata file must hold a JSON object, an array of objects or JSON lines (starts with %q)", body[0])
}

func decodeArray(b []byte) ([]Document, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return nil, syntaxErr(-1, err)
	}
	var docs []Document
	for dec.More() {
		if len(docs) == MaxDocuments {
			return nil, tooMany()
		}
		doc, err := decodeOne(dec, len(docs))
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntaxErr(-1, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, domain.Errorf(domain.CodeBadRequest, "session-metadata file has data after the closing ] of its array")
	}
	if len(docs) == 0 {
		return nil, domain.Errorf(domain.CodeBadRequest, "session-metadata file holds an empty array")
	}
	return docs, nil
}

// decodeStream reads one object or JSON lines: both are a sequence of
// top-level objects, so one loop serves.
func decodeStream(b []byte) ([]Document, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var docs []Document
	for {
		if !dec.More() {
			// More is false at EOF and also before a stray ] or }; only EOF ends cleanly.
			if _, err := dec.Token(); err != io.EOF {
				return nil, domain.Errorf(domain.CodeBadRequest, "session-metadata file: document [%d]: expected a JSON object", len(docs))
			}
			return docs, nil
		}
		if len(docs) == MaxDocuments {
			return nil, tooMany()
		}
		doc, err := decodeOne(dec, len(docs))
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
}

func decodeOne(dec *json.Decoder, index int) (Document, error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return Document{}, syntaxErr(index, err)
	}
	var doc Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		if errors.Is(err, errNotObject) {
			return Document{}, domain.Errorf(domain.CodeBadRequest, "session-metadata file: document [%d]: must be a JSON object (got %s)", index, jsonKind(bytes.TrimSpace(raw)))
		}
		return Document{}, syntaxErr(index, err)
	}
	return doc, nil
}

func tooMany() error {
	return domain.Errorf(domain.CodeTooLarge, "session-metadata file holds more than %d documents", MaxDocuments)
}

// syntaxErr keeps the offset, the one thing that lets someone find the
// fault in a 10 MiB file.
func syntaxErr(index int, err error) error {
	where := "session-metadata file"
	if index >= 0 {
		where = fmt.Sprintf("session-metadata file: document [%d]", index)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &domain.Error{Code: domain.CodeBadRequest, Message: fmt.Sprintf("%s: invalid JSON at byte %d: %v", where, se.Offset, se), Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &domain.Error{Code: domain.CodeBadRequest, Message: where + ": invalid JSON: unexpected end of file", Err: err}
	}
	return &domain.Error{Code: domain.CodeBadRequest, Message: fmt.Sprintf("%s: invalid JSON: %v", where, err), Err: err}
}
