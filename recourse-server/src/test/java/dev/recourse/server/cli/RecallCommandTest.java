package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.Validation;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.Result;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.database.DatabaseSettings;
import dev.recourse.store.database.TestDatabases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recourse recall} on a real (test server's) database. */
class RecallCommandTest {
    private static final Versioned RULE = new Versioned("political-words", "7");

    @TempDir
    Path data;
    private DatabaseSettings database;
    private Map<String, String> environment;

    /** A store where the rule removed three posts, as {@code recall} will find it. */
    @BeforeEach
    void threeRemovals() throws Exception {
        database = TestDatabases.freshSettings(data);
        environment = Map.of("RECOURSE_DATABASE_USER", database.user().orElseThrow(),
                "RECOURSE_DATABASE_PASSWORD", database.password().orElseThrow());
        removals(1, 3);
    }

    /** The rule removes the posts {@code from} to {@code to}, each of its own owner. */
    private void removals(int from, int to) throws Exception {
        ServerSettings settings = ((Validation.Valid<ServerSettings>) ServerSettings.resolve(Map.of(), environment,
                Map.of("data", data.toString(), "database.url", database.url().orElseThrow()))).value();
        try (RecourseStore store = RecourseStore.open(settings.store(), InstantSource.system(), new SecureRandom())) {
            for (int i = from; i <= to; i++) {
                Subject post = TestCases.post("post-" + i, "owner-" + i);
                CaseEvent.DetectionRecorded detected = ((Result.Accepted) store.dueProcess().handle(new Command.RecordDetection(post,
                        new Signal.RuleMatch(RULE)))).events().stream().map(RecordedEvent::event)
                        .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast)
                        .findFirst().orElseThrow();
                assertThat(store.dueProcess().handle(new Command.Decide(post.ref(), Set.of(), Set.of(detected.detection().id()),
                        new Command.DecidedBy.Rule(AutomatedRule.of(RULE), Command.Mode.ENFORCE), new Command.Plan.Restrict(List.of(
                                PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                                        Optional.empty()))), TestCases.illegalReasons())))).isInstanceOf(Result.Accepted.class);
            }
        }
    }

    private Run recall(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("recall", "--data", data.toString(), "--database-url",
                database.url().orElseThrow()));
        args.addAll(List.of(more));
        return Run.of(environment, commandLine -> { }, args.toArray(String[]::new));
    }

    @Test
    void aDryRunListsWhatWouldBeLiftedAndChangesNothing() {
        Run dry = recall("--rule", "political-words@7", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("content:post-1").contains("would lift 3 restrictions on 3 subjects; nothing changed");
        assertThat(recall("--rule", "political-words@7", "--dry-run").out()).contains("would lift 3 restrictions");
    }

    @Test
    void aRecallLiftsEverythingOnceWithProgressAndASecondRunFindsNothing() {
        Run first = recall("--rule", "political-words@7", "--reasons", "It matched political vocabulary.", "--by", "sen-bea");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("lifted 3 restrictions on 3 subjects");
        assertThat(first.err()).contains("recalled 3 / 3");

        Run second = recall("--rule", "political-words@7", "--reasons", "It matched political vocabulary.", "--by", "sen-bea");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("nothing of political-words@7 stands in that time");
    }

    @Test
    void aRuleThatIsNoVersionIsAUsageErrorInOneLine() {
        Run bad = recall("--rule", "political-words", "--dry-run");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.firstErrLine()).contains("--rule");
    }

    @Test
    void aRecallWithoutReasonsIsAUsageErrorAndChangesNothing() {
        Run bad = recall("--rule", "political-words@7", "--by", "sen-bea");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.firstErrLine()).contains("--reasons");
        assertThat(recall("--rule", "political-words@7", "--dry-run").out()).contains("would lift 3 restrictions");
    }

    @Test
    void aTimeThatIsNoInstantIsAUsageError() {
        Run bad = recall("--rule", "political-words@7", "--from", "yesterday", "--dry-run");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.firstErrLine()).contains("--from");
    }

    @Test
    void aRecallKilledHalfWayAndRunAgainLiftsEveryRestrictionOnce() throws Exception {
        removals(4, 600);
        String[] recall = {"recall", "--data", data.toString(), "--database-url", database.url().orElseThrow(),
                "--rule", "political-words@7", "--reasons", "It matched political vocabulary.", "--by", "sen-bea"};
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Recourse.class.getName()));
        command.addAll(List.of(recall));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("killed.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                    .until(() -> lifted() >= 20 || !process.isAlive());
        } finally {
            process.destroyForcibly().waitFor();
        }
        long before = lifted();
        assertThat(before).as("killed half-way: " + java.nio.file.Files.readString(data.resolve("killed.log")))
                .isBetween(1L, 599L);

        Run again = Run.of(environment, commandLine -> { }, recall);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("took up the unfinished recall").contains("lifted " + (600 - before) + " restrictions");
        try (java.sql.Connection c = connection(); java.sql.ResultSet rows = c.createStatement().executeQuery(
                "SELECT count(*) FROM event WHERE type = 'RestrictionLifted'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("600 restrictions, 600 lifts").isEqualTo(600);
        }
        assertThat(recall("--rule", "political-words@7", "--dry-run").out()).contains("would lift 0 restrictions");
    }

    private java.sql.Connection connection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.url().orElseThrow(), database.user().orElseThrow(),
                database.password().orElseThrow());
    }

    /** Restrictions the recalls lifted so far, as the store counts them. */
    private long lifted() throws java.sql.SQLException {
        try (java.sql.Connection c = connection(); java.sql.ResultSet rows = c.createStatement().executeQuery(
                "SELECT coalesce(sum(lifted), 0) FROM rule_recall")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
