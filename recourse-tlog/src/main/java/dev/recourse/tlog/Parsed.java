package dev.recourse.tlog;

import java.util.function.Function;

/**
 * The outcome of parsing untrusted text or bytes: the value, or why the input is malformed.
 *
 * <p>Malformed input is an expected outcome, so parsers return it instead of throwing.
 *
 * @param <T> what a successful parse yields
 */
public sealed interface Parsed<T> {
    /** The input was well formed. */
    record Ok<T>(T value) implements Parsed<T> {}

    /** The input was malformed; {@code reason} says where and how, in one line. */
    record Malformed<T>(String reason) implements Parsed<T> {
        public Malformed {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a malformed result needs a reason");
            }
        }
    }

    /** Shorthand for {@code new Ok<>(value)}. */
    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Shorthand for {@code new Malformed<>(reason)}. */
    static <T> Parsed<T> malformed(String reason) {
        return new Malformed<>(reason);
    }

    /** The value, or an {@link IllegalArgumentException} with the reason, for callers that already validated. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Malformed<T> m -> throw new IllegalArgumentException(m.reason());
        };
    }

    /** Transforms the value of a successful parse. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Malformed<T> m -> new Malformed<>(m.reason());
        };
    }

    /** Whether the input was well formed. */
    default boolean isOk() {
        return this instanceof Ok<T>;
    }
}
