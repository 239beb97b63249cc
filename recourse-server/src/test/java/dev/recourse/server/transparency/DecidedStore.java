package dev.recourse.server.transparency;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.process.Result;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store on a fresh test database holding decisions of three days, with personal data in their notices, and the
 * command-line arguments and environment that reach its database from outside.
 */
public final class DecidedStore implements AutoCloseable {
    public static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    /** Personal data the notices carry, which no public output may hold. */
    public static final List<String> PERSONAL = List.of("Erika Mustermann", "erika@example.org", "Max Muster", "max@example.net",
            "It insults my neighbour by name", "owner-", "notifier-", "post-", "mod-ada");
    static final Person ADA = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);

    public final StoreSettings settings;
    public final RecourseStore store;
    private Instant now = FIRST.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private int subjects;

    public DecidedStore(Path data) throws IOException {
        settings = TestCases.settings(data);
        InstantSource clock = () -> now;
        store = RecourseStore.open(settings, clock, new SecureRandom());
    }

    /** Three decisions that restrict on the first day, one that takes no action and one that restricts on the third. */
    public DecidedStore withDecisions() {
        removal();
        removal();
        suspension();
        at(FIRST.plusDays(2));
        noAction();
        removal();
        return this;
    }

    /** The following decisions are taken at noon of {@code day}. */
    public DecidedStore at(LocalDate day) {
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return this;
    }

    /** A user's notice and a moderator's removal of illegal content. */
    public void removal() {
        Subject post = post();
        decide(post, new NoticeSource.User(new NotifierId("notifier-" + subjects)), new Command.Plan.Restrict(
                List.of(PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                        Optional.empty()))), TestCases.illegalReasons()));
    }

    /** A trusted flagger's notice and an account suspension for breaking the terms. */
    public void suspension() {
        Subject post = post();
        decide(post, new NoticeSource.TrustedFlagger(new NotifierId("notifier-" + subjects), "Safer Internet Flaggers e.V."),
                new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(new Measure.Account(DecisionAccount.DECISION_ACCOUNT_SUSPENDED))),
                        new Reasons(DsaStatement.builder()
                                .decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
                                .incompatibleContentGround("Terms of service, section 4: spam")
                                .incompatibleContentExplanation("The account posted the same advertisement 400 times in a day.")
                                .contentType(Set.of(ContentType.CONTENT_TYPE_TEXT, ContentType.CONTENT_TYPE_OTHER))
                                .contentTypeOther("Advertisement")
                                .category(Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD)
                                .decisionFacts("A trusted flagger reported the account; a moderator checked its posts.")
                                .build())));
    }

    /** A user's notice and a decision to take no action. */
    public void noAction() {
        decide(post(), new NoticeSource.User(new NotifierId("notifier-" + subjects)),
                new Command.Plan.TakeNoAction("Satire, allowed by the terms."));
    }

    private Subject post() {
        subjects++;
        return new Subject(new SubjectRef(SubjectKind.CONTENT, "post-" + subjects), new AccountId("owner-" + subjects), 120,
                new LanguageCode("de"), new CountryCode("DE"), Optional.empty(), LocalDate.of(2025, 3, 1), Optional.empty());
    }

    /** A removal that the affected person appeals and a reviewer reverses. */
    public void removalReversedOnAppeal() {
        Subject post = post();
        DecisionId decision = decide(post, new NoticeSource.User(new NotifierId("notifier-" + subjects)), new Command.Plan.Restrict(
                List.of(PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                        Optional.empty()))), TestCases.illegalReasons()));
        AppealId appeal = accepted(store.dueProcess().handle(new Command.FileAppeal(post.ref(), decision,
                new Appellant.AffectedPerson(post.owner()), "It quotes the law, it does not break it."))).stream()
                .map(RecordedEvent::event).filter(CaseEvent.AppealFiled.class::isInstance)
                .map(e -> ((CaseEvent.AppealFiled) e).appeal().id()).findFirst().orElseThrow();
        accepted(store.dueProcess().handle(new Command.DecideAppeal(post.ref(), appeal, TestCases.CEM,
                new AppealOutcome.Reversed("A quotation of the law, not hate speech."), List.of())));
    }

    private DecisionId decide(Subject subject, NoticeSource source, Command.Plan plan) {
        Contact contact = subjects % 2 == 0 ? new Contact("Max Muster", "max@example.net") : new Contact("Erika Mustermann", "erika@example.org");
        List<RecordedEvent> events = accepted(store.dueProcess().handle(new Command.SubmitNotice(subject, source, Optional.of(contact),
                "It insults my neighbour by name.", new Location("https://social.example/reported"), GoodFaith.AFFIRMED)));
        NoticeId notice = events.stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
        return accepted(store.dueProcess().handle(new Command.Decide(subject.ref(), Set.of(notice), Set.of(),
                new Command.DecidedBy.Moderator(ADA), plan))).stream().map(RecordedEvent::event)
                .filter(CaseEvent.DecisionTaken.class::isInstance).map(e -> ((CaseEvent.DecisionTaken) e).decision().id())
                .findFirst().orElseThrow();
    }

    private static List<RecordedEvent> accepted(Result result) {
        return switch (result) {
            case Result.Accepted a -> a.events();
            case Result.Rejected r -> throw new IllegalStateException("refused: " + r.errors());
            case Result.Contended c -> throw new IllegalStateException("contended: " + c.stream());
        };
    }

    /** {@code --database-url URL}: the options that reach this store's database. */
    public List<String> databaseOptions() {
        return List.of("--database-url", settings.database().url().orElseThrow());
    }

    /** The environment with the database's user and password. */
    public Map<String, String> environment() {
        return Map.of("RECOURSE_DATABASE_USER", settings.database().user().orElseThrow(),
                "RECOURSE_DATABASE_PASSWORD", settings.database().password().orElseThrow());
    }

    /** {@code args} followed by the options that reach this store's database: a command line against it. */
    public String[] arguments(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(databaseOptions());
        return all.toArray(String[]::new);
    }

    @Override
    public void close() throws IOException {
        TestCases.close(store);
    }
}
