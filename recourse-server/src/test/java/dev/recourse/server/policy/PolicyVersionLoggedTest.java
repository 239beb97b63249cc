package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreException;
import dev.recourse.store.TestCases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy version and its {@code PolicyVersionStored} event are stored in one transaction: when either write
 * fails, neither is stored, and the version does not become active.
 */
class PolicyVersionLoggedTest {
    private static final Person AUTHOR = new Person(new Pseudonym("author"), Role.ADMINISTRATOR);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));
    private static final Versioned SCAMS = new Versioned("scams", "4");

    @TempDir
    Path dir;

    private RecourseStore store;
    private StoredPolicies policies;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(dir), CLOCK, new SecureRandom());
        policies = StoredPolicies.open(store);
        sql("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long logged() {
        return store.events().read(StreamId.ofPolicy(SCAMS)).stream()
                .filter(e -> e.event() instanceof PolicyEvent.PolicyVersionStored).count();
    }

    @Test
    void aVersionWhoseEventFailsToCommitLeavesNoRow() throws Exception {
        sql("CREATE TRIGGER refuse_policy_events BEFORE INSERT ON event FOR EACH ROW"
                + " WHEN (NEW.stream_id LIKE 'POLICY/%') EXECUTE FUNCTION refuse()");

        assertThatThrownBy(() -> policies.submit(PolicyYamlTest.example(), "author", AUTHOR)).isInstanceOf(StoreException.class);

        assertThat(policies.versions("scams")).isEmpty();
        assertThat(policies.book().active("scams")).isEmpty();
        assertThat(StoredPolicies.open(store).versions("scams")).isEmpty();
    }

    @Test
    void aVersionWhoseRowFailsToCommitIsNotLogged() throws Exception {
        sql("CREATE TRIGGER refuse_policy_rows BEFORE INSERT ON policy_version FOR EACH ROW EXECUTE FUNCTION refuse()");

        assertThatThrownBy(() -> policies.submit(PolicyYamlTest.example(), "author", AUTHOR)).isInstanceOf(StoreException.class);

        assertThat(logged()).isZero();
        assertThat(policies.book().active("scams")).isEmpty();
    }

    @Test
    void aSubmissionAfterAFailedOneStoresAndLogsTheVersionOnce() throws Exception {
        sql("CREATE TRIGGER refuse_policy_rows BEFORE INSERT ON policy_version FOR EACH ROW EXECUTE FUNCTION refuse()");
        assertThatThrownBy(() -> policies.submit(PolicyYamlTest.example(), "author", AUTHOR)).isInstanceOf(StoreException.class);
        sql("DROP TRIGGER refuse_policy_rows ON policy_version");

        policies.submit(PolicyYamlTest.example(), "author", AUTHOR).orElseThrow();

        assertThat(logged()).isEqualTo(1);
        assertThat(policies.versions("scams")).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(SCAMS);
            assertThat(v.submittedAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(policies.book().active("scams")).isPresent();
    }
}
