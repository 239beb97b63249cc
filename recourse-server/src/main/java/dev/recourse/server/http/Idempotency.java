package dev.recourse.server.http;

import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.idempotency.IdempotentWrite;
import dev.recourse.store.idempotency.KeptAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The first answers to writes, kept in the database's {@code idempotent_request} table by the caller's key and the
 * {@code Idempotency-Key} the request carried, so that a retry gets the first answer instead of acting twice
 * (draft-ietf-httpapi-idempotency-key-header): the same key with the same request replays the answer; with another
 * method, path or body it is refused ({@link ProblemType#IDEMPOTENCY_KEY_REUSED}, 422); while the first request is
 * being answered a second one is refused ({@link ProblemType#IDEMPOTENCY_KEY_IN_USE}, 409).
 *
 * <p>A request is {@link #claim claimed} before it acts and {@link #keep answered} after; a request that fails
 * with a fault of the server is {@link #release released}, so its retry acts. A claim whose request never finished
 * (the process stopped) may be taken over after {@link #abandonedAfter}. Records are kept for {@link #RETENTION}.
 *
 * <p>A write that goes through the core ({@link #answering}) has its answer stored in the same database transaction
 * as its events (by the store's sequencer): if the process stops right after the commit, before the answer is
 * {@link #keep kept}, a retry still gets the first answer and nothing is done twice. Each item of a batch has its
 * answer stored with its own events ({@code idempotent_item}): a retry of a batch that stopped midway answers the items
 * carried out with their first answers and carries out the rest. Writes outside the core (API keys, appeal claims)
 * keep their answer after they acted, in another transaction: a stop between the two lets a retry act again.
 *
 * <p>A write whose one command through the core is all it does ({@link Route.Claiming#WITH_EVENTS}) is not claimed
 * first: it acts, and its key is claimed in its events' transaction, with its answer ({@link #claimingWithEvents}), all
 * of a transaction's claims in one statement. A duplicate (a retry, or the same request sent twice at once) may run the
 * action too, but the sequencer stores the events of the first to reach it and refuses the others' there, storing
 * nothing of them; each of those then gets the first answer, or 409 while there is none ({@link #settle}). The same
 * holds for the key used before for another request (422). An answer of such a write made without events (a
 * rejection, a 404) is {@link #settle kept} with the claim in one insert, unless a record holds the key.
 */
public final class Idempotency {
    /** How long an answer is kept for retries. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** What an {@code Idempotency-Key} is: 1 to 255 visible ASCII characters (a UUID is a good one). */
    public static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final RecourseStore store;
    private final DataSource dataSource;
    private final InstantSource clock;
    private final Duration abandonedAfter;

    /**
     * Keeps answers in {@code store}'s database, those of writes through the core with their events.
     *
     * @param abandonedAfter how long a claim without an answer holds off retries; after that, a retry takes it over
     */
    public Idempotency(RecourseStore store, InstantSource clock, Duration abandonedAfter) {
        if (abandonedAfter.isNegative() || abandonedAfter.isZero()) {
            throw new IllegalArgumentException("a claim holds for some time, not " + abandonedAfter);
        }
        this.store = store;
        this.dataSource = store.dataSource();
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    /** What came of claiming a request. */
    public sealed interface Claim {
        /**
         * The request is new (or its claim was abandoned): act, then {@link #keep} or {@link #release}.
         *
         * @param items the answers to the items of a batch that an abandoned first attempt carried out, by index
         */
        record Fresh(Map<Integer, Answer> items) implements Claim {
            public Fresh {
                items = Map.copyOf(items);
            }

            /** A request never tried before. */
            public Fresh() {
                this(Map.of());
            }
        }

        /** The request was answered before: give this answer again. */
        record Answered(Answer answer) implements Claim {}

        /** The first request with this key is still being answered. */
        record InProgress() implements Claim {}

        /** The key was used before for another request. */
        record Reused() implements Claim {}
    }

    /**
     * The SHA-256 that identifies a request: its method, path and body. The same key with another hash is another
     * request.
     */
    public static byte[] requestHash(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Claims the request with {@code key} from the caller with {@code apiKey}, identified by {@code requestHash}. */
    public Claim claim(UUID apiKey, String key, byte[] requestHash) throws SQLException {
        requireKey(key);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            // A record can vanish between the insert and the select (its request was released): look again.
            for (int attempt = 0; attempt < 3; attempt++) {
                // The claim's commit need not wait for the disk: the write it guards commits after it, synchronously,
                // which makes the claim durable too; a claim lost in a crash guarded nothing that was stored.
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotent_request (api_key, key, request_hash,"
                        + " started_at) SELECT ?, ?, ?, ? FROM (SELECT set_config('synchronous_commit', 'off', true)) AS s"
                        + " ON CONFLICT DO NOTHING")) {
                    insert.setObject(1, apiKey);
                    insert.setString(2, key);
                    insert.setBytes(3, requestHash);
                    insert.setTimestamp(4, Timestamp.from(now));
                    if (insert.executeUpdate() == 1) {
                        return new Claim.Fresh();
                    }
                }
                Optional<Held> held = held(c, apiKey, key, requestHash, now);
                if (held.isEmpty()) {
                    continue;
                }
                return switch (held.get()) {
                    case Held.By by -> by.claim();
                    case Held.Abandoned abandoned -> takeOver(c, apiKey, key, abandoned.started(), now)
                            ? new Claim.Fresh(items(c, apiKey, key)) : new Claim.InProgress();
                };
            }
            return new Claim.InProgress();
        }
    }

    /** What holds a key: a record that answers a request for it, or a claim abandoned. */
    private sealed interface Held {
        /** A record whose claim stands: of another request, answered, or still being answered. */
        record By(Claim claim) implements Held {}

        /** A claim of this request whose request never finished, started at {@code started}. */
        record Abandoned(Instant started) implements Held {}
    }

    /** What holds {@code key} of the caller with {@code apiKey} for the request identified by {@code requestHash}, if anything does. */
    private Optional<Held> held(Connection c, UUID apiKey, String key, byte[] requestHash, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT request_hash, started_at, status, content_type,"
                + " body, headers FROM idempotent_request WHERE api_key = ? AND key = ?")) {
            select.setObject(1, apiKey);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                    return Optional.of(new Held.By(new Claim.Reused()));
                }
                if (rs.getObject("status") != null) {
                    return Optional.of(new Held.By(new Claim.Answered(answer(rs))));
                }
                Instant started = rs.getTimestamp("started_at").toInstant();
                if (now.isBefore(started.plus(abandonedAfter))) {
                    return Optional.of(new Held.By(new Claim.InProgress()));
                }
                return Optional.of(new Held.Abandoned(started));
            }
        }
    }

    /**
     * Runs {@code work}, which carries out through the core the one command of a write that claims {@code key} with
     * its events ({@link Route.Claiming#WITH_EVENTS}): the claim, with the request's {@code requestHash} and
     * {@code answer} of the events, is stored in their transaction. Empty if the key was held when that transaction
     * came (a concurrent duplicate stored its events first, or a record of the key was kept before): then nothing of
     * the write was stored, and {@link #settle} says what to answer.
     */
    public <T> Optional<T> claimingWithEvents(UUID apiKey, String key, byte[] requestHash,
            Function<List<RecordedEvent>, Answer> answer, Supplier<T> work) {
        requireKey(key);
        return store.claimingWithEvents(new IdempotentWrite(apiKey, key, OptionalInt.empty(),
                new IdempotentWrite.KeyClaim.WithEvents(requestHash, clock.instant()), events -> kept(answer.apply(events))), work);
    }

    /**
     * Settles a write that claims its key with its events but stored no answer with them (it stored no events, or its
     * key was held): keeps {@code answer}, if one is given, as the first answer to the request, unless a record holds
     * the key; and says what holds it. {@link Claim.Fresh} if nothing does (and {@code answer}, if given, is kept now);
     * otherwise the record's answer, another request's, or one still in progress. A claim of the request abandoned
     * is given up, so that a retry acts.
     */
    public Claim settle(UUID apiKey, String key, byte[] requestHash, Optional<Answer> answer) throws SQLException {
        requireKey(key);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            // A record can vanish between the insert and the select (an abandoned claim given up): look again.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (answer.isPresent() && keepFirst(c, apiKey, key, requestHash, kept(answer.get()), now)) {
                    return new Claim.Fresh();
                }
                Optional<Held> held = held(c, apiKey, key, requestHash, now);
                if (held.isEmpty()) {
                    if (answer.isEmpty()) {
                        return new Claim.Fresh();
                    }
                    continue;
                }
                switch (held.get()) {
                    case Held.By by -> {
                        return by.claim();
                    }
                    case Held.Abandoned abandoned -> giveUp(c, apiKey, key, abandoned.started());
                }
            }
            return new Claim.InProgress();
        }
    }

    /** Keeps {@code answer} as the answer to the claimed request, for its retries. */
    public void keep(UUID apiKey, String key, Answer answer) throws SQLException {
        requireKey(key);
        if (answer.status() < 200 || answer.status() > 499) {
            throw new IllegalArgumentException("only answers 200 to 499 are kept, not " + answer.status());
        }
        KeptAnswer kept = kept(answer);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE idempotent_request SET status = ?, content_type = ?, body = ?,"
                     + " headers = ?, answered_at = ? WHERE api_key = ? AND key = ? AND status IS NULL")) {
            s.setInt(1, kept.status());
            s.setString(2, kept.contentType());
            s.setBytes(3, kept.body());
            s.setString(4, kept.headers());
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.setObject(6, apiKey);
            s.setString(7, key);
            if (s.executeUpdate() != 1 && !isAnswered(c, apiKey, key)) {
                throw new IllegalStateException("no claim of Idempotency-Key " + key + " to keep an answer for");
            }
        }
    }

    /**
     * Runs {@code work}, which carries out the write claimed with {@code key} through the core, so that
     * {@code answer} of the events it stores is stored in their transaction: as the whole request's answer, or as
     * item {@code item}'s of a batch.
     */
    public <T> T answering(UUID apiKey, String key, OptionalInt item, Function<List<RecordedEvent>, Answer> answer,
            Supplier<T> work) {
        requireKey(key);
        return store.answering(new IdempotentWrite(apiKey, key, item, events -> kept(answer.apply(events))), work);
    }

    /**
     * Forgets the claimed request, unanswered, so that a retry acts; if items of it (a batch) were carried out, keeps
     * the claim with their answers, abandoned at once, so that a retry carries out only the rest.
     */
    public void release(UUID apiKey, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM idempotent_request r WHERE api_key = ? AND key = ?"
                     + " AND status IS NULL AND NOT EXISTS (SELECT 1 FROM idempotent_item i WHERE i.api_key = r.api_key"
                     + " AND i.key = r.key)");
             PreparedStatement abandon = c.prepareStatement("UPDATE idempotent_request SET started_at = ? WHERE api_key = ?"
                     + " AND key = ? AND status IS NULL")) {
            delete.setObject(1, apiKey);
            delete.setString(2, key);
            if (delete.executeUpdate() == 0) {
                abandon.setTimestamp(1, Timestamp.from(clock.instant().minus(abandonedAfter)));
                abandon.setObject(2, apiKey);
                abandon.setString(3, key);
                abandon.executeUpdate();
            }
        }
    }

    /** Deletes the records of requests started more than {@link #RETENTION} ago; returns how many. */
    public int purge() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = Queries.prepareForKeys(c, "DELETE FROM idempotent_request WHERE started_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(RETENTION)));
            return s.executeUpdate();
        }
    }

    /** Inserts the record of a request answered at once; whether it did (no record held the key). */
    private static boolean keepFirst(Connection c, UUID apiKey, String key, byte[] requestHash, KeptAnswer answer, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_request (api_key, key, request_hash, started_at,"
                + " status, content_type, body, headers, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setObject(1, apiKey);
            s.setString(2, key);
            s.setBytes(3, requestHash);
            s.setTimestamp(4, Timestamp.from(now));
            s.setInt(5, answer.status());
            s.setString(6, answer.contentType());
            s.setBytes(7, answer.body());
            s.setString(8, answer.headers());
            s.setTimestamp(9, Timestamp.from(now));
            return s.executeUpdate() == 1;
        }
    }

    /** Deletes the abandoned claim of {@code key} started at {@code started}, unless it was taken over meanwhile. */
    private static void giveUp(Connection c, UUID apiKey, String key, Instant started) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM idempotent_request WHERE api_key = ? AND key = ?"
                + " AND status IS NULL AND started_at = ?")) {
            s.setObject(1, apiKey);
            s.setString(2, key);
            s.setTimestamp(3, Timestamp.from(started));
            s.executeUpdate();
        }
    }

    private static boolean takeOver(Connection c, UUID apiKey, String key, Instant started, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE idempotent_request SET started_at = ? WHERE api_key = ? AND key = ?"
                + " AND status IS NULL AND started_at = ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, apiKey);
            s.setString(3, key);
            s.setTimestamp(4, Timestamp.from(started));
            return s.executeUpdate() == 1;
        }
    }

    private static boolean isAnswered(Connection c, UUID apiKey, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM idempotent_request WHERE api_key = ? AND key = ? AND status IS NOT NULL")) {
            s.setObject(1, apiKey);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<Integer, Answer> items(Connection c, UUID apiKey, String key) throws SQLException {
        Map<Integer, Answer> items = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT item, status, content_type, body, headers FROM idempotent_item"
                + " WHERE api_key = ? AND key = ?")) {
            s.setObject(1, apiKey);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.put(rs.getInt("item"), answer(rs));
                }
            }
        }
        return items;
    }

    private static Answer answer(ResultSet rs) throws SQLException {
        return new Answer(rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body"), headers(rs.getString("headers")));
    }

    /** {@code answer} as it is kept. */
    private static KeptAnswer kept(Answer answer) {
        Json.ObjBuilder headers = Json.object();
        answer.headers().forEach(headers::put);
        return new KeptAnswer(answer.status(), answer.contentType(), answer.body(),
                new String(JsonText.utf8(headers.build()), StandardCharsets.UTF_8));
    }

    private static SequencedMap<String, String> headers(String json) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        Json.Obj obj = (Json.Obj) Json.parse(json).orElseThrow();
        for (Map.Entry<String, Json> header : obj.members().entrySet()) {
            headers.put(header.getKey(), ((Json.Str) header.getValue()).value());
        }
        return headers;
    }

    private static void requireKey(String key) {
        if (!KEY_FORM.matcher(key).matches()) {
            throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 visible ASCII characters");
        }
    }
}
