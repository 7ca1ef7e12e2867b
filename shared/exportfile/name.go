package exportfile

import (
	"strconv"
	"strings"
)

// FileName is the download name of a report's file:
// interactions_whatsapp_2026-10-01_2026-10-31.csv.gz for ext "csv.gz" (a
// leading dot is optional). Every part is reduced to letters, digits and
// hyphens, so the name needs no quoting in a Content-Disposition header
// and means the same on every file system.
func FileName(report string, media, from, to string, ext string) string {
	var parts []string
	for _, p := range []string{report, media, from, to} {
		if p = safe(p); p != "" {
			parts = append(parts, p)
		}
	}
	name := strings.Join(parts, "_")
	if name == "" {
		name = "export"
	}
	var exts []string
	for _, e := range strings.Split(strings.TrimPrefix(ext, "."), ".") {
		if e = safe(e); e != "" {
			exts = append(exts, e)
		}
	}
	if len(exts) > 0 {
		name += "." + strings.Join(exts, ".")
	}
	return name
}

// safe keeps ASCII letters, digits and hyphens, and turns runs of
// anything else into one hyphen.
func safe(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// ObjectKey is where an attempt of a job writes its file in the exports
// bucket: under the tenant's prefix, so that a tenant's files are one
// prefix (for audits, deletion and any per-tenant policy), under the
// job's id, which no one can guess, and under the attempt, so that a run
// that lost the job can never replace the file its owner recorded.
func ObjectKey(tenant, jobID string, attempt int, fileName string) string {
	return JobPrefix(tenant, jobID) + strconv.Itoa(attempt) + "/" + fileName
}

// JobPrefix begins the key of every file of a job: the tenant's prefix,
// then the job's. A download link is signed only for a key under it.
func JobPrefix(tenant, jobID string) string {
	return tenant + "/exports/" + jobID + "/"
}
