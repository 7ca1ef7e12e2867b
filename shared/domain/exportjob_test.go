package domain_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

func TestExportJobIDs(t *testing.T) {
	at := time.Date(2026, 10, 31, 23, 59, 59, 123_000_000, time.UTC)
	seen := map[string]bool{}
	var ids []string
	for i := range 200 {
		id := domain.NewExportJobID(at.Add(time.Duration(i) * time.Millisecond))
		if !domain.ValidExportJobID(id) {
			t.Fatalf("id %q is not valid", id)
		}
		if seen[id] {
			t.Fatalf("id %q made twice", id)
		}
		seen[id] = true
		ids = append(ids, id)
		got, ok := domain.ExportJobIDTime(id)
		if !ok || !got.Equal(at.Add(time.Duration(i)*time.Millisecond)) {
			t.Fatalf("ExportJobIDTime(%q) = %v, %v", id, got, ok)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("ids of later instants do not sort later: %v", ids)
	}
	// Same millisecond: still different (80 random bits).
	if a, b := domain.NewExportJobID(at), domain.NewExportJobID(at); a == b || a[:10] != b[:10] {
		t.Errorf("same instant: %q and %q", a, b)
	}
	// Known value: the Unix epoch and the largest 48-bit instant.
	if id := domain.NewExportJobID(time.UnixMilli(0)); !strings.HasPrefix(id, "0000000000") {
		t.Errorf("epoch id %q", id)
	}
	if id := domain.NewExportJobID(time.UnixMilli(1<<48 - 1)); !strings.HasPrefix(id, "7ZZZZZZZZZ") {
		t.Errorf("last instant id %q", id)
	}
}

func TestValidExportJobID(t *testing.T) {
	good := domain.NewExportJobID(time.Now())
	tests := []struct {
		id   string
		want bool
	}{
		{good, true},
		{"01HZY3N4M5P6Q7R8S9T0VWXYZA", true},
		{"", false},
		{good[:25], false},
		{good + "0", false},
		{"81HZY3N4M5P6Q7R8S9T0VWXYZA", false}, // over 128 bits
		{"01HZY3N4M5P6Q7R8S9T0VWXYZI", false}, // I is not Crockford
		{"01HZY3N4M5P6Q7R8S9T0VWXYZU", false},
		{"01hzy3n4m5p6q7r8s9t0vwxyza", false}, // ids are issued upper case
		{"01HZY3N4M5P6Q7R8S9T0VWXY#A", false},
		{"../../../../../../etc/pass", false},
	}
	for _, tc := range tests {
		if got := domain.ValidExportJobID(tc.id); got != tc.want {
			t.Errorf("ValidExportJobID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestExportStatusFinished(t *testing.T) {
	for s, want := range map[domain.ExportStatus]bool{
		domain.ExportQueued: false, domain.ExportRunning: false, domain.ExportSucceeded: true, domain.ExportFailed: true,
	} {
		if s.Finished() != want {
			t.Errorf("%s.Finished() = %v", s, !want)
		}
	}
}
