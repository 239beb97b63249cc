package dev.recourse.server.http;

import dev.recourse.core.appeal.AppealId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who works on which pending appeal, in the database's {@code appeal_claim} table: a reviewer claims an appeal from
 * the queue so that no other decides it meanwhile. A claim lapses after {@link #LAPSE}, so an abandoned appeal goes
 * back to the queue. Thread-safe; atomic across nodes.
 */
public final class AppealClaims {
    /** How long a claim holds after it was made or renewed. */
    public static final Duration LAPSE = Duration.ofHours(1);

    private final DataSource dataSource;
    private final InstantSource clock;

    /** The claims in {@code dataSource}. */
    public AppealClaims(DataSource dataSource, InstantSource clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A claim that holds.
     *
     * @param apiKey the key of the reviewer who holds it
     * @param until when it lapses unless renewed
     */
    public record Claim(UUID apiKey, Instant until) {}

    /**
     * Claims {@code appeal} for the holder of {@code apiKey}, or renews their claim: unless another's claim holds.
     *
     * @return the claim that holds now: the caller's, or the other reviewer's
     */
    public Claim claim(AppealId appeal, UUID apiKey) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO appeal_claim (appeal_id, api_key, claimed_at) VALUES (?, ?, ?)"
                     + " ON CONFLICT (appeal_id) DO UPDATE SET api_key = excluded.api_key, claimed_at = excluded.claimed_at"
                     + " WHERE appeal_claim.api_key = excluded.api_key OR appeal_claim.claimed_at <= ?")) {
            s.setObject(1, appeal.value());
            s.setObject(2, apiKey);
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(now.minus(LAPSE)));
            s.executeUpdate();
        }
        return holder(appeal).orElseThrow(() -> new IllegalStateException("a claim just made or renewed holds"));
    }

    /** The claim on {@code appeal} that holds now, if any. */
    public Optional<Claim> holder(AppealId appeal) throws SQLException {
        return Optional.ofNullable(holders(java.util.List.of(appeal)).get(appeal));
    }

    /** The claims that hold now on any of {@code appeals}. */
    public Map<AppealId, Claim> holders(Collection<AppealId> appeals) throws SQLException {
        Map<AppealId, Claim> holders = new HashMap<>();
        if (appeals.isEmpty()) {
            return holders;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT appeal_id, api_key, claimed_at FROM appeal_claim WHERE appeal_id = ANY (?) AND claimed_at > ?")) {
            Array ids = c.createArrayOf("uuid", appeals.stream().map(AppealId::value).toArray());
            s.setArray(1, ids);
            s.setTimestamp(2, Timestamp.from(clock.instant().minus(LAPSE)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holders.put(new AppealId(rs.getObject(1, UUID.class)),
                            new Claim(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant().plus(LAPSE)));
                }
            }
        }
        return holders;
    }

    /** Forgets the claim on {@code appeal}: it was decided. */
    public void release(AppealId appeal) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM appeal_claim WHERE appeal_id = ?")) {
            s.setObject(1, appeal.value());
            s.executeUpdate();
        }
    }
}
