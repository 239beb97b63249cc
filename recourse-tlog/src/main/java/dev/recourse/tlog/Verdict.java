package dev.recourse.tlog;

/**
 * The outcome of a verification: it holds, or it does not and here is why.
 *
 * <p>A failed verification is an expected outcome, so verifiers return it instead of throwing.
 */
public sealed interface Verdict {
    /** Everything checked holds. */
    record Holds() implements Verdict {}

    /** Something checked does not hold; {@code reason} says what, in one line. */
    record Fails(String reason) implements Verdict {
        public Fails {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a failed verdict needs a reason");
            }
        }
    }

    /** The verdict that everything holds. */
    Verdict HOLDS = new Holds();

    /** Shorthand for {@code new Fails(reason)}. */
    static Verdict fails(String reason) {
        return new Fails(reason);
    }

    /** Whether everything checked holds. */
    default boolean holds() {
        return this instanceof Holds;
    }

    /** This verdict if it fails, otherwise {@code next}: chains checks, first failure wins. */
    default Verdict and(java.util.function.Supplier<Verdict> next) {
        return holds() ? next.get() : this;
    }
}
