package dev.recourse.store.idempotency;

import dev.recourse.store.projection.Columns;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Claims the keys of writes that claim them with their events ({@link IdempotentWrite.KeyClaim.WithEvents}), in the
 * events' transaction, all of a transaction's in one statement: a key already held (by a concurrent duplicate that
 * committed first, an answered request, or a claim made before by another route) is not claimed, and its write MUST
 * then not be stored. The write's answer is stored later in the same transaction ({@link AnswerProjection}).
 */
public final class KeyClaims {
    private static final String CLAIM = "INSERT INTO idempotent_request (api_key, key, request_hash, started_at)"
            + " SELECT api_key, key, request_hash, started_at FROM unnest(?::uuid[], ?::text[], ?::bytea[], ?::timestamptz[])"
            + " AS c(api_key, key, request_hash, started_at) ON CONFLICT DO NOTHING RETURNING api_key, key";
    private static final String UNCLAIM = "DELETE FROM idempotent_request r USING unnest(?::uuid[], ?::text[]) AS u(api_key, key)"
            + " WHERE r.api_key = u.api_key AND r.key = u.key AND r.status IS NULL";

    /** A caller's key. */
    private record Held(UUID apiKey, String key) {
        Held(IdempotentWrite write) {
            this(write.apiKey(), write.key());
        }
    }

    private KeyClaims() {}

    /**
     * Claims the keys of {@code writes} through {@code connection}, in its open transaction, and returns the writes
     * whose key it claimed; the others' keys were held already. Waits for a transaction that is inserting one of the
     * keys, and claims it if that transaction rolls back.
     *
     * @param writes each claiming its key with its events, no two with the same caller's key
     */
    public static Set<IdempotentWrite> claim(Connection connection, List<IdempotentWrite> writes) throws SQLException {
        Map<Held, IdempotentWrite> byKey = HashMap.newHashMap(writes.size());
        for (IdempotentWrite write : writes) {
            if (byKey.put(new Held(write), write) != null) {
                throw new IllegalArgumentException("two writes of one transaction claim the Idempotency-Key " + write.key());
            }
        }
        Columns columns = new Columns(connection);
        columns.uuids(writes, IdempotentWrite::apiKey);
        columns.texts(writes, IdempotentWrite::key);
        columns.bytes(writes, w -> withEvents(w).requestHash());
        columns.times(writes, w -> withEvents(w).startedAt());
        List<Held> claimed = columns.queryForKeys(CLAIM, rows -> new Held(rows.getObject(1, UUID.class), rows.getString(2)));
        Set<IdempotentWrite> writesClaimed = HashSet.newHashSet(claimed.size());
        for (Held held : claimed) {
            writesClaimed.add(byKey.get(held));
        }
        return writesClaimed;
    }

    /**
     * Gives up the keys {@link #claim} claimed for {@code writes} in the open transaction of {@code connection}:
     * writes that were not stored after all (their streams had moved on), so their retries claim them again.
     */
    public static void unclaim(Connection connection, List<IdempotentWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        Columns columns = new Columns(connection);
        columns.uuids(writes, IdempotentWrite::apiKey);
        columns.texts(writes, IdempotentWrite::key);
        columns.executeForKeys(UNCLAIM);
    }

    private static IdempotentWrite.KeyClaim.WithEvents withEvents(IdempotentWrite write) {
        return switch (write.claim()) {
            case IdempotentWrite.KeyClaim.WithEvents with -> with;
            case IdempotentWrite.KeyClaim.Before before -> throw new IllegalArgumentException(
                    "the key " + write.key() + " was claimed before its write, not with its events");
        };
    }
}
