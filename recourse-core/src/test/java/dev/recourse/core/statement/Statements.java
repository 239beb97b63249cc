package dev.recourse.core.statement;

import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.Reasons;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Complete statements to start tests from. */
public final class Statements {
    public static final LocalDate APPLIED = LocalDate.of(2025, 3, 14);
    public static final Person MODERATOR = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);

    private Statements() {}

    /** A complete statement: illegal hate speech removed in Germany, decided by a person. */
    public static DsaStatement.Builder illegal() {
        return DsaStatement.builder()
                .decisionVisibility(Set.of(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED))
                .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                .illegalContentLegalGround("§ 130 StGB (Volksverhetzung)")
                .illegalContentExplanation("The post incites hatred against a group defined by religion.")
                .contentType(Set.of(ContentType.CONTENT_TYPE_TEXT))
                .category(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                .categorySpecification(Set.of(Keyword.KEYWORD_HATE_SPEECH))
                .territorialScope(List.of("DE"))
                .contentLanguage("DE")
                .contentDate(LocalDate.of(2025, 3, 1))
                .applicationDate(APPLIED)
                .decisionFacts("A user notice reported the post; a moderator reviewed it against the law.")
                .sourceType(SourceType.SOURCE_ARTICLE_16)
                .automatedDetection(YesNo.No)
                .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
                .puid("dec-0001");
    }

    /** A complete statement: spam against the terms demoted everywhere. */
    public static DsaStatement.Builder incompatible() {
        return illegal()
                .decisionVisibility(Set.of(DecisionVisibility.DECISION_VISIBILITY_CONTENT_DEMOTED))
                .decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
                .illegalContentLegalGround(null)
                .illegalContentExplanation(null)
                .incompatibleContentGround("Terms of service, section 4.2: spam")
                .incompatibleContentExplanation("The account posted the same link 400 times in an hour.")
                .category(Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD)
                .categorySpecification(Set.of());
    }

    /** The reasons a decider states: {@code statement} without the fields the core derives (see {@link Reasons#STATED}). */
    public static Reasons reasons(DsaStatement.Builder statement) {
        return new Reasons(statement.decisionVisibility(Set.of()).territorialScope(List.of()).contentLanguage(null).contentDate(null)
                .applicationDate(null).sourceType(null).automatedDetection(null).automatedDecision(null).puid(null).build());
    }

    public static Redress redress(LocalDate applied) {
        return new Redress(applied.plusMonths(6).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                "Any certified out-of-court dispute settlement body, listed at https://example.eu/ods.",
                "The courts of your country of residence.");
    }

    public static Redress redress() {
        return redress(APPLIED);
    }

    public static Deciders byModerator() {
        return Deciders.person(MODERATOR);
    }

    public static Instant at(LocalDate date) {
        return date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }
}
