package dev.recourse.core.entry;

import dev.recourse.core.json.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes any of the core's records as JSON, component by component: a record is an object (a variant of a sealed type
 * also names its {@code variant}); a record of one component called {@code value} (the id and code types) is that value;
 * an empty {@code Optional} is left out; enums are their names; times and ids their ISO or canonical text.
 */
final class RecordJson {
    private RecordJson() {}

    static Json write(Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("the core's records hold no nulls");
            case String s -> Json.of(s);
            case Boolean b -> Json.of(b);
            case Integer i -> Json.of(i.longValue());
            case Long l -> Json.of(l);
            case Double d -> Json.of(d);
            case Enum<?> e -> Json.of(e.name());
            case Instant i -> Json.of(i.toString());
            case LocalDate d -> Json.of(d.toString());
            case UUID u -> Json.of(u.toString());
            case Duration d -> Json.of(d.toString());
            case Period p -> Json.of(p.toString());
            case Optional<?> o -> o.map(RecordJson::write).orElse(Json.NULL);
            case Collection<?> c -> new Json.Arr(c.stream().map(RecordJson::write).toList());
            case Record r -> record(r);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        };
    }

    private static Json record(Record r) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        if (components.length == 1 && components[0].getName().equals("value")) {
            return write(read(r, components[0]));
        }
        Json.ObjBuilder obj = Json.object();
        if (Arrays.stream(r.getClass().getInterfaces()).anyMatch(Class::isSealed)) {
            obj.put("variant", r.getClass().getSimpleName());
        }
        for (RecordComponent c : components) {
            Object v = read(r, c);
            if (!(v instanceof Optional<?> o && o.isEmpty())) {
                obj.put(c.getName(), write(v));
            }
        }
        return obj.build();
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
