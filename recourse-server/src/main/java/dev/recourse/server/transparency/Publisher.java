package dev.recourse.server.transparency;

import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.DsaSubmissions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Publishes while the service runs, as {@link Publishing} says: every {@link Publishing#submitEvery()} it sends the
 * statements the DSA Transparency Database has not accepted ({@link Submitter}), and every hour it writes yesterday's
 * daily dump if it is not there yet ({@link DailyDump}). One thread does both, one at a time. A round that fails is
 * reported on the log (the consumer given) and tried again in the next round: what was accepted stays recorded, and a
 * dump is written whole or not at all.
 */
public final class Publisher implements AutoCloseable {
    private static final Duration DUMP_EVERY = Duration.ofHours(1);

    private final Publishing publishing;
    private final DsaStatements statements;
    private final Optional<Submitter> submitter;
    private final InstantSource clock;
    private final Consumer<String> log;
    private final ScheduledExecutorService thread;

    private Publisher(Publishing publishing, DataSource dataSource, InstantSource clock, Consumer<String> log, Submitter.Pause pause) {
        this.publishing = publishing;
        this.statements = new DsaStatements(dataSource);
        this.clock = clock;
        this.log = log;
        this.submitter = publishing.dsaApi().map(api -> new Submitter(api, publishing.dsaToken().orElseThrow(), statements,
                new DsaSubmissions(dataSource, clock), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(),
                Submitter.Policy.DEFAULT, pause));
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("recourse-publisher").daemon().factory());
    }

    /**
     * Starts publishing on its own thread; the first round runs at once.
     *
     * @param log where each round's outcome and failures are reported, one line each
     */
    public static Publisher start(Publishing publishing, DataSource dataSource, InstantSource clock, Consumer<String> log) {
        Publisher publisher = new Publisher(publishing, dataSource, clock, log, Thread::sleep);
        if (publisher.submitter.isPresent()) {
            publisher.thread.scheduleWithFixedDelay(publisher::submitRound, 0, publishing.submitEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (publishing.dumpDirectory().isPresent()) {
            publisher.thread.scheduleWithFixedDelay(publisher::dumpRound, 0, DUMP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return publisher;
    }

    /** Sends what the Transparency Database has not accepted yet, once. */
    void submitRound() {
        try {
            Submitter.Outcome outcome = submitter.orElseThrow().submit(DsaStatements.Period.ALL, n -> { });
            if (outcome.accepted() + outcome.refused() > 0) {
                log.accept("dsa: " + outcome.accepted() + " statements accepted, " + outcome.refused() + " refused (errors recorded)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.accept("dsa: sending the statements of reasons failed, trying again in " + publishing.submitEvery() + ": " + e.getMessage());
        }
    }

    /** Writes yesterday's dump if it is not there yet. */
    void dumpRound() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        Path directory = publishing.dumpDirectory().orElseThrow();
        try {
            if (!Files.exists(directory.resolve(DailyDump.fileName(yesterday)))) {
                Files.createDirectories(directory);
                DsaStatements.Tally tally = DailyDump.write(statements, yesterday, directory, n -> { });
                log.accept("dump: " + tally.statements() + " statements of reasons of " + yesterday + " in "
                        + directory.resolve(DailyDump.fileName(yesterday)));
            }
        } catch (IOException | RuntimeException e) {
            log.accept("dump: writing the dump of " + yesterday + " failed, trying again in an hour: " + e.getMessage());
        }
    }

    /** Stops publishing: a round under way is interrupted; what it had recorded stays. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                log.accept("publisher: a round did not end within 30 s of being asked to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
