package dev.recourse.server.http;

import dev.recourse.core.event.RecordedEvent;
import dev.recourse.store.RecourseStore;
import dev.recourse.tlog.receipt.Receipt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /v1/receipts/{position}}: the receipt of a log entry (c2sp.org/tlog-proof@v1), which proves offline that
 * the entry is in the log: its public entry, its inclusion proof and the signed checkpoint. Public, as the log is.
 */
public final class Receipts {
    /** The media type of a receipt. */
    static final String MEDIA_TYPE = "text/plain; charset=utf-8";
    /** How long a request waits for the log to take in a recent entry before it answers 503. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final RecourseStore store;

    /** The receipts of {@code store}'s log. */
    public Receipts(RecourseStore store) {
        this.store = store;
    }

    /** The link to the receipt of the entry at {@code position}. */
    static String link(long position) {
        return "/v1/receipts/" + position;
    }

    /** {@code GET /v1/receipts/{position}}. */
    public Answer receipt(Call call) throws Exception {
        String text = call.pathParameter("position");
        long position = text.matches("0|[1-9][0-9]{0,17}") ? Long.parseLong(text) : -1;
        List<RecordedEvent> at = position < 0 ? List.of() : store.events().readAll(position, 1);
        if (at.isEmpty() || at.getFirst().position() != position) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no entry at position " + text));
        }
        Optional<Receipt> receipt = store.receipt(position);
        if (receipt.isEmpty()) {
            try {
                store.log().awaitCovered(position).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return notYet(call, position);
            }
            receipt = store.receipt(position);
        }
        return receipt.map(r -> Answer.text(200, r.text())
                        .withHeader("Content-Disposition", "attachment; filename=\"entry-" + position + ".tlog-proof\"")
                        .withHeader("Cache-Control", "public, max-age=60"))
                .orElseGet(() -> notYet(call, position));
    }

    private static Answer notYet(Call call, long position) {
        return call.answer(Problem.of(ProblemType.UNAVAILABLE, "the log has not taken in entry " + position + " yet; retry shortly")
                .withHeader("Retry-After", "1"));
    }
}
