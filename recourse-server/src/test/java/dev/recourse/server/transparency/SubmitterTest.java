package dev.recourse.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.json.Json;
import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.DsaSubmissions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitterTest {
    private static final String TOKEN = "X|test-token-1234";
    private static final Submitter.Policy POLICY = new Submitter.Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(10));

    private DecidedStore decided;
    private FakeTransparencyDatabase database;
    private DsaSubmissions submissions;
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path data) throws IOException {
        decided = new DecidedStore(data);
        database = new FakeTransparencyDatabase(TOKEN);
        submissions = new DsaSubmissions(decided.store.dataSource(), InstantSource.fixed(Instant.parse("2026-03-05T08:00:00Z")));
    }

    @AfterEach
    void stop() throws IOException {
        database.close();
        decided.close();
    }

    private Submitter submitter(String token) {
        return new Submitter(database.url(), token, new DsaStatements(decided.store.dataSource()), submissions,
                HttpClient.newHttpClient(), POLICY, pauses::add);
    }

    private Submitter.Outcome submit() throws Exception {
        return submitter(TOKEN).submit(DsaStatements.Period.ALL, n -> { });
    }

    private void removals(int n) {
        for (int i = 0; i < n; i++) {
            decided.removal();
        }
    }

    @Test
    void everyStatementIsSentInBatchesOfAtMostAHundredAndEachUuidIsRecorded() throws Exception {
        removals(230);

        Submitter.Outcome outcome = submit();

        assertThat(outcome.accepted()).isEqualTo(230);
        assertThat(database.batchSizes()).containsExactly(100, 100, 30);
        assertThat(database.stored()).hasSize(230);
        assertRecordedAsStored();
    }

    @Test
    void anAcceptedStatementIsNeverSentAgainEvenByANewSubmitter() throws Exception {
        removals(3);
        submit();
        decided.removal();

        Submitter.Outcome again = submitter(TOKEN).submit(DsaStatements.Period.ALL, n -> { });

        assertThat(again.accepted()).isEqualTo(1);
        assertThat(database.batchSizes()).containsExactly(3, 1);
        assertThat(submissions.counts()).isEqualTo(new DsaSubmissions.Counts(4, 0));
    }

    @Test
    void aFailedRequestIsSentAgainAfterPausesThatDoubleUpToTheLongest() throws Exception {
        removals(2);
        database.failNext(503, 3);

        Submitter.Outcome outcome = submit();

        assertThat(outcome).isEqualTo(new Submitter.Outcome(2, 0, 4));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(database.stored()).hasSize(2);
    }

    @Test
    void aBatchStoredWhoseAnswerWasLostCountsAsAcceptedAndIsStoredOnce() throws Exception {
        removals(3);
        database.loseNextAnswer();

        Submitter.Outcome outcome = submit();

        assertThat(outcome.accepted()).isEqualTo(3);
        assertThat(database.stored()).hasSize(3);
        assertRecordedAsStored();
    }

    @Test
    void aRefusedStatementIsRecordedWithItsErrorsAndTheRestOfItsBatchIsAccepted() throws Exception {
        removals(3);
        String refused = new DsaStatements(decided.store.dataSource()).unsubmitted(DsaStatements.Period.ALL, Optional.empty(), 10)
                .get(1).puid();
        database.refuse(refused);

        Submitter.Outcome outcome = submit();

        assertThat(outcome).isEqualTo(new Submitter.Outcome(2, 1, 2));
        assertThat(database.batchSizes()).containsExactly(3, 2);
        assertThat(submissions.answerFor(refused).orElseThrow()).isInstanceOfSatisfying(DsaSubmissions.Answer.Refused.class,
                r -> assertThat(r.errors()).isEqualTo("decision_facts: The decision facts contain personal data."));
    }

    @Test
    void aRefusedStatementIsSentAgainOnTheNextRunAndAcceptedThen() throws Exception {
        removals(1);
        String puid = new DsaStatements(decided.store.dataSource()).unsubmitted(DsaStatements.Period.ALL, Optional.empty(), 10)
                .getFirst().puid();
        database.refuse(puid);
        submit();
        database.close();

        database = new FakeTransparencyDatabase(TOKEN);
        Submitter.Outcome outcome = submit();

        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(submissions.answerFor(puid).orElseThrow()).isInstanceOf(DsaSubmissions.Answer.Accepted.class);
    }

    @Test
    void aWrongTokenStopsTheRunAtOnceWithNothingRecorded() {
        removals(2);

        assertThatThrownBy(() -> submitter("X|wrong").submit(DsaStatements.Period.ALL, n -> { }))
                .isInstanceOf(Submitter.Failed.class).hasMessage("the Transparency Database refused the token (HTTP 401)");
        assertThat(pauses).isEmpty();
        assertThat(submissions.counts()).isEqualTo(new DsaSubmissions.Counts(0, 0));
    }

    @Test
    void aBatchThatFailsEveryAttemptStopsTheRunAndKeepsWhatWasAcceptedBefore() {
        removals(101);

        // Once the first batch is answered, the database fails every request.
        assertThatThrownBy(() -> submitter(TOKEN).submit(DsaStatements.Period.ALL, answered -> database.failNext(503, 100)))
                .isInstanceOf(Submitter.Failed.class)
                .hasMessageStartingWith("the Transparency Database did not take a batch of 1 statements in 4 attempts; the last: HTTP 503");
        assertThat(submissions.counts()).isEqualTo(new DsaSubmissions.Counts(100, 0));
    }

    /** Each statement the database stored is recorded as accepted with the uuid the database gave it. */
    private void assertRecordedAsStored() {
        database.stored().forEach((puid, statement) -> assertThat(submissions.answerFor(puid).orElseThrow())
                .isInstanceOfSatisfying(DsaSubmissions.Answer.Accepted.class, a -> assertThat(a.uuid())
                        .contains(((Json.Str) statement.get("uuid")).value())));
    }
}
