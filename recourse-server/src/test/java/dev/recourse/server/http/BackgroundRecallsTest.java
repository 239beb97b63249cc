package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.process.Result;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import dev.recourse.store.safeguard.RecallProgress;
import dev.recourse.store.safeguard.Recalls;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recalls carried out in the background on the real database: taken up after a restart, and after a failed run. */
class BackgroundRecallsTest {
    private static final Versioned RULE = new Versioned("background-rule", "2");

    @TempDir
    Path dir;

    private StoreSettings settings;
    private RecourseStore store;
    private BackgroundRecalls background;

    @BeforeEach
    void open() throws Exception {
        settings = TestCases.settings(dir);
        store = RecourseStore.open(settings, InstantSource.system(), new SecureRandom());
        for (int i = 0; i < 4; i++) {
            RuleActions.enforce(store, RULE, "b-" + i, "b-owner-" + i);
        }
    }

    @AfterEach
    void close() throws Exception {
        if (background != null) {
            background.close();
        }
        TestCases.close(store);
    }

    /** Starts a recall of every decision of {@link #RULE}, as a request does, without carrying it out. */
    private RecallId begin() {
        Recalls recalls = store.recalls();
        Result started = recalls.begin(new Recalls.Request(RULE, Optional.empty(), Optional.empty(), TestCases.BEA,
                "The rule matched political vocabulary.", "We are sorry."), 4);
        return Recalls.started(((Result.Accepted) started).events());
    }

    private RecallProgress.Status status(RecallId recall) {
        return store.recalls().progress().of(recall).orElseThrow();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aRecallInterruptedByARestartIsTakenUpAtTheNextStart() throws Exception {
        RecallId recall = begin();
        assertThat(status(recall).state()).isEqualTo(RecallProgress.State.RUNNING);

        store.close();
        store = RecourseStore.open(settings, InstantSource.system(), new SecureRandom());
        background = new BackgroundRecalls(store.recalls(), InstantSource.system());
        int resumed = background.resumeUnfinished();

        assertThat(resumed).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(recall).state() == RecallProgress.State.DONE);
        assertThat(status(recall).recall().lifted()).isEqualTo(4);
        assertThat(status(recall).toReverse()).hasValue(4);
    }

    @Test
    void aFailedRunShowsWhyAndIsTakenUpAgainAtTheNextStart() throws Exception {
        RecallId recall = begin();
        sql("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case writes refused by the test';"
                + " END $$");
        sql("CREATE TRIGGER refuse_case_events BEFORE INSERT ON event FOR EACH ROW"
                + " WHEN (NEW.stream_id NOT LIKE 'RULE/%') EXECUTE FUNCTION refuse()");
        background = new BackgroundRecalls(store.recalls(), InstantSource.system());

        background.resumeUnfinished();

        await().atMost(Duration.ofSeconds(30)).until(() -> status(recall).state() == RecallProgress.State.FAILED);
        assertThat(status(recall).failure()).hasValueSatisfying(f -> assertThat(f).contains("case writes refused by the test"));

        sql("DROP TRIGGER refuse_case_events ON event");
        background.resumeUnfinished();

        await().atMost(Duration.ofSeconds(30)).until(() -> status(recall).state() == RecallProgress.State.DONE);
        assertThat(status(recall).failure()).isEmpty();
        assertThat(status(recall).recall().lifted()).isEqualTo(4);
    }
}
