package dev.recourse.store.sequencer;

/**
 * An event with the place the sequencer gave it, as projections see it.
 *
 * @param position its position, which is its index in the log
 * @param streamId its stream
 * @param streamVersion its version in the stream: 1 for the stream's first event
 * @param event the event as written
 */
public record RecordedEvent(long position, String streamId, long streamVersion, NewEvent event) {}
