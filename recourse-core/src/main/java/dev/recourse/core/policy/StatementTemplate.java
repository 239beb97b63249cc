package dev.recourse.core.policy;

import dev.recourse.core.FieldError;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DsaField;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement of reasons a rule gives, with placeholders in its texts filled from the event that matched. A
 * placeholder is written {@code {name}}; the names are {@link #PLACEHOLDERS} and {@code attributes.NAME}. A filled
 * value is cut at {@link #VALUE_LENGTH} characters (ending in "…"), so that a template checked at load time stays
 * within the database's lengths whatever the event holds.
 *
 * @param ground illegal content or incompatible with the terms
 * @param legalGround the law broken; required for illegal content, absent otherwise
 * @param contractualGround the terms broken; required for incompatible content, absent otherwise
 * @param explanation why the content breaks the law or the terms (with placeholders)
 * @param facts the facts and circumstances relied on (with placeholders)
 * @param category the statement's category
 * @param keywords the keywords that specify the category
 * @param contentTypes what kind of content it is; at least one
 * @param referenceUrl the public page of the terms or law, if any
 */
public record StatementTemplate(DecisionGround ground, Optional<String> legalGround, Optional<String> contractualGround,
        String explanation, String facts, Category category, Set<Keyword> keywords, Set<ContentType> contentTypes,
        Optional<String> referenceUrl) {
    /** The placeholders every template may use, besides {@code attributes.NAME}. */
    public static final List<String> PLACEHOLDERS = List.of("rule", "event.id", "event.type", "subject", "matches", "lists", "scores");
    /** The longest value a placeholder is filled with. */
    public static final int VALUE_LENGTH = 100;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    public StatementTemplate {
        keywords = Set.copyOf(keywords);
        contentTypes = Set.copyOf(contentTypes);
    }

    /**
     * Every problem of this template, each naming its field under {@code prefix}: unknown placeholders, and every
     * rule of the Transparency Database that the stated fields break when each placeholder holds a value of the
     * greatest length.
     */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : placeholders()) {
            if (!PLACEHOLDERS.contains(name) && !name.startsWith("attributes.")) {
                errors.add(new FieldError(prefix + ".explanation", "unknown placeholder {" + name + "}; known are "
                        + PLACEHOLDERS + " and attributes.NAME"));
            }
        }
        boolean illegal = ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        if (illegal ? contractualGround.isPresent() : legalGround.isPresent()) {
            errors.add(new FieldError(prefix + (illegal ? ".contractualGround" : ".legalGround"), illegal
                    ? "illegal content is restricted on a legal ground, not a contractual one"
                    : "content incompatible with the terms is restricted on a contractual ground, not a legal one"));
        }
        Set<String> stated = new java.util.HashSet<>();
        Reasons.STATED.stream().map(DsaField::dsaName).forEach(stated::add);
        DsaStatement longest = grounds(name -> "x".repeat(VALUE_LENGTH));
        for (FieldError e : longest.problems()) {
            if (stated.contains(e.field())) {
                errors.add(new FieldError(prefix + "." + e.field(), e.problem()));
            }
        }
        return List.copyOf(errors);
    }

    /** The reasons, with each placeholder filled by {@code values} (cut at {@link #VALUE_LENGTH}). */
    public Reasons fill(Function<String, String> values) {
        return new Reasons(grounds(name -> cut(values.apply(name))));
    }

    /** The names of the placeholders used, in order of appearance. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (String text : List.of(explanation, facts)) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private DsaStatement grounds(Function<String, String> values) {
        boolean illegal = ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        String why = fillIn(explanation, values);
        DsaStatement.Builder b = DsaStatement.builder()
                .decisionGround(ground)
                .decisionFacts(fillIn(facts, values))
                .category(category)
                .categorySpecification(keywords)
                .contentType(contentTypes)
                .decisionGroundReferenceUrl(referenceUrl.orElse(null));
        if (illegal) {
            b.illegalContentLegalGround(legalGround.orElse(null)).illegalContentExplanation(why);
        } else {
            b.incompatibleContentGround(contractualGround.orElse(null)).incompatibleContentExplanation(why);
        }
        return b.build();
    }

    private static String fillIn(String template, Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cut(String value) {
        return value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH - 1) + "…";
    }
}
