/**
 * A transparency log in the C2SP formats, on the JDK alone.
 *
 * <ul>
 *   <li>{@link dev.recourse.tlog.merkle}: RFC 6962 / RFC 9162 hashing, inclusion and consistency proofs;</li>
 *   <li>{@link dev.recourse.tlog.note}: signed notes, Ed25519 keys, checkpoints and witness cosignatures;</li>
 *   <li>{@link dev.recourse.tlog.tile}: C2SP tlog-tiles paths, hash tiles and entry bundles;</li>
 *   <li>{@link dev.recourse.tlog.append}: the appender, which writes tiles durably and signs checkpoints;</li>
 *   <li>{@link dev.recourse.tlog.receipt}: C2SP tlog-proof receipts;</li>
 *   <li>{@link dev.recourse.tlog.audit}: the verifier client and full audit.</li>
 * </ul>
 */
package dev.recourse.tlog;
