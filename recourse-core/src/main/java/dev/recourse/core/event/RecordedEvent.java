package dev.recourse.core.event;

/**
 * An event as stored.
 *
 * @param position its place in the global order of all events, from 0, without gaps
 * @param stream the stream it belongs to
 * @param version its place in its stream, from 1
 * @param event the event
 */
public record RecordedEvent(long position, StreamId stream, long version, Event event) {
    public RecordedEvent {
        if (position < 0 || version < 1) {
            throw new IllegalArgumentException("positions count from 0 and versions from 1");
        }
    }
}
