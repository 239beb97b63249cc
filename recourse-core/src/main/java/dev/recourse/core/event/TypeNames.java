package dev.recourse.core.event;

/** The events' type names, looked up once per class: every event stored and logged asks for its own. */
final class TypeNames {
    static final ClassValue<String> OF = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    private TypeNames() {}
}
