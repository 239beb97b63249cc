package dev.recourse.core.policy;

/**
 * Port: asks a classifier for its score of an event. Implementations MUST answer {@link Score.Failed} rather than
 * throw when the classifier cannot be reached, times out or answers nonsense, and MUST respect the classifier's
 * timeout and retries; they may be called from several threads at once.
 */
@FunctionalInterface
public interface Scorer {
    /** The classifier's score of {@code event}, or why there is none. */
    Score score(ClassifierSpec classifier, ContentEvent event);

    /** A scorer for policies that name no classifier: every call fails. */
    Scorer NONE = (classifier, event) -> new Score.Failed("no scorer is configured for " + classifier.model());

    /** What a classifier answered. */
    sealed interface Score {
        /** A score in [0, 1]. */
        record Scored(double value) implements Score {
            public Scored {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("a score lies in [0, 1], not " + value);
                }
            }
        }

        /** No score, and why. */
        record Failed(String reason) implements Score {}
    }
}
