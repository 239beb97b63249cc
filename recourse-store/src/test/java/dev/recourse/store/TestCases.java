package dev.recourse.store;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.process.Settings;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.database.TestDatabases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store on a fresh test database, and the commands of one ordinary case. */
public final class TestCases {
    public static final Settings PROCESS = Settings.defaults("Certified out-of-court dispute settlement bodies: https://example.eu/ods",
            "The courts of the country where you live.");
    public static final Person ADA = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);
    public static final Person CEM = new Person(new Pseudonym("rev-cem"), Role.APPEAL_REVIEWER);
    public static final Person BEA = new Person(new Pseudonym("sen-bea"), Role.SENIOR_MODERATOR);

    private TestCases() {}

    /** Settings of a store under {@code data} on a fresh database of the test server. */
    public static StoreSettings settings(Path data) {
        return StoreSettings.under(data, "test.recourse.dev/log", PROCESS).withDatabase(TestDatabases.freshSettings(data));
    }

    /** A post by {@code owner}. */
    public static Subject post(String id, String owner) {
        return new Subject(new SubjectRef(SubjectKind.CONTENT, id), new AccountId(owner), 120, new LanguageCode("de"),
                new CountryCode("DE"), Optional.empty(), LocalDate.of(2025, 3, 1), Optional.empty());
    }

    /** A user's notice about {@code subject}, with the sender's contact. */
    public static Command.SubmitNotice notice(Subject subject, String notifier) {
        return new Command.SubmitNotice(subject, new NoticeSource.User(new NotifierId(notifier)),
                Optional.of(new Contact("Erika Mustermann", "erika@example.org")), "It insults my neighbour by name.",
                new Location("https://social.example/reported"), GoodFaith.AFFIRMED);
    }

    /** The reasons of removing illegal hate speech. */
    public static Reasons illegalReasons() {
        return new Reasons(DsaStatement.builder()
                .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                .illegalContentLegalGround("§ 130 StGB")
                .illegalContentExplanation("Incites hatred against a religious group.")
                .contentType(Set.of(ContentType.CONTENT_TYPE_TEXT))
                .category(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                .decisionFacts("Reported by a user; reviewed against the law.")
                .build());
    }

    /** A moderator's decision to remove {@code subject} everywhere, answering {@code notices}. */
    public static Command.Decide removal(SubjectRef subject, Set<dev.recourse.core.notice.NoticeId> notices, Person moderator) {
        return new Command.Decide(subject, notices, Set.of(), new Command.DecidedBy.Moderator(moderator),
                new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(
                        new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))),
                        illegalReasons()));
    }

    /** Deletes {@code directory} and everything in it, for tests' clean-up. */
    public static void deleteTree(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                java.nio.file.Files.deleteIfExists(path);
            }
        }
    }

    /** Closes {@code store}, for tests' clean-up. */
    public static void close(RecourseStore store) throws IOException {
        if (store != null) {
            store.close();
        }
    }

    /** The events of {@code command}, which {@code store} MUST accept. */
    public static List<dev.recourse.core.event.RecordedEvent> accept(RecourseStore store, Command command) {
        dev.recourse.core.process.Result result = store.dueProcess().handle(command);
        org.assertj.core.api.Assertions.assertThat(result).as(String.valueOf(result))
                .isInstanceOf(dev.recourse.core.process.Result.Accepted.class);
        return ((dev.recourse.core.process.Result.Accepted) result).events();
    }

    /** The first event of {@code type} among {@code events}. */
    public static <E extends dev.recourse.core.event.Event> E only(List<dev.recourse.core.event.RecordedEvent> events, Class<E> type) {
        return events.stream().map(dev.recourse.core.event.RecordedEvent::event).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }
}
