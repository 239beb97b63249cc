package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import java.util.List;
import java.util.Set;

/**
 * One rule of a policy. A rule applies to events of its types; if it names lists, only to events where at least one
 * of them matched; then its condition decides.
 *
 * @param id the rule's name and version: a changed rule is a new version, and every version is kept
 * @param eventTypes the event types it applies to; at least one
 * @param condition a CEL expression of type bool over {@code event}, {@code subject}, {@code lists} and {@code scores}
 * @param lists the names of the lists it consults (their versions go into its decisions)
 * @param classifiers the names of the classifiers it consults (their versions go into its decisions)
 * @param action what it asks for when it matches
 * @param mode shadow, propose or enforce
 * @param statement its statement of reasons
 * @param safeguards its circuit breaker's settings
 * @param onFailure what it does when a classifier or pattern search it needs fails
 */
public record Rule(Versioned id, Set<String> eventTypes, String condition, List<String> lists, List<String> classifiers,
        Action action, RuleMode mode, StatementTemplate statement, Safeguards safeguards, OnFailure onFailure) {
    public Rule {
        eventTypes = Set.copyOf(eventTypes);
        lists = List.copyOf(lists);
        classifiers = List.copyOf(classifiers);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " applies to at least one event type");
        }
    }
}
