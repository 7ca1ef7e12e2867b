// Package benchdata makes the benchmark tenant exist on DynamoDB Local: a
// month of a million interactions from infra/demodata, loaded once into a
// database kept in .bench/ and reused by every later run.
//
// A load takes the better part of an hour on the build machine
// (docs/benchmarks.md), so it is built to be done once and to survive
// being interrupted:
//
//   - A marker item holds the data set's fingerprint: the Spec and a hash
//     of the items a sample of its interactions is stored as. Ensure loads
//     nothing when the marker matches. When the table holds another data
//     set (another size or seed, a changed generator, a changed item
//     layout) it refuses, because a benchmark must never measure stale
//     data, and with Options.Replace starts over on an empty table.
//   - Interactions are written with store.LoadNew, which writes each one's
//     version record after its other items, so a record cut off by a
//     crash is rewritten, not skipped. A second marker keeps the load's
//     watermark (every interaction below it is stored) every few seconds,
//     and the next run resumes there.
//   - A load runs DynamoDB Local on a working copy in /dev/shm, because on
//     the overlay disk it syncs every write (localaws.PlaceDB); the copy
//     goes back to the durable directory when the database is closed. A
//     complete data set is then read in place (place.go).
package benchdata
