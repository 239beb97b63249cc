/**
 * What Recourse publishes about its decisions for outsiders: the statements of reasons in the DSA Transparency
 * Database's shape (as JSON lines, {@link dev.recourse.store.dsa.StatementLines}, and sent to the database's
 * API, {@link dev.recourse.server.transparency.Submitter}), the transparency report of a period
 * ({@link dev.recourse.server.transparency.Report}) and the daily dumps of the public records
 * ({@link dev.recourse.server.transparency.DailyDump}). Files are written whole or not at all
 * ({@link dev.recourse.server.transparency.AtomicFile}).
 */
package dev.recourse.server.transparency;
