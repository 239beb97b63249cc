/**
 * Writing events: {@link dev.recourse.store.sequencer.Sequencer} group-commits queued
 * {@link dev.recourse.store.sequencer.Write}s, each event at a gapless position that is its index
 * in the log, with optimistic stream versions and {@link dev.recourse.store.sequencer.Projection}s
 * in the same transaction.
 */
package dev.recourse.store.sequencer;
