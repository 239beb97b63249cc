package dev.recourse.bench;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.core.process.Settings;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.StatementLines;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The DSA export's writer without the database: one statement of reasons found in a decision's public log entry
 * ({@link DsaStatements#locate}) and written as a JSON line ({@link StatementLines}) into a 1 MiB buffer that
 * discards what it flushes. The entries are real ones: {@value #ENTRIES} decisions taken by the core on an in-memory
 * store and sealed as the log seals them. The score is statements a second.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar DsaExportBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DsaExportBenchmark {
    /** How many distinct entries the benchmark cycles through; a power of two. */
    static final int ENTRIES = 1 << 12;

    /** Public entries of decisions, and the writer. */
    @State(Scope.Thread)
    public static class Decisions {
        byte[][] entries;
        StatementLines lines;
        int next;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(0x5eed_d5aL);
            InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T12:00:00Z"));
            DueProcess core = new DueProcess(new InMemoryEventStore(), clock, random, Settings.defaults(
                    "Certified out-of-court dispute settlement bodies: https://example.eu/ods", "The courts of the country where you live."));
            Reasons reasons = new Reasons(DsaStatement.builder()
                    .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                    .illegalContentLegalGround("§ 130 StGB (Volksverhetzung)")
                    .illegalContentExplanation("The post incites hatred against a religious group and calls for violence against its members.")
                    .contentType(Set.of(ContentType.CONTENT_TYPE_TEXT, ContentType.CONTENT_TYPE_IMAGE))
                    .category(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                    .categorySpecification(Set.of(Keyword.KEYWORD_HATE_SPEECH))
                    .decisionFacts("A user reported the post; a moderator reviewed it against German criminal law and removed it.")
                    .build());
            entries = new byte[ENTRIES][];
            for (int i = 0; i < ENTRIES; i++) {
                Subject post = new Subject(new SubjectRef(SubjectKind.CONTENT, "post-" + i), new AccountId("owner-" + i), 150,
                        new LanguageCode("de"), new CountryCode("DE"), Optional.empty(), LocalDate.of(2025, 3, 1), Optional.empty());
                RecordedEvent notice = events(core.handle(new Command.SubmitNotice(post, new NoticeSource.User(new NotifierId("user-" + i)),
                        Optional.empty(), "It calls for violence.", new Location("https://social.example/post-" + i),
                        GoodFaith.AFFIRMED))).stream()
                        .filter(e -> e.event() instanceof CaseEvent.NoticeReceived).findFirst().orElseThrow();
                RecordedEvent decision = events(core.handle(new Command.Decide(post.ref(),
                        Set.of(((CaseEvent.NoticeReceived) notice.event()).notice().id()), Set.of(),
                        new Command.DecidedBy.Moderator(new Person(new Pseudonym("mod-" + i % 20), Role.MODERATOR)),
                        new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(new Measure.Visibility(
                                DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))), reasons)))).stream()
                        .filter(e -> e.event() instanceof CaseEvent.DecisionTaken).findFirst().orElseThrow();
                entries[i] = LogEntry.seal(decision.event(), random).publicEntry();
            }
            lines = new StatementLines(new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 20), done -> { });
        }

        private static List<RecordedEvent> events(Result result) {
            if (result instanceof Result.Accepted accepted) {
                return accepted.events();
            }
            throw new IllegalStateException("the core refused a benchmark command: " + result);
        }
    }

    /** One statement located in its entry and written as a line. */
    @Benchmark
    public long locateAndWriteOneStatement(Decisions d) throws IOException {
        byte[] entry = d.entries[d.next++ & (ENTRIES - 1)];
        long span = DsaStatements.locate(entry);
        d.lines.statement(0, entry, (int) (span >>> 32), (int) span);
        return d.lines.lines();
    }
}
