package exports

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// FileLifetime is how long the exports bucket keeps a file: its lifecycle
// rule (template.yaml, ExportsBucket) expires objects 7 days after they
// were created.
const FileLifetime = 7 * 24 * time.Hour

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
