package dev.recourse.core.decider;

/** The role in which a person takes part in a decision. */
public enum Role {
    /** Decides cases from the queue. */
    MODERATOR,
    /** Decides and approves high-impact cases. */
    SENIOR_MODERATOR,
    /** Decides appeals (internal complaints). */
    APPEAL_REVIEWER,
    /** Runs the service: resets circuit breakers and recalls rule versions, decides no case. */
    ADMINISTRATOR
}
