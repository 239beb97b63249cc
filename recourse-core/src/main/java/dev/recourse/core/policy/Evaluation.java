package dev.recourse.core.policy;

import java.util.List;

/**
 * What a policy made of one event.
 *
 * @param eventId the event judged
 * @param outcomes one per rule that matched or could not judge the event; rules that did not match leave none
 * @param conditionsEvaluated how many CEL conditions ran (the rest were ruled out by event type or lists)
 */
public record Evaluation(String eventId, List<RuleOutcome> outcomes, int conditionsEvaluated) {
    public Evaluation {
        outcomes = List.copyOf(outcomes);
    }
}
