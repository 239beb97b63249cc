package dev.recourse.core.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A policy ready to evaluate events, made by {@link PolicyCompiler}. Evaluation is arranged so that most rules cost
 * next to nothing: rules are indexed by event type; all keyword lists share one automaton that runs once per event;
 * hash lists are one lookup per hash; pattern lists run only for rules that still need them; and only a rule whose
 * lists matched (or that names none) has its CEL condition evaluated.
 *
 * <p>Immutable and safe to share between threads: evaluate events on as many threads as there are cores.
 */
public final class CompiledPolicy {
    private static final byte UNKNOWN = 0;
    private static final byte MATCHED = 1;
    private static final byte NONE = 2;
    private static final byte EXHAUSTED = 3;

    private final Policy policy;
    private final Versioned[] listIds;
    private final boolean[] isPattern;
    private final KeywordAutomaton automaton;
    private final int[][] termLists;
    private final Map<ContentHash, int[]> hashLists;
    private final List<BoundedPattern[]> patterns;
    private final Map<String, PolicyCompiler.CompiledRule[]> byType;
    private final Set<String> typesWithKeywords;
    private final Set<String> typesWithHashes;

    CompiledPolicy(Policy policy, Map<String, Integer> listIndex, List<BoundedPattern[]> patterns, List<PolicyCompiler.CompiledRule> rules) {
        this.policy = policy;
        this.patterns = patterns;
        int lists = policy.lists().size();
        this.listIds = new Versioned[lists];
        this.isPattern = new boolean[lists];
        Map<String, List<Integer>> terms = new LinkedHashMap<>();
        Map<ContentHash, List<Integer>> hashes = new HashMap<>();
        for (int i = 0; i < lists; i++) {
            MatchList list = policy.lists().get(i);
            listIds[i] = list.id();
            int index = i;
            switch (list) {
                case MatchList.Keywords k -> k.terms().stream().map(TextFolding::fold).distinct()
                        .forEach(t -> terms.computeIfAbsent(t, x -> new ArrayList<>()).add(index));
                case MatchList.Patterns ignored -> isPattern[i] = true;
                case MatchList.Hashes h -> h.hashes().forEach(x -> hashes.computeIfAbsent(x, y -> new ArrayList<>()).add(index));
            }
        }
        this.automaton = terms.isEmpty() ? null : KeywordAutomaton.of(List.copyOf(terms.keySet()));
        this.termLists = terms.values().stream().map(CompiledPolicy::ints).toArray(int[][]::new);
        Map<ContentHash, int[]> hashIndex = new HashMap<>();
        hashes.forEach((h, l) -> hashIndex.put(h, ints(l)));
        this.hashLists = Map.copyOf(hashIndex);
        Map<String, List<PolicyCompiler.CompiledRule>> byType = new HashMap<>();
        Set<String> withKeywords = new java.util.HashSet<>();
        Set<String> withHashes = new java.util.HashSet<>();
        for (PolicyCompiler.CompiledRule rule : rules) {
            for (String type : rule.rule().eventTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(rule);
                for (int l : rule.lists()) {
                    switch (policy.lists().get(l)) {
                        case MatchList.Keywords ignored -> withKeywords.add(type);
                        case MatchList.Hashes ignored -> withHashes.add(type);
                        case MatchList.Patterns ignored -> { }
                    }
                }
            }
        }
        Map<String, PolicyCompiler.CompiledRule[]> index = new HashMap<>();
        byType.forEach((type, list) -> index.put(type, list.toArray(PolicyCompiler.CompiledRule[]::new)));
        this.byType = Map.copyOf(index);
        this.typesWithKeywords = Set.copyOf(withKeywords);
        this.typesWithHashes = Set.copyOf(withHashes);
    }

    /** The policy as written. */
    public Policy policy() {
        return policy;
    }

    /** The policy's name and version. */
    public Versioned id() {
        return policy.id();
    }

