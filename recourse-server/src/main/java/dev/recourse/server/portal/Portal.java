package dev.recourse.server.portal;

import dev.recourse.store.RecourseStore;
import dev.recourse.store.projection.PublicRecord;
import java.time.InstantSource;

/**
 * The transparency portal's pages over one store, for {@code Routes} to serve.
 *
 * @param decisions the search of decisions and each one's public record
 * @param statistics the figures, as charts
 * @param authorityRequests the register of authority requests
 * @param verify the check of a receipt
 */
public record Portal(DecisionPages decisions, StatisticsPage statistics, AuthorityRegisterPage authorityRequests, VerifyPage verify) {
    /**
     * The portal over {@code store}'s public record.
     *
     * @param clock what "today" is
     */
    public static Portal over(RecourseStore store, InstantSource clock) {
        PublicRecord record = new PublicRecord(store.dataSource());
        return new Portal(new DecisionPages(record), new StatisticsPage(record, store.safeguards()::all, clock),
                new AuthorityRegisterPage(record, clock),
                new VerifyPage(record, store.log()::verifierKey));
    }
}
