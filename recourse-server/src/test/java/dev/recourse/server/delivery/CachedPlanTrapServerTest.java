package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.server.http.AppealClaims;
import dev.recourse.store.database.CachedPlans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own statements on tables that grow (the outbox's deliveries and their attempts, the appeals' claims)
 * are never trapped in a plan PostgreSQL cached while those tables were small, as the store's are not
 * (recourse-store's CachedPlanTrapTest, which explains the trap): run past the point where PostgreSQL keeps a generic
 * plan on a database analysed while small, then grown, and once the store's statistics refresh has run, no statement
 * still prepared has a generic plan that scans a grown table.
 */
class CachedPlanTrapServerTest {
    private static final int WARM_UP = 12;
    private static final int GROWN = 30_000;
    /** The dispatchers' cursors: one row each. */
    private static final Set<String> ONE_ROW = Set.of("delivery_cursor");

    @TempDir
    Path data;
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T10:00:00Z"));
    private HikariDataSource session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void noStatementKeepsAPlanMadeWhileItsTablesWereSmall() throws Exception {
        session = CachedPlans.freshSession(data);
        UUID apiKey = UUID.randomUUID();
        execute("INSERT INTO api_key (id, key_hash, name, role, created_at) VALUES ('" + apiKey + "', sha256('k'),"
                + " 'reviewer', 'appeal_reviewer', now())");
        Deliveries deliveries = new Deliveries(session, clock);
        AppealClaims claims = new AppealClaims(session, clock);

        for (int i = 0; i < WARM_UP; i++) {
            if (i == 2) {
                CachedPlans.analyze(session);
            }
            assertThat(deliveries.accept(i, i + 1, List.of(new Outgoing(UUID.randomUUID(), i, Channel.ACTIONS, "action.apply",
                    "{}".getBytes(StandardCharsets.UTF_8))))).isTrue();
            for (Deliveries.Claimed claimed : deliveries.claim(Set.of(Channel.ACTIONS), 10, Duration.ofMinutes(1))) {
                deliveries.accepted(claimed.id(), clock.instant(), "200");
                deliveries.acknowledge(claimed.id(), Optional.empty());
                assertThat(deliveries.find(claimed.id())).isPresent();
            }
            AppealId appeal = new AppealId(UUID.randomUUID());
            claims.claim(appeal, apiKey);
            claims.holders(List.of(appeal));
        }
        CachedPlans.planGenerically(session);
        String rows = " FROM generate_series(1, " + GROWN + ") g";
        execute("INSERT INTO delivery (id, position, channel, type, body, created_at, state, delivered_at)"
                + " SELECT gen_random_uuid(), 1000000 + g, 'actions', 'action.apply', '\\x00', now(), 'delivered', now()" + rows);
        execute("INSERT INTO delivery_attempt SELECT id, 1, now(), true, '200' FROM delivery WHERE position >= 1000000");
        execute("INSERT INTO appeal_claim SELECT gen_random_uuid(), '" + apiKey + "', now()" + rows);
        assertThat(CachedPlans.refreshStatistics(session)).contains("public.delivery", "public.delivery_attempt",
                "public.appeal_claim");

        assertThat(CachedPlans.frozenScans(session, ONE_ROW)).isEmpty();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = session.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
