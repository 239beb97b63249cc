package dev.recourse.core.notice;

import dev.recourse.core.decider.Versioned;

/** What an automated detection saw. */
public sealed interface Signal {
    /** A policy rule matched. */
    record RuleMatch(Versioned rule) implements Signal {}

    /** A keyword, pattern or hash list matched. */
    record ListMatch(Versioned list) implements Signal {}

    /** A classifier scored the subject; {@code score} lies in [0, 1]. */
    record ClassifierScore(Versioned model, double score) implements Signal {
        public ClassifierScore {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("a score lies in [0, 1], not " + score);
            }
        }
    }
}
