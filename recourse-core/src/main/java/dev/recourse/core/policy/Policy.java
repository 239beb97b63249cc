package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import java.util.List;

/**
 * A versioned set of rules with the lists and classifiers they consult, as its authors wrote it. It is checked by
 * {@link PolicyCompiler} before it can take effect.
 *
 * @param id the policy's name and version
 * @param lists the lists its rules may name
 * @param classifiers the classifiers its rules may name
 * @param rules its rules
 */
public record Policy(Versioned id, List<MatchList> lists, List<ClassifierSpec> classifiers, List<Rule> rules) {
    public Policy {
        lists = List.copyOf(lists);
        classifiers = List.copyOf(classifiers);
        rules = List.copyOf(rules);
    }
}
