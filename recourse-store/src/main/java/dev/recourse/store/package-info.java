/**
 * The PostgreSQL adapter of Recourse: where events are stored, ordered and fed into the log.
 *
 * <ul>
 *   <li>{@link dev.recourse.store.database}: the database, external or embedded, pooled and migrated;</li>
 *   <li>{@link dev.recourse.store.sequencer}: the single writer that gives events their gapless
 *       positions in group-committed transactions, with projections inside them;</li>
 *   <li>{@link dev.recourse.store.ledger}: the integrator that appends committed events' public
 *       entries to the transparency log, and the material of receipts;</li>
 *   <li>{@link dev.recourse.store.erasure}: deletion of personal data, leaving the log verifiable;</li>
 *   <li>{@link dev.recourse.store.bench}: the write path measured end to end.</li>
 * </ul>
 *
 * <p>Events are opaque here (a type, bytes, a public entry, a private record): the domain's
 * adapter maps its events onto {@link dev.recourse.store.sequencer.NewEvent}.
 */
package dev.recourse.store;
