package dev.recourse.store.projection;

import java.util.List;
import java.util.Optional;

/**
 * One page of a queue, in queue order.
 *
 * @param items the page's items
 * @param next where the next page starts; empty if this page was the last
 * @param <T> the kind of item
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
    }
}