    /**
     * Judges {@code event} by every rule of its type. Shadow rules only ever yield {@link RuleOutcome.Shadowed}; a
     * failed classifier or exhausted pattern search yields {@link RuleOutcome.Withheld} or, for rules that ask for
     * review, a proposal: never an enforced decision.
     *
     * @param now when the decision is made: restrictions with a duration end that long after it
     * @param scorer asks the classifiers a rule consults; called only for rules whose lists matched
     */
    public Evaluation evaluate(ContentEvent event, Instant now, Scorer scorer) {
        PolicyCompiler.CompiledRule[] candidates = byType.get(event.type());
        if (candidates == null) {
            return new Evaluation(event.id(), List.of(), 0);
        }
        return new Scan(event, now, scorer).run(candidates);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The state of evaluating one event: what each list found, the scores asked, the condition's variables. */
    private final class Scan {
        private final ContentEvent event;
        private final Instant now;
        private final Scorer scorer;
        private final byte[] state = new byte[listIds.length];
        private final List<String>[] found;
        private final Map<String, Scorer.Score> scores = new HashMap<>();
        private String[] folded;
        private Map<String, Object> eventVar;
        private Map<String, Object> subjectVar;
        private int conditions;

        @SuppressWarnings("unchecked")
        Scan(ContentEvent event, Instant now, Scorer scorer) {
            this.event = event;
            this.now = now;
            this.scorer = scorer;
            this.found = new List[listIds.length];
        }

        Evaluation run(PolicyCompiler.CompiledRule[] candidates) {
            if (automaton != null && typesWithKeywords.contains(event.type())) {
                for (String text : folded()) {
                    automaton.scan(text, (term, end) -> {
                        for (int l : termLists[term]) {
                            add(l, automaton.term(term));
                        }
                    });
                }
            }
            if (!hashLists.isEmpty() && typesWithHashes.contains(event.type())) {
                for (ContentHash h : event.hashes()) {
                    int[] lists = hashLists.get(h);
                    if (lists != null) {
                        for (int l : lists) {
                            add(l, h.hex());
                        }
                    }
                }
            }
            List<RuleOutcome> outcomes = null;
            for (PolicyCompiler.CompiledRule rule : candidates) {
                RuleOutcome outcome = judge(rule);
                if (outcome != null) {
                    if (outcomes == null) {
                        outcomes = new ArrayList<>(2);
                    }
                    outcomes.add(outcome);
                }
            }
            return new Evaluation(event.id(), outcomes == null ? List.of() : outcomes, conditions);
        }

        private RuleOutcome judge(PolicyCompiler.CompiledRule compiled) {
            Rule rule = compiled.rule();
            if (compiled.lists().length > 0) {
                boolean matched = false;
                Versioned exhausted = null;
                for (int l : compiled.lists()) {
                    byte s = state(l);
                    matched |= s == MATCHED;
                    if (s == EXHAUSTED) {
                        exhausted = listIds[l];
                    }
                }
                if (!matched) {
                    return exhausted == null ? null : failed(compiled, "a pattern search of list " + exhausted + " ran out of its step budget");
                }
            }
            Map<String, Double> ruleScores = Map.of();
            if (compiled.classifiers().length > 0) {
                ruleScores = new HashMap<>();
                for (ClassifierSpec c : compiled.classifiers()) {
                    Scorer.Score score = scores.computeIfAbsent(c.model().name(), n -> scorer.score(c, event));
                    switch (score) {
                        case Scorer.Score.Scored s -> ruleScores.put(c.model().name(), s.value());
                        case Scorer.Score.Failed f -> {
                            return failed(compiled, "classifier " + c.model() + " failed: " + f.reason());
                        }
                    }
                }
            }
            Map<String, List<String>> ruleLists = new HashMap<>();
            for (int l : compiled.lists()) {
                if (found[l] != null) {
                    ruleLists.put(listIds[l].name(), found[l]);
                }
            }
            conditions++;
            Object result;
            try {
                // A resolver, not a map of variables: CEL copies a map on every evaluation, and that was most of its cost.
                Map<String, Double> scoresVar = ruleScores;
                result = compiled.program().eval((CelVariableResolver) name -> switch (name) {
                    case "event" -> Optional.of(eventVar());
                    case "subject" -> Optional.of(subjectVar());
                    case "lists" -> Optional.of(ruleLists);
                    case "scores" -> Optional.of(scoresVar);
                    default -> Optional.empty();
                });
            } catch (CelEvaluationException e) {
                return new RuleOutcome.Withheld(rule.id(), "the condition failed: " + e.getMessage());
            }
            if (!Boolean.TRUE.equals(result)) {
                return null;
            }
            String scoresText = ruleScoresText(ruleScores);
            Reasons reasons = rule.statement().fill(name -> placeholder(compiled, name, ruleLists, scoresText));
            return switch (rule.mode()) {
                case SHADOW -> new RuleOutcome.Shadowed(new ShadowRecord(rule.id(), event.id(), event.subject().ref(),
                        rule.action().plan(now), reasons, now));
                case PROPOSE -> act(compiled, Command.Mode.PROPOSE, reasons);
                case ENFORCE -> act(compiled, Command.Mode.ENFORCE, reasons);
            };
        }

        private RuleOutcome failed(PolicyCompiler.CompiledRule compiled, String reason) {
            Rule rule = compiled.rule();
            if (rule.onFailure() == OnFailure.NO_DECISION || rule.mode() == RuleMode.SHADOW) {
                return new RuleOutcome.Withheld(rule.id(), reason);
            }
            Reasons reasons = rule.statement().fill(name -> placeholder(compiled, name, Map.of(), "unavailable: " + reason));
            return act(compiled, Command.Mode.PROPOSE, reasons);
        }

        private RuleOutcome act(PolicyCompiler.CompiledRule compiled, Command.Mode mode, Reasons reasons) {
            Subject subject = event.subject();
            Command.Decide decide = new Command.Decide(subject.ref(), Set.of(), Set.of(), new Command.DecidedBy.Rule(compiled.decider(), mode),
                    new Command.Plan.Restrict(compiled.rule().action().plan(now), reasons));
            return new RuleOutcome.Act(compiled.rule().id(), subject, decide);
        }

        private String placeholder(PolicyCompiler.CompiledRule compiled, String name, Map<String, List<String>> lists, String scores) {
            return switch (name) {
                case "rule" -> compiled.rule().id().toString();
                case "event.id" -> event.id();
                case "event.type" -> event.type();
                case "subject" -> event.subject().ref().toString();
                case "matches" -> {
                    Set<String> all = new LinkedHashSet<>();
                    lists.values().forEach(all::addAll);
                    yield all.isEmpty() ? "(none)" : String.join(", ", all);
                }
                case "lists" -> lists.isEmpty() ? "(none)" : String.join(", ", lists.keySet().stream().sorted().toList());
                case "scores" -> scores;
                default -> {
                    Object value = event.attributes().get(name.substring("attributes.".length()));
                    yield value == null ? "(not given)" : String.valueOf(value);
                }
            };
        }

        private static String ruleScoresText(Map<String, Double> scores) {
            if (scores.isEmpty()) {
                return "(none)";
            }
            StringJoiner joined = new StringJoiner(", ");
            scores.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> joined.add(e.getKey() + " " + e.getValue()));
            return joined.toString();
        }

        private byte state(int list) {
            if (state[list] == UNKNOWN) {
                state[list] = isPattern[list] ? searchPatterns(list) : NONE;
            }
            return state[list];
        }

        private byte searchPatterns(int list) {
            boolean exhausted = false;
            for (BoundedPattern p : patterns.get(list)) {
                for (String text : folded()) {
                    switch (p.search(text)) {
                        case FOUND -> {
                            add(list, p.source());
                            return MATCHED;
                        }
                        case EXHAUSTED -> exhausted = true;
                        case NOT_FOUND -> { }
                    }
                }
            }
            return exhausted ? EXHAUSTED : NONE;
        }

        private void add(int list, String what) {
            if (found[list] == null) {
                found[list] = new ArrayList<>(2);
                state[list] = MATCHED;
            }
            if (!found[list].contains(what)) {
                found[list].add(what);
            }
        }

        private String[] folded() {
            if (folded == null) {
                String[] texts = new String[event.texts().size()];
                int i = 0;
                for (String text : event.texts().values()) {
                    texts[i++] = TextFolding.fold(text);
                }
                folded = texts;
            }
            return folded;
        }

        private Map<String, Object> eventVar() {
            if (eventVar == null) {
                List<String> hashes = new ArrayList<>(event.hashes().size());
                for (ContentHash h : event.hashes()) {
                    hashes.add(h.hex());
                }
                eventVar = Map.of("id", event.id(), "type", event.type(), "text", event.texts(), "hashes", hashes,
                        "attributes", event.attributes());
            }
            return eventVar;
        }

        private Map<String, Object> subjectVar() {
            if (subjectVar == null) {
                Subject s = event.subject();
                // Always every key, so that a condition reads subject.network without has(): "" when there is none.
                subjectVar = Map.of("kind", s.ref().kind().name().toLowerCase(java.util.Locale.ROOT), "id", s.ref().platformId(),
                        "owner", s.owner().value(), "reach", s.reach(), "language", s.language().value(),
                        "territory", s.territory().value(), "protected", s.protectedMark().isPresent(),
                        "network", s.network().map(NetworkId::value).orElse(""),
                        "page", s.page().map(SubjectRef::platformId).orElse(""));
            }
            return subjectVar;
        }
    }
}
