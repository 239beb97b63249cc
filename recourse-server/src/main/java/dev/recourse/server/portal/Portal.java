package dev.recourse.server.portal;

import dev.recourse.store.RecourseStore;
import dev.recourse.store.projection.PublicRecord;

/**
 * The transparency portal's pages over one store, for {@code Routes} to serve.
 *
 * @param decisions the search of decisions and each one's public record
 */
public record Portal(DecisionPages decisions) {
    /** The portal over {@code store}'s public record. */
    public static Portal over(RecourseStore store) {
        PublicRecord record = new PublicRecord(store.dataSource());
        return new Portal(new DecisionPages(record));
    }
}
