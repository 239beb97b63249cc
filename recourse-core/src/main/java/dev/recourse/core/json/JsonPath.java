package dev.recourse.core.json;

import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON document, written as JSONPath (RFC 9535) in its normalized-path style:
 * {@code $} for the document, {@code .name} for a member whose name is an identifier, {@code ["na me"]} for any other
 * member, {@code [3]} for an array element. Errors name the place of a problem this way.
 */
public final class JsonPath {
    /** The whole document. */
    public static final JsonPath ROOT = new JsonPath(null, null);

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonPath parent;
    /** A member name (String), an element index (Integer), or null for the root. */
    private final Object step;

    private JsonPath(JsonPath parent, Object step) {
        this.parent = parent;
        this.step = step;
    }

    /** The member {@code name} of the object here; the name MUST be Unicode text (no lone surrogate). */
    public JsonPath member(String name) {
        return new JsonPath(this, name);
    }

    /**
     * The element at {@code index} of the array here.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public JsonPath index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("an array index is at least 0, not " + index);
        }
        return new JsonPath(this, index);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        StringBuilder out = new StringBuilder(parent.toString());
        switch (step) {
            case Integer i -> out.append('[').append(i).append(']');
            case String name when IDENTIFIER.matcher(name).matches() -> out.append('.').append(name);
            case String name -> out.append('[').append(CanonicalJson.write(Json.of(name))).append(']');
            default -> throw new IllegalStateException("a path step is a name or an index");
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath p && toString().equals(p.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
