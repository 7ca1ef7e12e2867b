// Package exportfile turns interactions into the lines of an export file:
// the tracking report as CSV or XLSX, or seed 003's session metadata as
// JSON lines. It writes to an io.Writer one row at a time and knows
// nothing of where rows come from or where the file goes.
//
// CSV and XLSX rows are tracking.RenderRow's columns for the media, with
// the same values (the column functions are shared, not copied), then the
// transfer path: Agent 1, Service 1, … Agent 20, Service 20, always
// domain.MaxLegs pairs, because the header is written before the first row
// and ingest refuses longer paths.
//
// CSV is RFC 4180 (encoding/csv, CRLF), ',' or ';', optionally with a
// UTF-8 BOM and gzip. Durations are H:MM:SS with unbounded hours, measures
// plain decimals, lists joined with ", ", missing values empty. Every text
// value that starts with = + - @ tab or CR gets a leading ' (OWASP's CSV
// injection defence); values Rastro formats itself do not.
//
// XLSX cells are typed: dates and times are Excel dates in the file's zone
// with the seed's formats, durations Excel times ([h]:mm:ss), measures
// numbers, text inline strings (never formulas, so not quoted). A sheet
// that reaches Excel's 1,048,576 rows continues in "Interactions 2", ….
//
// JSONL writes sessionmeta.FromInteraction's document per interaction.
package exportfile
