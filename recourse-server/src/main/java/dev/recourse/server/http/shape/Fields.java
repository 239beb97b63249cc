package dev.recourse.server.http.shape;

import dev.recourse.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of an object whose {@link Shape} holds. The shape has checked every type and bound, so a read
 * that does not match the shape is a bug of the endpoint and throws; {@code null} reads as absent.
 *
 * @param obj the object, checked against its shape
 */
public record Fields(Json.Obj obj) {
    /** Whether {@code obj} has {@code name} with a value other than {@code null}. */
    public static boolean present(Json.Obj obj, String name) {
        Json member = obj.get(name);
        return member != null && !(member instanceof Json.Null);
    }

    /** Whether the field is present. */
    public boolean has(String name) {
        return present(obj, name);
    }

    /** The value of field {@code name}, which MUST be present. */
    public Json json(String name) {
        return optionalJson(name).orElseThrow(() -> new IllegalStateException("field " + name + " is absent; its shape requires it"));
    }

    /** The value of field {@code name}, if present. */
    public Optional<Json> optionalJson(String name) {
        return has(name) ? Optional.of(obj.get(name)) : Optional.empty();
    }

    /** The string field {@code name}. */
    public String text(String name) {
        return ((Json.Str) json(name)).value();
    }

    /** The string field {@code name}, if present. */
    public Optional<String> optionalText(String name) {
        return optionalJson(name).map(v -> ((Json.Str) v).value());
    }

    /** The whole-number field {@code name}. */
    public long whole(String name) {
        return (long) ((Json.Num) json(name)).value();
    }

    /** The boolean field {@code name}. */
    public boolean flag(String name) {
        return ((Json.Bool) json(name)).value();
    }

    /** The object field {@code name}. */
    public Fields object(String name) {
        return new Fields((Json.Obj) json(name));
    }

    /** The object field {@code name}, if present. */
    public Optional<Fields> optionalObject(String name) {
        return optionalJson(name).map(v -> new Fields((Json.Obj) v));
    }

    /** The array of strings {@code name}; empty if absent. */
    public List<String> texts(String name) {
        return elements(name).stream().map(v -> ((Json.Str) v).value()).toList();
    }

    /** The array of objects {@code name}; empty if absent. */
    public List<Fields> objects(String name) {
        return elements(name).stream().map(v -> new Fields((Json.Obj) v)).toList();
    }

    private List<Json> elements(String name) {
        return optionalJson(name).map(v -> ((Json.Arr) v).elements()).orElse(List.of());
    }
}
