package dev.recourse.core.policy;

/** What a rule's matches do. */
public enum RuleMode {
    /** Only recorded: what the rule would have done, for its authors to judge; never acts. */
    SHADOW,
    /** Proposes a decision to a person in the review queue. */
    PROPOSE,
    /** Decides, unless a safeguard turns the decision into a proposal. */
    ENFORCE
}
