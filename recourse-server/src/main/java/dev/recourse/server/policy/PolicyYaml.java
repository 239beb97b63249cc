package dev.recourse.server.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.policy.Action;
import dev.recourse.core.policy.ClassifierSpec;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.core.policy.MatchList;
import dev.recourse.core.policy.OnFailure;
import dev.recourse.core.policy.Policy;
import dev.recourse.core.policy.Rule;
import dev.recourse.core.policy.RuleMode;
import dev.recourse.core.policy.Safeguards;
import dev.recourse.core.policy.StatementTemplate;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionMonetary;
import dev.recourse.core.statement.DecisionProvision;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.subject.CountryCode;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a policy file (YAML, see docs/policies.md) into the core's {@link Policy}. Every problem is reported at once,
 * each naming its field by path ({@code rules[2].action.duration}) or, when the YAML itself is broken, the line and
 * column. Unknown keys are problems too, so that a misspelt key is not silently ignored.
 */
public final class PolicyYaml {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private final List<FieldError> errors = new ArrayList<>();

    private PolicyYaml() {}

    /** The policy in {@code source}, or every problem it has. */
    public static Validation<Policy> read(String source) {
        JsonNode root;
        try {
            root = YAML.readTree(source);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return Validation.invalid("source", where + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return Validation.invalid("source", "a policy file is a YAML mapping with policy, lists, classifiers and rules");
        }
        PolicyYaml reader = new PolicyYaml();
        Policy policy = reader.policy(root);
        return Validation.of(reader.errors, () -> policy);
    }

    /** Duration in the short form ({@code 200ms}, {@code 30s}, {@code 10m}, {@code 12h}, {@code 30d}) or ISO 8601. */
    static Optional<Duration> duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Policy policy(JsonNode root) {
        only(root, "", "policy", "lists", "classifiers", "rules");
        Versioned id = versioned(root, "", "policy");
        List<MatchList> lists = each(root, "lists", this::list);
        List<ClassifierSpec> classifiers = each(root, "classifiers", this::classifier);
        List<Rule> rules = each(root, "rules", this::rule);
        return errors.isEmpty() ? new Policy(id, lists, classifiers, rules) : null;
    }

    private MatchList list(Node n) {
        only(n.node, n.path, "id", "keywords", "patterns", "hashes", "stepBudget");
        Versioned id = versioned(n.node, n.path, "id");
        int kinds = (n.node.has("keywords") ? 1 : 0) + (n.node.has("patterns") ? 1 : 0) + (n.node.has("hashes") ? 1 : 0);
        if (kinds != 1) {
            error(n.path, "a list has exactly one of keywords, patterns and hashes");
            return null;
        }
        if (n.node.has("keywords")) {
            List<String> terms = strings(n.node, n.path, "keywords");
            return make(n.path, () -> new MatchList.Keywords(id, terms));
        }
        if (n.node.has("patterns")) {
            List<String> patterns = strings(n.node, n.path, "patterns");
            long budget = n.node.has("stepBudget") ? number(n.node, n.path, "stepBudget", 1, Long.MAX_VALUE) : MatchList.Patterns.DEFAULT_STEP_BUDGET;
            return make(n.path, () -> new MatchList.Patterns(id, patterns, budget));
        }
        List<String> hex = strings(n.node, n.path, "hashes");
        Set<ContentHash> hashes = new HashSet<>();
        for (int i = 0; i < hex.size(); i++) {
            int index = i;
            ContentHash h = make(n.path + ".hashes[" + i + "]", () -> new ContentHash(hex.get(index).toLowerCase(Locale.ROOT)));
            if (h != null) {
                hashes.add(h);
            }
        }
        return make(n.path, () -> new MatchList.Hashes(id, hashes));
    }

    private ClassifierSpec classifier(Node n) {
        only(n.node, n.path, "id", "url", "timeout", "retries");
        Versioned id = versioned(n.node, n.path, "id");
        String url = text(n.node, n.path, "url");
        Duration timeout = n.node.has("timeout") ? durationField(n.node, n.path, "timeout") : Duration.ofSeconds(1);
        int retries = n.node.has("retries") ? (int) number(n.node, n.path, "retries", 0, 5) : 1;
        return make(n.path, () -> new ClassifierSpec(id, URI.create(url), timeout, retries));
    }

    private Rule rule(Node n) {
        only(n.node, n.path, "id", "events", "when", "lists", "classifiers", "mode", "onFailure", "action", "statement", "safeguards");
        Versioned id = versioned(n.node, n.path, "id");
        List<String> events = strings(n.node, n.path, "events");
        String when = text(n.node, n.path, "when");
        List<String> lists = n.node.has("lists") ? strings(n.node, n.path, "lists") : List.of();
        List<String> classifiers = n.node.has("classifiers") ? strings(n.node, n.path, "classifiers") : List.of();
        RuleMode mode = constant(n.node, n.path, "mode", RuleMode.class, true);
        OnFailure onFailure = n.node.has("onFailure") ? constant(n.node, n.path, "onFailure", OnFailure.class, true) : OnFailure.NO_DECISION;
        Action action = action(child(n, "action"));
        StatementTemplate statement = statement(child(n, "statement"));
        Safeguards safeguards = n.node.has("safeguards") ? safeguards(child(n, "safeguards")) : Safeguards.DEFAULT;
        return make(n.path, () -> new Rule(id, Set.copyOf(events), when, lists, classifiers, action, mode, statement, safeguards, onFailure));
    }

    private Action action(Node n) {
        if (n == null) {
            return null;
        }
        only(n.node, n.path, "restrictions", "duration", "territory");
        List<Measure> measures = each(n.node, n.path, "restrictions", this::measure);
        Optional<Duration> duration = n.node.has("duration") ? Optional.ofNullable(durationField(n.node, n.path, "duration")) : Optional.empty();
        TerritorialScope scope = TerritorialScope.EVERYWHERE;
        if (n.node.has("territory")) {
            List<String> codes = strings(n.node, n.path, "territory");
            Set<CountryCode> countries = new HashSet<>();
            for (String code : codes) {
                CountryCode c = make(n.path + ".territory", () -> new CountryCode(code));
                if (c != null) {
                    countries.add(c);
                }
            }
            scope = make(n.path + ".territory", () -> new TerritorialScope.Countries(countries));
        }
        TerritorialScope where = scope;
        return make(n.path, () -> new Action(measures, duration, where));
    }

    private Measure measure(Node n) {
        only(n.node, n.path, "visibility", "monetary", "service", "account", "other");
        Optional<String> other = n.node.has("other") ? Optional.ofNullable(text(n.node, n.path, "other")) : Optional.empty();
        if (n.node.has("visibility")) {
            DecisionVisibility kind = constant(n.node, n.path, "visibility", DecisionVisibility.class, false);
            return make(n.path, () -> new Measure.Visibility(kind, other));
        }
        if (n.node.has("monetary")) {
            DecisionMonetary kind = constant(n.node, n.path, "monetary", DecisionMonetary.class, false);
            return make(n.path, () -> new Measure.Monetary(kind, other));
        }
        if (n.node.has("service")) {
            DecisionProvision kind = constant(n.node, n.path, "service", DecisionProvision.class, false);
            return make(n.path, () -> new Measure.Service(kind));
        }
        if (n.node.has("account")) {
            DecisionAccount kind = constant(n.node, n.path, "account", DecisionAccount.class, false);
            return make(n.path, () -> new Measure.Account(kind));
        }
        error(n.path, "a restriction is one of visibility, monetary, service and account");
        return null;
    }

    private StatementTemplate statement(Node n) {
        if (n == null) {
            return null;
        }
        only(n.node, n.path, "ground", "legalGround", "contractualGround", "explanation", "facts", "category", "keywords",
                "contentTypes", "referenceUrl");
        DecisionGround ground = constant(n.node, n.path, "ground", DecisionGround.class, false);
        Optional<String> legal = optionalText(n.node, n.path, "legalGround");
        Optional<String> contractual = optionalText(n.node, n.path, "contractualGround");
        String explanation = text(n.node, n.path, "explanation");
        String facts = text(n.node, n.path, "facts");
        Category category = constant(n.node, n.path, "category", Category.class, false);
        Set<Keyword> keywords = new HashSet<>();
        if (n.node.has("keywords")) {
            strings(n.node, n.path, "keywords").forEach(k -> keywords.add(named(n.path + ".keywords", k, Keyword.class, false)));
        }
        Set<ContentType> types = new HashSet<>();
        strings(n.node, n.path, "contentTypes").forEach(t -> types.add(named(n.path + ".contentTypes", t, ContentType.class, false)));
        Optional<String> url = optionalText(n.node, n.path, "referenceUrl");
        return make(n.path, () -> new StatementTemplate(ground, legal, contractual, explanation, facts, category, keywords, types, url));
    }

    private Safeguards safeguards(Node n) {
        only(n.node, n.path, "baselinePerMinute", "capPerMinute", "cohortWindow", "cohortLimit");
        Safeguards d = Safeguards.DEFAULT;
        long baseline = n.node.has("baselinePerMinute") ? number(n.node, n.path, "baselinePerMinute", 0, Long.MAX_VALUE) : d.baselinePerMinute();
        long cap = n.node.has("capPerMinute") ? number(n.node, n.path, "capPerMinute", 1, Long.MAX_VALUE) : d.capPerMinute();
        Duration window = n.node.has("cohortWindow") ? durationField(n.node, n.path, "cohortWindow") : d.cohortWindow();
        int cohort = n.node.has("cohortLimit") ? (int) number(n.node, n.path, "cohortLimit", 1, Integer.MAX_VALUE) : d.cohortLimit();
        return make(n.path, () -> new Safeguards(baseline, cap, window, cohort));
    }

    // ---- reading fields -------------------------------------------------------------------------------------------

    /** A node and its path, for errors. */
    private record Node(JsonNode node, String path) {}

    private Node child(Node n, String name) {
        JsonNode c = n.node.get(name);
        String path = at(n.path, name);
        if (c == null || !c.isObject()) {
            error(path, c == null ? "is required" : "is a mapping");
            return null;
        }
        return new Node(c, path);
    }

    private <T> List<T> each(JsonNode root, String name, Function<Node, T> read) {
        return each(root, "", name, read);
    }

    private <T> List<T> each(JsonNode parent, String path, String name, Function<Node, T> read) {
        JsonNode items = parent.get(name);
        String at = at(path, name);
        if (items == null) {
            if (!name.equals("lists") && !name.equals("classifiers")) {
                error(at, "is required");
            }
            return List.of();
        }
        if (!items.isArray()) {
            error(at, "is a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                error(at + "[" + i + "]", "is a mapping");
                continue;
            }
            T value = read.apply(new Node(item, at + "[" + i + "]"));
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private void only(JsonNode node, String path, String... names) {
        Set<String> known = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(at(path, name), "is not a known key here; known are " + String.join(", ", names));
            }
        }
    }

    private Versioned versioned(JsonNode node, String path, String name) {
        String text = text(node, path, name);
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at < 1) {
            error(at(path, name), "is written name@version, e.g. spam-words@3, not \"" + text + "\"");
            return null;
        }
        return make(at(path, name), () -> new Versioned(text.substring(0, at), text.substring(at + 1)));
    }

