package exports

import (
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Job is an export job as the API shows it.
type Job struct {
	ID     string              `json:"id"`
	Status domain.ExportStatus `json:"status"`
	// The request, as resolved when the job was created: params carries
	// the period (from, to), zone and sort even when the request left
	// them to their defaults.
	Report    string               `json:"report"`
	Params    map[string]any       `json:"params"` // each a string, or an array of strings
	Format    string               `json:"format"`
	Options   domain.ExportOptions `json:"options"`
	CreatedBy string               `json:"createdBy"`
	// Rows written so far while running; in the file once succeeded.
	Rows     int64      `json:"rows"`
	Bytes    int64      `json:"bytes"`
	Reason   string     `json:"reason,omitempty"` // failed: why, in words for the admin
	Created  time.Time  `json:"created"`
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
	FileName string     `json:"fileName,omitempty"`
	// URL downloads the file until URLExpires; present once succeeded
	// and while the file is kept.
	URL        string     `json:"url,omitempty"`
	URLExpires *time.Time `json:"urlExpires,omitempty"`
	// FileExpires is when the bucket deletes the file (succeeded jobs);
	// FileExpired says it is gone and no link is given.
	FileExpires *time.Time `json:"fileExpires,omitempty"`
	FileExpired bool       `json:"fileExpired"`
}

// JobPage is one page of GET /v1/exports.
type JobPage struct {
	Items      []Job   `json:"items"`
	NextCursor *string `json:"nextCursor"` // null on the last page
}

func newJob(j *domain.ExportJob) *Job {
	params := make(map[string]any, len(j.Params))
	for k, v := range j.Params {
		if len(v) == 1 {
			params[k] = v[0]
		} else {
			params[k] = v
		}
	}
	return &Job{
		ID: j.ID, Status: j.Status, Report: j.Report, Params: params, Format: j.Format, Options: j.ExportOptions,
		CreatedBy: j.CreatedBy, Rows: j.Rows, Bytes: j.Bytes, Reason: j.Reason,
		Created: j.Created, Started: j.Started, Finished: j.Finished, FileName: j.FileName,
	}
}
