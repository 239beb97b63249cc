package dev.recourse.store.idempotency;

import dev.recourse.store.projection.Columns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the answers of idempotent writes in the transaction of their events: a whole request's answer in its
 * {@code idempotent_request} row (claimed before, in a transaction of its own, or earlier in this one by
 * {@link KeyClaims}), an item's in {@code idempotent_item}.
 */
public final class AnswerProjection {
    /** The whole requests' answers, all of a transaction's in one statement (planned once, not once a request). */
    private static final String ANSWERS = "UPDATE idempotent_request r SET status = a.status, content_type = a.content_type,"
            + " body = a.body, headers = a.headers, answered_at = a.answered_at FROM unnest(?::uuid[], ?::text[], ?::int[],"
            + " ?::text[], ?::bytea[], ?::text[], ?::timestamptz[]) AS a(api_key, key, status, content_type, body, headers,"
            + " answered_at) WHERE r.api_key = a.api_key AND r.key = a.key AND r.status IS NULL";
    private static final String ITEM = "INSERT INTO idempotent_item (api_key, key, item, status, content_type, body, headers)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** One answer to store: of {@code write}, made at {@code at}. */
    public record Answered(IdempotentWrite write, KeptAnswer answer, Instant at) {}

    private AnswerProjection() {}

    /**
     * Stores {@code answers} through {@code connection}, in its open transaction: the whole requests' in one statement,
     * the items' in one round trip. Of two answers to one request, the first is kept, as a retry gets the first answer.
     */
    public static void store(Connection connection, List<Answered> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        Map<List<Object>, Answered> wholes = new LinkedHashMap<>();
        List<Answered> parts = new ArrayList<>();
        for (Answered a : answers) {
            if (a.write().item().isEmpty()) {
                wholes.putIfAbsent(List.of(a.write().apiKey(), a.write().key()), a);
            } else {
                parts.add(a);
            }
        }
        if (!wholes.isEmpty()) {
            answerWholes(connection, List.copyOf(wholes.values()));
        }
        if (!parts.isEmpty()) {
            answerItems(connection, parts);
        }
    }

    private static void answerWholes(Connection connection, List<Answered> wholes) throws SQLException {
        Columns columns = new Columns(connection);
        columns.uuids(wholes, a -> a.write().apiKey());
        columns.texts(wholes, a -> a.write().key());
        columns.ints(wholes, a -> a.answer().status());
        columns.texts(wholes, a -> a.answer().contentType());
        columns.bytes(wholes, a -> a.answer().body());
        columns.texts(wholes, a -> a.answer().headers());
        columns.times(wholes, Answered::at);
        columns.executeForKeys(ANSWERS);
    }

    private static void answerItems(Connection connection, List<Answered> parts) throws SQLException {
        try (PreparedStatement items = connection.prepareStatement(ITEM)) {
            for (Answered a : parts) {
                KeptAnswer answer = a.answer();
                IdempotentWrite write = a.write();
                items.setObject(1, write.apiKey());
                items.setString(2, write.key());
                items.setInt(3, write.item().getAsInt());
                items.setInt(4, answer.status());
                items.setString(5, answer.contentType());
                items.setBytes(6, answer.body());
                items.setString(7, answer.headers());
                items.addBatch();
            }
            items.executeBatch();
        }
    }
}
