package domain

import (
	"crypto/rand"
	"time"
)

// ExportStatus is where an export job is in its life: queued when asked
// for, running while an exporter holds it, then succeeded or failed.
type ExportStatus string

const (
	ExportQueued    ExportStatus = "queued"
	ExportRunning   ExportStatus = "running"
	ExportSucceeded ExportStatus = "succeeded"
	ExportFailed    ExportStatus = "failed"
)

// Finished reports whether the job will not change any more.
func (s ExportStatus) Finished() bool { return s == ExportSucceeded || s == ExportFailed }

// ExportOptions are the file's options with every default applied, so the
// exporter needs neither the tenant's settings nor the request's text.
type ExportOptions struct {
	Delimiter string `json:"delimiter,omitempty"` // CSV: "," or ";"
	BOM       bool   `json:"bom"`                 // CSV: start with a UTF-8 byte-order mark
	Language  string `json:"language"`            // header language: "en" or "pt-BR"
	Gzip      bool   `json:"gzip"`                // CSV and JSONL: gzip-compressed
}

// ExportJob is one asked-for export file of a report and how far its
// making got. Params are the report's query parameters, as url.Values,
// with the period and zone resolved when the job was created so that the
// file covers what the admin saw, whenever it runs.
type ExportJob struct {
	ID        string
	CreatedBy string   // user id of the admin who asked
	Role      Role     // the asker's role: the file holds what they may see
	Queues    []string // the asker's queues (a supervisor's scope; admins see all)
	Report    string   // "interactions"
	Params    map[string][]string
	Format    string // csv, xlsx or jsonl
	ExportOptions
	Status    ExportStatus
	Rows      int64  // written so far (running) or in the file
	Bytes     int64  // size of the file
	Key       string // S3 object key of the file, once succeeded
	FileName  string // the file's download name, once succeeded
	Reason    string // why it failed, in words for the admin
	Created   time.Time
	Started   *time.Time // first claimed by an exporter
	Finished  *time.Time
	Heartbeat *time.Time // the running exporter's last sign of life
	Owner     string     // the exporter run that holds the job
	Attempts  int        // claims so far, takeovers of stopped runs included
}

// exportIDAlphabet is Crockford's base 32: no I, L, O or U, and in ASCII
// order, so ids sort as their instants do.
const exportIDAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// ExportJobIDLen is the length of an export job id: 128 bits in base 32.
const ExportJobIDLen = 26

// NewExportJobID makes an id that sorts by creation time and cannot be
// guessed: 48 bits of Unix milliseconds, then 80 random bits, as 26
// characters of Crockford base 32 (the layout of a ULID).
func NewExportJobID(now time.Time) string {
	var b [16]byte
	ms := uint64(now.UnixMilli())
	for i := 0; i < 6; i++ {
		b[i] = byte(ms >> (40 - 8*i))
	}
	_, _ = rand.Read(b[6:]) // never fails (crypto/rand panics rather than return an error)
	return encodeBase32(b)
}

// encodeBase32 writes 128 bits as 26 digits, the first carrying only the
// top 3 bits (so it is 0-7).
func encodeBase32(b [16]byte) string {
	out := make([]byte, ExportJobIDLen)
	hi := uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
		uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
	lo := uint64(b[8])<<56 | uint64(b[9])<<48 | uint64(b[10])<<40 | uint64(b[11])<<32 |
		uint64(b[12])<<24 | uint64(b[13])<<16 | uint64(b[14])<<8 | uint64(b[15])
	for i := ExportJobIDLen - 1; i >= 0; i-- {
		out[i] = exportIDAlphabet[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out)
}

// ValidExportJobID reports whether s has the shape of an id
// NewExportJobID makes; anything else names no job.
func ValidExportJobID(s string) bool {
	if len(s) != ExportJobIDLen || s[0] > '7' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !validIDDigit(s[i]) {
			return false
		}
	}
	return true
}

func validIDDigit(c byte) bool {
	for i := 0; i < len(exportIDAlphabet); i++ {
		if exportIDAlphabet[i] == c {
			return true
		}
	}
	return false
}

// ExportJobIDTime is the creation instant an id carries (millisecond
// precision); ok is false for a malformed id.
func ExportJobIDTime(id string) (time.Time, bool) {
	if !ValidExportJobID(id) {
		return time.Time{}, false
	}
	var ms uint64
	for i := 0; i < 10; i++ { // 10 digits = 50 bits: the 48 of the instant and 2 leading zeros
		for v := 0; v < len(exportIDAlphabet); v++ {
			if exportIDAlphabet[v] == id[i] {
				ms = ms<<5 | uint64(v)
				break
			}
		}
	}
	return time.UnixMilli(int64(ms)).UTC(), true
}
