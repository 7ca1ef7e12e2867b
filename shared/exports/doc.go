// Package exports serves the export API: an admin asks for a report as a
// file (POST /v1/exports), lists their tenant's export jobs
// (GET /v1/exports) and follows one (GET /v1/exports/{id}) until it
// gives a download link. Creating a job only validates the request and
// stores it, queued: the table's stream hands the new item to the
// exporter (shared/exporter), which writes the file into the exports
// bucket under ObjectKey and names it with FileName.
//
// A request's report parameters are checked exactly as the report checks
// its query string, and stored with the period, zone and order resolved,
// so the file holds what the admin saw, whenever the job runs. Download
// links are presigned GETs (DefaultLinkTTL), made afresh on every read
// while the file is kept (FileExpires).
package exports
