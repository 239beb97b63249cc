package dev.recourse.core.decider;

import dev.recourse.core.json.Json;
import dev.recourse.core.statement.AutomatedDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everyone and everything that made a decision: the automated rule, the person who decided, the people who
 * approved. At least a rule or a reviewer; no person appears twice.
 *
 * @param rule the automated rule that decided or proposed, if any
 * @param reviewer the person who decided, if any
 * @param approvers further people who approved, each distinct from the reviewer and from each other
 */
public record Deciders(Optional<AutomatedRule> rule, Optional<Person> reviewer, List<Person> approvers) {
    public Deciders {
        approvers = List.copyOf(approvers);
        if (rule.isEmpty() && reviewer.isEmpty()) {
            throw new IllegalArgumentException("a decision is made by a rule or a person");
        }
        if (reviewer.isEmpty() && !approvers.isEmpty()) {
            throw new IllegalArgumentException("approvers approve what a reviewer decided");
        }
        List<Person> people = new ArrayList<>();
        reviewer.ifPresent(people::add);
        for (Person p : approvers) {
            if (people.stream().anyMatch(p::isSamePersonAs)) {
                throw new IllegalArgumentException(p.pseudonym() + " takes part twice");
            }
            people.add(p);
        }
    }

    /** An automated decision by {@code rule} alone. */
    public static Deciders automated(AutomatedRule rule) {
        return new Deciders(Optional.of(rule), Optional.empty(), List.of());
    }

    /** A decision by {@code reviewer} alone. */
    public static Deciders person(Person reviewer) {
        return new Deciders(Optional.empty(), Optional.of(reviewer), List.of());
    }

    /** The people who took part: the reviewer, then the approvers. */
    public List<Person> people() {
        List<Person> people = new ArrayList<>();
        reviewer.ifPresent(people::add);
        people.addAll(approvers);
        return List.copyOf(people);
    }

    /** Whether {@code person} took part. */
    public boolean includes(Person person) {
        return people().stream().anyMatch(person::isSamePersonAs);
    }

    /** These deciders with {@code approver} added, or with them as reviewer if no person took part yet. */
    public Deciders with(Person approver) {
        if (reviewer.isEmpty()) {
            return new Deciders(rule, Optional.of(approver), List.of());
        }
        List<Person> more = new ArrayList<>(approvers);
        more.add(approver);
        return new Deciders(rule, reviewer, more);
    }

    /** How far the decision was automated, as the DSA field {@code automated_decision} states it. */
    public AutomatedDecision automation() {
        if (rule.isEmpty()) {
            return AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED;
        }
        return reviewer.isEmpty() ? AutomatedDecision.AUTOMATED_DECISION_FULLY : AutomatedDecision.AUTOMATED_DECISION_PARTIALLY;
    }

    /**
     * The deciders as JSON: {@code rule} ({@code id@version}), {@code lists}, {@code models}, {@code reviewer} and
     * {@code approvers} (each {@code {"pseudonym", "role"}}); absent parts are left out. No personal data.
     */
    public Json.Obj toJson() {
        Json.ObjBuilder obj = Json.object();
        rule.ifPresent(r -> obj.put("rule", r.rule().toString())
                .put("lists", Json.strings(r.lists().stream().map(Versioned::toString).toList()))
                .put("models", Json.strings(r.models().stream().map(Versioned::toString).toList())));
        reviewer.ifPresent(p -> obj.put("reviewer", p.toJson()));
        if (!approvers.isEmpty()) {
            obj.put("approvers", approvers.stream().<Json>map(Person::toJson).toList());
        }
        return obj.build();
    }
}
