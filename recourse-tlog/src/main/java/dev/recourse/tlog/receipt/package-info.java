/**
 * Receipts: offline-verifiable proofs that an entry is in a log, in the C2SP format c2sp.org/tlog-proof@v1.
 *
 * <p>{@link dev.recourse.tlog.receipt.Receipt#prove} makes one from a log's tiles and signed checkpoint, with the
 * entry on its extra line; {@link dev.recourse.tlog.receipt.Receipt#parse} reads one;
 * {@link dev.recourse.tlog.receipt.Receipt#verify} checks it with nothing but the log's public key (and a witness
 * policy); {@link dev.recourse.tlog.audit.LogAuditor#receipt} checks it against the log as it is now.
 */
package dev.recourse.tlog.receipt;
