package dev.recourse.core;

/**
 * What is wrong with one field of an input: a command, a statement of reasons, a form.
 *
 * @param field the field's name; for statement fields, the DSA Transparency Database's name (e.g. {@code decision_ground})
 * @param problem what is wrong, in one line, for people
 */
public record FieldError(String field, String problem) {
    public FieldError {
        if (field.isBlank() || problem.isBlank()) {
            throw new IllegalArgumentException("a field error names the field and the problem");
        }
    }

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