    private String text(JsonNode node, String path, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            error(at(path, name), v == null ? "is required" : "is a non-blank string");
            return null;
        }
        return v.asText();
    }

    private Optional<String> optionalText(JsonNode node, String path, String name) {
        return node.has(name) ? Optional.ofNullable(text(node, path, name)) : Optional.empty();
    }

    private List<String> strings(JsonNode node, String path, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray() || v.isEmpty()) {
            error(at(path, name), v == null ? "is required" : "is a list of at least one string");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() && !v.get(i).isNumber()) {
                error(at(path, name) + "[" + i + "]", "is a string");
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private long number(JsonNode node, String path, String name, long min, long max) {
        JsonNode v = node.get(name);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            error(at(path, name), "is a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
            return min;
        }
        return v.asLong();
    }

    private Duration durationField(JsonNode node, String path, String name) {
        String text = text(node, path, name);
        if (text == null) {
            return null;
        }
        Optional<Duration> d = duration(text);
        if (d.isEmpty() || d.get().isNegative() || d.get().isZero()) {
            error(at(path, name), "is a positive duration such as 200ms, 30s, 10m, 12h, 30d or PT1H, not \"" + text + "\"");
            return null;
        }
        return d.get();
    }

    private <E extends Enum<E>> E constant(JsonNode node, String path, String name, Class<E> type, boolean lowerCase) {
        String text = text(node, path, name);
        return text == null ? null : named(at(path, name), text, type, lowerCase);
    }

    private <E extends Enum<E>> E named(String path, String text, Class<E> type, boolean lowerCase) {
        for (E e : type.getEnumConstants()) {
            String spelled = lowerCase ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : e.name();
            if (spelled.equals(text)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(lowerCase ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : e.name());
        }
        error(path, "\"" + text + "\" is not one of " + known);
        return null;
    }

    /**
     * The value {@code make} builds, or null with an error at {@code path} if a core constructor refuses it. A part
     * that was missing or wrong is null and already reported; a constructor that trips over it yields null too.
     */
    private <T> T make(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
            return null;
        } catch (NullPointerException e) {
            if (errors.isEmpty()) {
                throw e; // nothing was reported missing: a bug, not bad input
            }
            return null;
        }
    }

    private void error(String path, String problem) {
        errors.add(new FieldError(path.isEmpty() ? "source" : path, problem));
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
