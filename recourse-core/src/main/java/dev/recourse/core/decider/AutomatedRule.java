package dev.recourse.core.decider;

import java.util.List;

/**
 * The policy rule that decided or proposed, with the versions of the lists and models it consulted.
 *
 * @param rule the rule's id and version
 * @param lists keyword, pattern or hash lists, each with its version
 * @param models classifier models, each with its version
 */
public record AutomatedRule(Versioned rule, List<Versioned> lists, List<Versioned> models) {
    public AutomatedRule {
        lists = List.copyOf(lists);
        models = List.copyOf(models);
    }

    /** A rule that consulted no list and no model. */
    public static AutomatedRule of(Versioned rule) {
        return new AutomatedRule(rule, List.of(), List.of());
    }
}
