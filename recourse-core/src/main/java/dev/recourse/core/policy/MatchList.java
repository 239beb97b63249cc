package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import java.util.List;
import java.util.Set;

/**
 * A versioned list that rules consult by name: keywords, regular expressions or exact hashes. A rule that names
 * lists is evaluated only for events where at least one of them matched, and the versions of the lists it names go
 * into its decisions.
 */
public sealed interface MatchList {
    /** The list's name and version. */
    Versioned id();

    /**
     * Terms found in the event's texts at word boundaries, after {@linkplain TextFolding folding} both.
     *
     * @param terms at least one; each non-blank
     */
    record Keywords(Versioned id, List<String> terms) implements MatchList {
        public Keywords {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a keyword list has at least one term");
            }
        }
    }

    /**
     * Regular expressions (Java syntax, case-insensitive) searched in the event's folded texts, each search within
     * a step budget (see {@link BoundedPattern}).
     *
     * @param patterns at least one
     * @param stepBudget characters one search may read; at least 1
     */
    record Patterns(Versioned id, List<String> patterns, long stepBudget) implements MatchList {
        /** The budget when a policy gives none: ample for texts of some kilobytes, short of any runaway. */
        public static final long DEFAULT_STEP_BUDGET = 1_000_000;

        public Patterns {
            patterns = List.copyOf(patterns);
            if (patterns.isEmpty() || stepBudget < 1) {
                throw new IllegalArgumentException("a pattern list has at least one pattern and a step budget of at least 1");
            }
        }
    }

    /**
     * Exact SHA-256 hashes of content, compared with the hashes the event carries.
     *
     * @param hashes at least one
     */
    record Hashes(Versioned id, Set<ContentHash> hashes) implements MatchList {
        public Hashes {
            hashes = Set.copyOf(hashes);
            if (hashes.isEmpty()) {
                throw new IllegalArgumentException("a hash list has at least one hash");
            }
        }
    }
}
