package dev.recourse.core.notice;

import dev.recourse.core.decider.Versioned;

/** What an automated detection saw. */
public sealed interface Signal {
    /** A policy rule matched. */
    record RuleMatch(Versioned rule) implements Signal {}

    /** A keyword, pattern or hash list matched. */
    record ListMatch(Versioned list) implements Signal {}

    /** A classifier scored the subject; {@code score} lies in [0, 1] (-0 is held as 0, as JSON holds it). */
    record ClassifierScore(Versioned model, double score) implements Signal {
        public ClassifierScore {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("a score lies in [0, 1], not " + score);
            }
            score += 0.0; // -0 + 0 is +0: a stored score reads back equal
        }
    }
}
