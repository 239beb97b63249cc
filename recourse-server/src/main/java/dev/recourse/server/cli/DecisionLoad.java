package dev.recourse.server.cli;

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
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The work of one benchmark decision, as a platform sends it: a user's notice about a post, which opens its case,
 * then a moderator's decision to remove the post for illegal hate speech, with the reasons the moderator gives; the
 * core completes the statement of reasons and checks it. Each decision has its own post and owner; the notices come
 * from a thousand users and the decisions from twenty moderators. Public for the benchmarks of recourse-bench, which
 * measure pieces of the same work.
 */
public final class DecisionLoad {
    /** The due-process settings of the benchmark: the defaults. */
    public static final Settings SETTINGS = Settings.defaults("Certified out-of-court dispute settlement bodies: https://example.eu/ods",
            "The courts of the country where you live.");

    private static final Reasons REASONS = new Reasons(DsaStatement.builder()
            .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
            .illegalContentLegalGround("§ 130 StGB (Volksverhetzung)")
            .illegalContentExplanation("The post incites hatred against a religious group and calls for violence against its members.")
            .contentType(Set.of(ContentType.CONTENT_TYPE_TEXT, ContentType.CONTENT_TYPE_IMAGE))
            .category(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
            .categorySpecification(Set.of(Keyword.KEYWORD_HATE_SPEECH, Keyword.KEYWORD_INCITEMENT_VIOLENCE_HATRED))
            .decisionFacts("A user reported the post; a moderator reviewed it against German criminal law and removed it.")
            .build());
    private static final List<PlannedRestriction> REMOVAL = List.of(PlannedRestriction.everywhere(
            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty())));

    private DecisionLoad() {}

    /** The post of decision {@code n}. */
    public static Subject post(long n) {
        return new Subject(new SubjectRef(SubjectKind.CONTENT, "post-" + n), new AccountId("owner-" + n), 150 + n % 5_000,
                new LanguageCode("de"), new CountryCode("DE"), Optional.empty(), LocalDate.of(2025, 3, 1), Optional.empty());
    }

    /** The notice that starts decision {@code n}. */
    public static Command.SubmitNotice notice(long n) {
        return new Command.SubmitNotice(post(n), new NoticeSource.User(new NotifierId("user-" + n % 1_000)),
                Optional.of(new Contact("Reporter " + n % 1_000, "user-" + n % 1_000 + "@example.org")),
                "This post calls for violence against my neighbours because of their religion.",
                new Location("https://social.example/posts/" + n), GoodFaith.AFFIRMED);
    }

    /** The decision {@code n}, answering {@code notice}. */
    public static Command.Decide decision(long n, NoticeId notice) {
        Person moderator = new Person(new Pseudonym("mod-" + n % 20), Role.MODERATOR);
        return new Command.Decide(post(n).ref(), Set.of(notice), Set.of(), new Command.DecidedBy.Moderator(moderator),
                new Command.Plan.Restrict(REMOVAL, REASONS));
    }
}
