package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Policies, rules and events for tests: small, valid, and changed one part at a time. */
public final class Policies {
    private Policies() {}

    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public static StatementTemplate template() {
        return new StatementTemplate(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT, Optional.empty(),
                Optional.of("Community guidelines, section 4: spam"), "The post contains {matches}, listed as spam.",
                "Rule {rule} matched event {event.id} about {subject}.", Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
                Set.of(Keyword.KEYWORD_PHISHING), Set.of(ContentType.CONTENT_TYPE_TEXT), Optional.empty());
    }

    public static Action removal() {
        return new Action(List.of(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty())),
                Optional.of(Duration.ofDays(30)), TerritorialScope.EVERYWHERE);
    }

    public static Rule rule(String id, RuleMode mode, String condition, List<String> lists) {
        return new Rule(versioned(id), Set.of("post.created"), condition, lists, List.of(), removal(), mode, template(),
                Safeguards.DEFAULT, OnFailure.NO_DECISION);
    }

    public static MatchList.Keywords spamWords() {
        return new MatchList.Keywords(new Versioned("spam-words", "7"), List.of("free money", "crypto giveaway", "وام فوری"));
    }

    public static Policy policy(String id, List<Rule> rules) {
        return new Policy(versioned(id), List.of(spamWords()), List.of(), rules);
    }

    public static Versioned versioned(String idAtVersion) {
        int at = idAtVersion.indexOf('@');
        return new Versioned(idAtVersion.substring(0, at), idAtVersion.substring(at + 1));
    }

    public static Subject post(String id) {
        return new Subject(new SubjectRef(SubjectKind.CONTENT, id), new AccountId("owner-" + id), 120, new LanguageCode("de"),
                new CountryCode("DE"), Optional.empty(), LocalDate.of(2026, 2, 1), Optional.empty());
    }

    public static ContentEvent post(String id, String body) {
        return new ContentEvent(id, "post.created", post("p-" + id), Map.of("body", body), Set.of(), Map.of(), NOW);
    }

    public static CompiledPolicy compiled(Policy policy) {
        return PolicyCompiler.compile(policy).orElseThrow();
    }
}
