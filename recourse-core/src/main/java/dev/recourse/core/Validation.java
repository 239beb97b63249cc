package dev.recourse.core;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of checking untrusted input: the checked value, or every field that is wrong.
 *
 * <p>Invalid input is an expected outcome, so checks return it instead of throwing.
 *
 * @param <T> what a successful check yields
 */
public sealed interface Validation<T> {
    /** The input holds. */
    record Valid<T>(T value) implements Validation<T> {}

    /** The input does not hold; {@code errors} names each wrong field, at least one. */
    record Invalid<T>(List<FieldError> errors) implements Validation<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one field");
            }
        }
    }

    /** Valid with {@code value.get()} if there are no errors, otherwise invalid with the errors. */
    static <T> Validation<T> of(List<FieldError> errors, Supplier<T> value) {
        return errors.isEmpty() ? new Valid<>(value.get()) : new Invalid<>(errors);
    }

    /** Shorthand for an invalid result with one error. */
    static <T> Validation<T> invalid(String field, String problem) {
        return new Invalid<>(List.of(new FieldError(field, problem)));
    }

    /** The errors; empty when valid. */
    default List<FieldError> errors() {
        return switch (this) {
            case Valid<T> ignored -> List.of();
            case Invalid<T> invalid -> invalid.errors();
        };
    }

    /** Whether the input holds. */
    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    /** The value, or an {@link IllegalArgumentException} listing the errors, for callers that already checked. */
    default T orElseThrow() {
        return switch (this) {
            case Valid<T> valid -> valid.value();
            case Invalid<T> invalid -> throw new IllegalArgumentException(invalid.errors().toString());
        };
    }

    /** Transforms the value of a valid result. */
    default <U> Validation<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Valid<T> valid -> new Valid<>(f.apply(valid.value()));
            case Invalid<T> invalid -> new Invalid<>(invalid.errors());
        };
    }
}
