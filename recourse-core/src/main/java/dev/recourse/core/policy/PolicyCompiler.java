package dev.recourse.core.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a policy and compiles it for evaluation. Every problem is reported at once, each naming the rule (or list)
 * and, for conditions and patterns, the position: {@code rules[spam@3].condition: line 1, column 9: ...}.
 *
 * <p>Conditions are CEL expressions of type {@code bool} over these variables:
 * <ul>
 *   <li>{@code event}: {@code id}, {@code type}, {@code text} (map of field to text), {@code hashes} (list of hex),
 *       {@code attributes} (map of name to value);
 *   <li>{@code subject}: {@code kind} ({@code content}, {@code account}, {@code page}), {@code id}, {@code owner},
 *       {@code reach} (int), {@code language}, {@code territory}, {@code protected} (bool), {@code network} and
 *       {@code page} (the platform's ids of its network and of the page it belongs to, {@code ""} when none);
 *   <li>{@code lists}: for each list of the rule that matched, the terms, patterns or hashes found;
 *   <li>{@code scores}: for each classifier of the rule, its score (double in [0, 1]).
 * </ul>
 */
public final class PolicyCompiler {
    private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("event", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("subject", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("lists", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)))
            .addVar("scores", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private PolicyCompiler() {}

    /** The compiled policy, or every problem it has. */
    public static Validation<CompiledPolicy> compile(Policy policy) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> listIndex = new HashMap<>();
        List<BoundedPattern[]> patterns = new ArrayList<>();
        for (int i = 0; i < policy.lists().size(); i++) {
            MatchList list = policy.lists().get(i);
            String field = "lists[" + list.id() + "]";
            if (listIndex.putIfAbsent(list.id().name(), i) != null) {
                errors.add(new FieldError(field, "another list has the name " + list.id().name()));
            }
            BoundedPattern[] compiled = null;
            switch (list) {
                case MatchList.Keywords k -> {
                    for (int t = 0; t < k.terms().size(); t++) {
                        if (TextFolding.fold(k.terms().get(t)).isBlank()) {
                            errors.add(new FieldError(field + ".terms[" + t + "]", "a term has letters, digits or signs"));
                        }
                    }
                }
                case MatchList.Patterns p -> {
                    compiled = new BoundedPattern[p.patterns().size()];
                    for (int t = 0; t < p.patterns().size(); t++) {
                        Validation<BoundedPattern> v = BoundedPattern.compile(field + ".patterns[" + t + "]", p.patterns().get(t), p.stepBudget());
                        errors.addAll(v.errors());
                        compiled[t] = v instanceof Validation.Valid<BoundedPattern> ok ? ok.value() : null;
                    }
                }
                case MatchList.Hashes ignored -> { }
            }
            patterns.add(compiled);
        }
        Map<String, ClassifierSpec> classifiers = new HashMap<>();
        for (ClassifierSpec c : policy.classifiers()) {
            if (classifiers.putIfAbsent(c.model().name(), c) != null) {
                errors.add(new FieldError("classifiers[" + c.model() + "]", "another classifier has the name " + c.model().name()));
            }
        }
        Set<String> ruleNames = new HashSet<>();
        List<CompiledRule> rules = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            String field = "rules[" + rule.id() + "]";
            if (!ruleNames.add(rule.id().name())) {
                errors.add(new FieldError(field, "another rule has the name " + rule.id().name()));
            }
            int[] lists = new int[rule.lists().size()];
            List<Versioned> listVersions = new ArrayList<>();
            for (int i = 0; i < lists.length; i++) {
                Integer index = listIndex.get(rule.lists().get(i));
                if (index == null) {
                    errors.add(new FieldError(field + ".lists", "no list is named " + rule.lists().get(i)));
                } else {
                    lists[i] = index;
                    listVersions.add(policy.lists().get(index).id());
                }
            }
            List<ClassifierSpec> consulted = new ArrayList<>();
            for (String name : rule.classifiers()) {
                ClassifierSpec c = classifiers.get(name);
                if (c == null) {
                    errors.add(new FieldError(field + ".classifiers", "no classifier is named " + name));
                } else {
                    consulted.add(c);
                }
            }
            errors.addAll(rule.statement().problems(field + ".statement"));
            CelRuntime.Program program = condition(field + ".condition", rule.condition(), errors);
            if (program != null) {
                AutomatedRule decider = new AutomatedRule(rule.id(), listVersions, consulted.stream().map(ClassifierSpec::model).toList());
                rules.add(new CompiledRule(rule, lists, consulted.toArray(ClassifierSpec[]::new), program, decider));
            }
        }
        if (!errors.isEmpty()) {
            return new Validation.Invalid<>(errors);
        }
        return new Validation.Valid<>(new CompiledPolicy(policy, listIndex, patterns, rules));
    }

    private static CelRuntime.Program condition(String field, String source, List<FieldError> errors) {
        CelValidationResult result = CEL.compile(source);
        if (result.hasError()) {
            List<CelIssue> issues = result.getErrors(); // through List: Guava's own types stay out of the core
            for (CelIssue issue : issues) {
                errors.add(new FieldError(field, "line " + issue.getSourceLocation().getLine() + ", column "
                        + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage()));
            }
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** A rule ready to evaluate. */
    record CompiledRule(Rule rule, int[] lists, ClassifierSpec[] classifiers, CelRuntime.Program program, AutomatedRule decider) {}
}
