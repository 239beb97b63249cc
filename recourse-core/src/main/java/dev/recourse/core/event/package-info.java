/**
 * Events: what happened, as facts. State is a fold of them. Each stream (a case, an authority request, an account's
 * strikes, a notifier's record) holds the events of one aggregate; {@link dev.recourse.core.event.RecordedEvent}
 * gives an event its place in its stream and in the global order.
 */
package dev.recourse.core.event;
