package dev.recourse.store.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Stores the answers of idempotent writes in the transaction of their events: a whole request's answer in its
 * {@code idempotent_request} row (claimed before, in a transaction of its own), an item's in {@code idempotent_item}.
 */
public final class AnswerProjection {
    private static final String ANSWER = "UPDATE idempotent_request SET status = ?, content_type = ?, body = ?, headers = ?,"
            + " answered_at = ? WHERE api_key = ? AND key = ? AND status IS NULL";
    private static final String ITEM = "INSERT INTO idempotent_item (api_key, key, item, status, content_type, body, headers)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** One answer to store: of {@code write}, made at {@code at}. */
    public record Answered(IdempotentWrite write, KeptAnswer answer, Instant at) {}

    private AnswerProjection() {}

    /**
     * Stores {@code answers} through {@code connection}, in its open transaction, in one round trip per table. The
     * update is prepared as usual, not planned at each execution: a JDBC batch executes it once per answer, so planned
     * at each execution it was planned once per write request (0.09 ms of the database's CPU each, the largest planning
     * cost of the API's mix, measured with pg_stat_statements in docs/benchmarks.md); it finds its row by primary key,
     * which a cached plan does on the index once the statistics refresh has seen the table grow.
     */
    public static void store(Connection connection, List<Answered> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement whole = connection.prepareStatement(ANSWER);
             PreparedStatement items = connection.prepareStatement(ITEM)) {
            int wholes = 0;
            int parts = 0;
            for (Answered a : answers) {
                KeptAnswer answer = a.answer();
                IdempotentWrite write = a.write();
                if (write.item().isEmpty()) {
                    whole.setInt(1, answer.status());
                    whole.setString(2, answer.contentType());
                    whole.setBytes(3, answer.body());
                    whole.setString(4, answer.headers());
                    whole.setTimestamp(5, Timestamp.from(a.at()));
                    whole.setObject(6, write.apiKey());
                    whole.setString(7, write.key());
                    whole.addBatch();
                    wholes++;
                } else {
                    items.setObject(1, write.apiKey());
                    items.setString(2, write.key());
                    items.setInt(3, write.item().getAsInt());
                    items.setInt(4, answer.status());
                    items.setString(5, answer.contentType());
                    items.setBytes(6, answer.body());
                    items.setString(7, answer.headers());
                    items.addBatch();
                    parts++;
                }
            }
            if (wholes > 0) {
                whole.executeBatch();
            }
            if (parts > 0) {
                items.executeBatch();
            }
        }
    }
}
