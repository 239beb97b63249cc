package dev.recourse.server.http.auth;

import dev.recourse.core.Ids;
import dev.recourse.core.decider.Pseudonym;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The register of API keys, in the database's {@code api_key} table. Keys are made here and shown once; the
 * register keeps only their SHA-256 (see {@link ApiKey}), finds a presented key by it, and revokes keys.
 * Thread-safe.
 */
public final class ApiKeys {
    private static final String COLUMNS = "number, id, name, role, created_at, created_by, revoked_at";

    /**
     * How long a key found valid is taken as valid without asking the database again. Revoking a key through this
     * register forgets it at once; a key revoked by another node of the service stops working within this time.
     */
    public static final Duration REMEMBERED = Duration.ofSeconds(10);
    /** The most keys remembered; past it, the remembered keys are forgotten and found again. */
    private static final int MAX_REMEMBERED = 10_000;

    private final DataSource dataSource;
    private final InstantSource clock;
    private final RandomGenerator random;
    /** Keys found valid lately, by their hash in hex, with when that was asked: every request would look its key up. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Principal principal, Instant at) {}

    /**
     * The register in {@code dataSource}, migrated.
     *
     * @param clock when keys are made and revoked
     * @param random draws keys and ids; MUST be cryptographically strong
     */
    public ApiKeys(DataSource dataSource, InstantSource clock, RandomGenerator random) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = random;
    }

    /** A key just made: its record, and the key itself, to be shown to its holder once. */
    public record Made(IssuedKey issued, ApiKey key) {}

    /** One key of a listing, with its place in the order of making (for the next page's cursor). */
    public record Listed(long number, IssuedKey issued) {}

    /**
     * Makes a key for {@code name} in {@code role}.
     *
     * @param createdBy the admin key that asks for it; empty only for the first admin key
     */
    public Made make(Pseudonym name, ApiRole role, Optional<UUID> createdBy) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, name, role, createdBy);
        }
    }

    /**
     * Makes the first admin key if the register has no key at all, atomically: of several nodes starting at
     * once, one makes it.
     *
     * @return the key made, or empty if there were keys already
     */
    public Optional<Made> makeFirstAdmin(Pseudonym name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("LOCK TABLE api_key IN SHARE ROW EXCLUSIVE MODE")) {
                    lock.execute();
                }
                boolean any;
                try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM api_key)");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    any = rs.getBoolean(1);
                }
                Optional<Made> made = any ? Optional.empty() : Optional.of(insert(c, name, ApiRole.ADMIN, Optional.empty()));
                c.commit();
                return made;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Made insert(Connection c, Pseudonym name, ApiRole role, Optional<UUID> createdBy) throws SQLException {
        ApiKey key = ApiKey.generate(random);
        IssuedKey issued = new IssuedKey(Ids.uuid(random), name, role, clock.instant(), createdBy, Optional.empty());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO api_key (id, key_hash, name, role, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, issued.id());
            s.setBytes(2, key.hash());
            s.setString(3, name.value());
            s.setString(4, role.apiName());
            s.setTimestamp(5, Timestamp.from(issued.createdAt()));
            s.setObject(6, createdBy.orElse(null), Types.OTHER);
            s.executeUpdate();
        }
        return new Made(issued, key);
    }

    /**
     * The holder of {@code key}, if the key is known and not revoked (or was, less than {@link #REMEMBERED} ago, when
     * another node revoked it).
     */
    public Optional<Principal> authenticate(ApiKey key) throws SQLException {
        String hash = HexFormat.of().formatHex(key.hash());
        Instant now = clock.instant();
        Remembered known = remembered.get(hash);
        if (known != null && now.isBefore(known.at().plus(REMEMBERED)) && !now.isBefore(known.at())) {
            return Optional.of(known.principal());
        }
        Optional<Principal> found = lookUp(key);
        if (found.isPresent()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(hash, new Remembered(found.get(), now));
        } else {
            remembered.remove(hash);
        }
        return found;
    }

    private Optional<Principal> lookUp(ApiKey key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")) {
            s.setBytes(1, key.hash());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs).issued().principal()) : Optional.empty();
            }
        }
    }

    /** The key with {@code id}, revoked or not. */
    public Optional<IssuedKey> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_key WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs).issued()) : Optional.empty();
            }
        }
    }

    /** Up to {@code limit} keys in the order they were made, after the one numbered {@code after} if given. */
    public List<Listed> list(OptionalLong after, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("a listing holds at least one key, not " + limit);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM api_key WHERE number > ? ORDER BY number LIMIT ?")) {
            s.setLong(1, after.orElse(0));
            s.setInt(2, limit);
            List<Listed> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(read(rs));
                }
            }
            return keys;
        }
    }

    /**
     * Revokes the key with {@code id}: it authenticates nobody from now on. Revoking a revoked key changes nothing.
     *
     * @return the key as it is now, or empty if there is no such key
     */
    public Optional<IssuedKey> revoke(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE api_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING " + COLUMNS)) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                Optional<IssuedKey> revoked = rs.next() ? Optional.of(read(rs).issued()) : Optional.empty();
                // Only the hash finds a remembered key: forget them all; they are found again at the next request.
                remembered.clear();
                return revoked;
            }
        }
    }

    private static Listed read(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        IssuedKey issued = new IssuedKey(
                rs.getObject("id", UUID.class),
                new Pseudonym(rs.getString("name")),
                ApiRole.named(role).orElseThrow(() -> new IllegalStateException("the database holds an unknown role " + role)),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getObject("created_by", UUID.class)),
                Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
        return new Listed(rs.getLong("number"), issued);
    }
}
