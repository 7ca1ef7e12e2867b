package exports

import (
	"strings"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// FileLifetime is how long the exports bucket keeps a file: its lifecycle
// rule (template.yaml, ExportsBucket) expires objects 7 days after they
// were created.
const FileLifetime = 7 * 24 * time.Hour

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

// ObjectKey is where a job's file lives in the exports bucket: under the
// tenant's prefix, so that a tenant's files are one prefix (for audits,
// deletion and any per-tenant policy), and under the job's id, which no
// one can guess.
func ObjectKey(tenant, jobID, fileName string) string {
	return tenant + "/exports/" + jobID + "/" + fileName
}

// FileExpires is when the job's file is gone from the bucket, for a job
// that succeeded. S3 expires an object at the first midnight UTC at least
// FileLifetime after the object's creation, and the object was created
// after the job was first started (a multipart upload's object dates from
// its initiation), so this instant is never later than the deletion: a
// link is never offered to a file that may already be gone.
func FileExpires(j *domain.ExportJob) (time.Time, bool) {
	if j.Status != domain.ExportSucceeded {
		return time.Time{}, false
	}
	from := j.Created
	if j.Started != nil {
		from = *j.Started
	}
	return nextMidnightUTC(from.Add(FileLifetime)), true
}

// nextMidnightUTC is t itself when it is a midnight UTC, else the next one.
func nextMidnightUTC(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if day.Equal(t) {
		return day
	}
	return day.AddDate(0, 0, 1)
}
