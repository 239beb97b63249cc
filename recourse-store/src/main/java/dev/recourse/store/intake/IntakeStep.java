package dev.recourse.store.intake;

/**
 * One step of the rule worker's work on a content event: the detection or the decision of one rule version. Marked
 * on an append ({@link dev.recourse.store.RecourseStore#stepping}), it is stored in the append's transaction.
 *
 * @param eventId the content event's id, 1 to 200 characters
 * @param step the step, e.g. {@code crypto-giveaway@3/detection}; 1 to 300 characters
 */
public record IntakeStep(String eventId, String step) {
    public IntakeStep {
        if (eventId.isEmpty() || eventId.length() > 200) {
            throw new IllegalArgumentException("a content event's id has 1 to 200 characters");
        }
        if (step.isEmpty() || step.length() > 300) {
            throw new IllegalArgumentException("a step has 1 to 300 characters, not " + step.length());
        }
    }
}
