package dev.recourse.core.entry;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.CanonicalString;
import dev.recourse.core.json.CanonicalWriter;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The JSON form of the core's records, both ways: {@link #write} follows these rules and {@link #read} inverts them, so
 * that a value read back equals the value written. The form follows from the Java types alone, by reflection:
 * <ul>
 *   <li>a record is an object with one member per component, named as the component; a record that directly
 *       implements a sealed interface (a <em>variant</em>) also has a member {@code variant}, its simple name;</li>
 *   <li>a record of one component named {@code value} (the id and code types) is that value;</li>
 *   <li>a sealed interface is the form of its variant, told apart by {@code variant}; variants of sealed interfaces
 *       nested in it count as its own, so their simple names MUST differ;</li>
 *   <li>an {@code Optional} component is its value when present and left out when empty (only components may be
 *       optional);</li>
 *   <li>a {@code List} is an array in order; a {@code Set} is an array sorted by the canonical JSON text (RFC 8785) of
 *       its elements, so that the same set is always written alike, and read with no element twice;</li>
 *   <li>an enum is the name of its constant; {@code String} a string; {@code boolean} true or false; {@code int},
 *       {@code long} (at most 2^53 in magnitude) and {@code double} numbers;</li>
 *   <li>{@code Instant}, {@code LocalDate}, {@code UUID}, {@code Duration} and {@code Period} are strings of their
 *       ISO-8601 or canonical text ({@code toString}), read back only in exactly that text.</li>
 * </ul>
 * Reading is strict: a member of the wrong JSON type, a missing component, a member that is no component, an unknown
 * variant or enum name, or a value the record's constructor refuses is an error naming the {@link JsonPath} of the
 * first problem. Records are built through their canonical constructors, so a record read is one its own checks let
 * be. Maps and other types have no form: a record that holds one is a programming error, found by {@link #check}.
 */
final class RecordJson {
    private RecordJson() {}

    /**
     * The JSON form of {@code value}, a record or a value of a type listed above.
     *
     * @throws IllegalArgumentException if {@code value} or a value in it is null, or a long beyond 2^53 in magnitude (a
     *     string with a lone surrogate is written here, and refused by {@link CanonicalJson})
     */
    static Json write(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("the core's records hold no nulls");
        }
        Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
        return FORMS.get(type).write(value);
    }

    /**
     * Writes the canonical JSON of {@code value} straight to {@code out}: the bytes of {@code CanonicalJson.utf8(write(value))},
     * without the tree.
     *
     * @throws IllegalArgumentException as {@link #write(Object)} and {@link CanonicalJson} do
     */
    static void write(Object value, CanonicalWriter out) {
        if (value == null) {
            throw new IllegalArgumentException("the core's records hold no nulls");
        }
        Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
        FORMS.get(type).write(value, out);
    }

    /** The value of {@code type} that {@code json} at {@code path} holds, or the first problem. */
    static <T> Validation<T> read(Json json, Class<T> type, JsonPath path) {
        return FORMS.get(type).read(json, path).map(type::cast);
    }

    /**
     * Checks that {@code type} and every type reachable from it have a form.
     *
     * @throws IllegalStateException naming the first type without one
     */
    static void check(Class<?> type) {
        describe(type);
    }

    /** The variant of the sealed interface {@code type} named {@code name}, if it has one. */
    static <T> Optional<Class<? extends T>> variant(Class<T> type, String name) {
        if (!(FORMS.get(type) instanceof SealedForm sealed)) {
            throw new IllegalArgumentException(type + " is not a sealed interface");
        }
        return Optional.ofNullable(sealed.variants().get(name)).map(v -> v.type.asSubclass(type));
    }

    /**
     * The form of {@code type} and of every named type reachable from it, one line each, sorted: the format a reader of
     * stored JSON must know. Any change to it is a change of the stored format.
     */
    static String describe(Class<?> type) {
        Catalog catalog = new Catalog();
        FORMS.get(type).describe(catalog);
        return catalog.lines.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The lines of {@link #describe}, one per named type (record, enum, sealed interface). */
    private static final class Catalog {
        private final Map<String, String> lines = new TreeMap<>();
        private final Map<String, Class<?>> owners = new HashMap<>();

        /** The name of {@code type}; the first time, its line is added as {@code line} computes it. */
        String name(Class<?> type, Supplier<String> line) {
            String name = RecordJson.name(type);
            Class<?> owner = owners.putIfAbsent(name, type);
            if (owner == null) {
                lines.put(name, line.get());
            } else if (owner != type) {
                throw new IllegalStateException(type.getName() + " and " + owner.getName() + " are both called " + name);
            }
            return name;
        }
    }

    // ---- forms ------------------------------------------------------------------------------------------------

    /** How the values of one Java type are written and read. */
    private sealed interface Form permits Scalar, Text, EnumForm, ListForm, SetForm, RecordForm, ValueForm, SealedForm {
        Json write(Object value);

        /** Writes the canonical JSON of {@code value} to {@code out}, as {@code out.json(write(value))} would. */
        void write(Object value, CanonicalWriter out);

        Validation<Object> read(Json json, JsonPath path);

        /** The form's short description; named types also add their line to {@code named} (once). */
        String describe(Catalog named);
    }

    private static final ClassValue<Form> FORMS = new ClassValue<>() {
        @Override
        protected Form computeValue(Class<?> type) {
            return classForm(type);
        }
    };

    private static Form classForm(Class<?> type) {
        for (Scalar s : Scalar.ALL) {
            if (s.types.contains(type)) {
                return s;
            }
        }
        for (Text<?> t : Text.ALL) {
            if (t.type == type) {
                return t;
            }
        }
        if (type.isEnum()) {
            return EnumForm.of(type);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            if (components.length == 1 && components[0].getName().equals("value")) {
                if (isVariant(type)) {
                    throw new IllegalStateException(type.getName() + " is a variant and has one component called value: it has no form");
                }
                return new ValueForm(type);
            }
            return new RecordForm(type);
        }
        if (type.isInterface() && type.isSealed()) {
            return new SealedForm(type);
        }
        throw new IllegalStateException("no JSON form for " + type.getName());
    }

    private static Form form(Type type) {
        if (type instanceof Class<?> c) {
            return FORMS.get(c);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type element = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class) {
                return new ListForm(form(element));
            }
            if (p.getRawType() == Set.class) {
                return new SetForm(form(element));
            }
        }
        throw new IllegalStateException("no JSON form for " + type.getTypeName() + " (an Optional only as a record component)");
    }

    private static boolean isVariant(Class<?> record) {
        return Arrays.stream(record.getInterfaces()).anyMatch(Class::isSealed);
    }

    /** A type's name without its package: {@code CaseEvent.DecisionTaken}. */
    private static String name(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static <T> Validation<T> wrongType(Json json, String expected, JsonPath path) {
        String found = switch (json) {
            case Json.Obj ignored -> "an object";
            case Json.Arr ignored -> "an array";
            case Json.Str ignored -> "a string";
            case Json.Num ignored -> "a number";
            case Json.Bool ignored -> "a boolean";
            case Json.Null ignored -> "null";
        };
        return invalid(path, "expected " + expected + ", found " + found);
    }

    private static <T> Validation<T> invalid(JsonPath path, String problem) {
        return new Validation.Invalid<>(List.of(new FieldError(path.toString(), problem)));
    }

    /** The JDK's types that are JSON strings, booleans and numbers. */
    private record Scalar(String description, Set<Class<?>> types, Function<Object, Json> writer,
            BiConsumer<Object, CanonicalWriter> direct, BiFunction<Json, JsonPath, Validation<Object>> reader) implements Form {
        static final List<Scalar> ALL = List.of(
                new Scalar("string", Set.of(String.class), v -> Json.of((String) v), (v, out) -> out.string((String) v),
                        (json, path) -> json instanceof Json.Str s ? new Validation.Valid<>(s.value()) : wrongType(json, "a string", path)),
                new Scalar("boolean", Set.of(boolean.class, Boolean.class), v -> Json.of((boolean) v), (v, out) -> out.bool((boolean) v),
                        (json, path) -> json instanceof Json.Bool b ? new Validation.Valid<>(b.value()) : wrongType(json, "true or false", path)),
                new Scalar("int", Set.of(int.class, Integer.class), v -> Json.of((long) (int) v), (v, out) -> out.integer((int) v),
                        (json, path) -> integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE, path).map(x -> ((Long) x).intValue())),
                new Scalar("long", Set.of(long.class, Long.class), v -> Json.of((long) v), (v, out) -> out.integer((long) v),
                        (json, path) -> integer(json, -Json.Num.MAX_EXACT, Json.Num.MAX_EXACT, path)),
                new Scalar("double", Set.of(double.class, Double.class), v -> Json.of((double) v), (v, out) -> out.number((double) v),
                        (json, path) -> json instanceof Json.Num n ? new Validation.Valid<>(n.value()) : wrongType(json, "a number", path)));

        @Override
        public Json write(Object value) {
            return writer.apply(value);
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            direct.accept(value, out);
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            return reader.apply(json, path);
        }

        @Override
        public String describe(Catalog named) {
            return description;
        }

        /** A {@code Long} from {@code min} to {@code max}. */
        private static Validation<Object> integer(Json json, long min, long max, JsonPath path) {
            if (!(json instanceof Json.Num n)) {
                return wrongType(json, "an integer", path);
            }
            double x = n.value();
            if (x != Math.rint(x) || x < min || x > max) {
                return invalid(path, "expected an integer from " + min + " to " + max + ", found " + CanonicalJson.write(json));
            }
            return new Validation.Valid<>((long) x);
        }
    }

    /** A JDK value type written as its {@code toString} and read back by its parser. */
    private record Text<T>(Class<T> type, String description, Function<String, T> parser) implements Form {
        static final List<Text<?>> ALL = List.of(
                new Text<>(Instant.class, "instant", Instant::parse),
                new Text<>(LocalDate.class, "date", LocalDate::parse),
                new Text<>(UUID.class, "uuid", UUID::fromString),
                new Text<>(Duration.class, "duration", Duration::parse),
                new Text<>(Period.class, "period", Period::parse));

        @Override
        public Json write(Object value) {
            return Json.of(value.toString());
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            if (value instanceof Instant instant) {
                out.instant(instant); // the same text, without the JDK's formatter: every event has its time
            } else {
                out.string(value.toString());
            }
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            if (!(json instanceof Json.Str s)) {
                return wrongType(json, "a string (" + description + ")", path);
            }
            T value;
            try {
                value = parser.apply(s.value());
            } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
                return invalid(path, "\"" + s.value() + "\" is not " + article() + description);
            }
            if (!value.toString().equals(s.value())) {
                return invalid(path, "\"" + s.value() + "\" is not in canonical form, which is \"" + value + "\"");
            }
            return new Validation.Valid<>(value);
        }

        private String article() {
            return "aeiou".indexOf(description.charAt(0)) >= 0 ? "an " : "a ";
        }

        @Override
        public String describe(Catalog named) {
            return description;
        }
    }

    /** An enum; {@code names} holds its constants' names as JSON strings, by ordinal. */
    private record EnumForm(Class<?> type, CanonicalString[] names) implements Form {
        static EnumForm of(Class<?> type) {
            return new EnumForm(type, Arrays.stream(type.getEnumConstants()).map(c -> CanonicalString.of(((Enum<?>) c).name()))
                    .toArray(CanonicalString[]::new));
        }

        @Override
        public Json write(Object value) {
            return Json.of(((Enum<?>) value).name());
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            out.string(names[((Enum<?>) value).ordinal()]);
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            if (!(json instanceof Json.Str s)) {
                return wrongType(json, "a string (" + type.getSimpleName() + ")", path);
            }
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(s.value())) {
                    return new Validation.Valid<>(constant);
                }
            }
            return invalid(path, "\"" + s.value() + "\" is not a " + type.getSimpleName());
        }

        @Override
        public String describe(Catalog named) {
            return named.name(type, () -> Arrays.stream(type.getEnumConstants())
                    .map(c -> "\"" + ((Enum<?>) c).name() + "\"").collect(Collectors.joining(" | ")));
        }
    }

    private record ListForm(Form element) implements Form {
        @Override
        public Json write(Object value) {
            return new Json.Arr(((List<?>) value).stream().map(element::write).toList());
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            out.beginArray();
            for (Object e : (List<?>) value) {
                element.write(e, out);
            }
            out.endArray();
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            return elements(element, json, path).map(list -> Collections.unmodifiableList(new ArrayList<>(list)));
        }

        @Override
        public String describe(Catalog named) {
            return "[" + element.describe(named) + "]";
        }
    }

    private record SetForm(Form element) implements Form {
        @Override
        public Json write(Object value) {
            return new Json.Arr(((Set<?>) value).stream().map(element::write)
                    .sorted(Comparator.comparing(CanonicalJson::write)).toList());
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            out.beginSet();
            for (Object e : (Set<?>) value) {
                element.write(e, out);
            }
            out.endSet();
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            Validation<List<Object>> list = elements(element, json, path);
            if (!(list instanceof Validation.Valid<List<Object>> valid)) {
                return new Validation.Invalid<>(list.errors());
            }
            Set<Object> set = new LinkedHashSet<>();
            for (int i = 0; i < valid.value().size(); i++) {
                if (!set.add(valid.value().get(i))) {
                    return invalid(path.index(i), "repeats an element of the set");
                }
            }
            return new Validation.Valid<>(Collections.unmodifiableSet(set));
        }

        @Override
        public String describe(Catalog named) {
            return "set[" + element.describe(named) + "]";
        }
    }

    private static Validation<List<Object>> elements(Form element, Json json, JsonPath path) {
        if (!(json instanceof Json.Arr array)) {
            return wrongType(json, "an array", path);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            switch (element.read(array.elements().get(i), path.index(i))) {
                case Validation.Valid<Object> v -> values.add(v.value());
                case Validation.Invalid<Object> invalid -> {
                    return new Validation.Invalid<>(invalid.errors());
                }
            }
        }
        return new Validation.Valid<>(values);
    }

    /**
     * A record's component; {@code accessor} reads it from a record of its type; {@code member} is its name as the JSON
     * string a member is named by.
     */
    private record Component(String name, CanonicalString member, Function<Object, Object> accessor, Form form, boolean optional) {
        static Component of(RecordComponent c) {
            Type type = c.getGenericType();
            boolean optional = type instanceof ParameterizedType p && p.getRawType() == Optional.class;
            Form form = RecordJson.form(optional ? ((ParameterizedType) type).getActualTypeArguments()[0] : type);
            return new Component(c.getName(), CanonicalString.of(c.getName()), accessor(c), form, optional);
        }

        /**
         * A function that calls the component's accessor, made by {@link LambdaMetafactory} where the accessor is
         * public (as a lambda would be, so that it costs a plain call: this runs for every component of every event
         * stored), otherwise through a method handle.
         */
        @SuppressWarnings("unchecked")
        private static Function<Object, Object> accessor(RecordComponent c) {
            Method method = c.getAccessor();
            Class<?> record = c.getDeclaringRecord();
            if (accessible(record)) {
                try {
                    MethodHandles.Lookup lookup = MethodHandles.lookup();
                    MethodHandle getter = lookup.unreflect(method);
                    CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class), getter, getter.type().wrap());
                    return (Function<Object, Object>) site.getTarget().invoke();
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + record.getName() + "." + c.getName(), e);
                }
            }
            MethodHandle handle;
            try {
                method.setAccessible(true);
                handle = MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + record.getName() + "." + c.getName(), e);
            }
            return r -> {
                try {
                    return (Object) handle.invokeExact(r);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + record.getName() + "." + c.getName(), e);
                }
            };
        }

        /** Whether {@code type} and every class it is nested in are public, in this module: what a lambda here can call. */
        private static boolean accessible(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
                if (!Modifier.isPublic(c.getModifiers())) {
                    return false;
                }
            }
            return type.getModule() == RecordJson.class.getModule();
        }

        Object get(Record r) {
            Object value = accessor.apply(r);
            if (value == null) {
                throw new IllegalArgumentException(r.getClass().getSimpleName() + "." + name + " is null: the core's records hold no nulls");
            }
            return value;
        }

        String describe(Catalog named) {
            return "\"" + name + "\"" + (optional ? "?" : "") + ": " + form.describe(named);
        }
    }

    /** A record's components and canonical constructor, found when first needed (so that types may refer to each other). */
    private static final class Parts {
        private final Class<?> type;
        private volatile List<Component> components;
        private volatile Constructor<?> constructor;

        Parts(Class<?> type) {
            this.type = type;
        }

        List<Component> components() {
            if (components == null) {
                components = Arrays.stream(type.getRecordComponents()).map(Component::of).toList();
            }
            return components;
        }

        /** The record built from {@code values} by its canonical constructor, or its refusal as an error at {@code path}. */
        Validation<Object> construct(Object[] values, JsonPath path) {
            try {
                if (constructor == null) {
                    Constructor<?> c = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getType).toArray(Class<?>[]::new));
                    c.setAccessible(true);
                    constructor = c;
                }
                return new Validation.Valid<>(constructor.newInstance(values));
            } catch (InvocationTargetException e) {
                // What a compact constructor throws for an illegal value: the value is refused, not half built.
                if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof DateTimeException
                        || e.getCause() instanceof ArithmeticException) {
                    return invalid(path, "is not a valid " + name(type) + ": " + e.getCause().getMessage());
                }
                throw new IllegalStateException("the constructor of " + type.getName() + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }
    }

    private static final class RecordForm implements Form {
        private static final CanonicalString VARIANT = CanonicalString.of("variant");

        private final Class<?> type;
        private final Parts parts;
        /** The simple name written as {@code variant}, or null if the record is no variant. */
        private final String variant;
        /** {@link #variant} as a JSON string, or null. */
        private final CanonicalString variantJson;
        /** The components in the canonical order of their names, with null where {@code variant} goes; found when first needed. */
        private volatile Component[] canonicalOrder;

        RecordForm(Class<?> type) {
            this.type = type;
            this.parts = new Parts(type);
            this.variant = isVariant(type) ? type.getSimpleName() : null;
            this.variantJson = variant == null ? null : CanonicalString.of(variant);
            if (variant != null && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals("variant"))) {
                throw new IllegalStateException(type.getName() + " is a variant with a component called variant: it has no form");
            }
        }

        @Override
        public Json write(Object value) {
            Json.ObjBuilder obj = Json.object();
            if (variant != null) {
                obj.put("variant", variant);
            }
            for (Component c : parts.components()) {
                Object v = c.get((Record) value);
                if (!c.optional()) {
                    obj.put(c.name(), c.form().write(v));
                } else if (v instanceof Optional<?> o && o.isPresent()) {
                    obj.put(c.name(), c.form().write(o.get()));
                }
            }
            return obj.build();
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            Component[] order = canonicalOrder;
            if (order == null) {
                List<Component> sorted = new ArrayList<>(parts.components());
                if (variant != null) {
                    sorted.add(null);
                }
                sorted.sort(Comparator.comparing(c -> c == null ? "variant" : c.name()));
                order = sorted.toArray(Component[]::new);
                canonicalOrder = order;
            }
            out.beginObject();
            for (Component c : order) {
                if (c == null) {
                    out.name(VARIANT).string(variantJson);
                    continue;
                }
                Object v = c.get((Record) value);
                if (!c.optional()) {
                    c.form().write(v, out.name(c.member()));
                } else if (v instanceof Optional<?> o && o.isPresent()) {
                    c.form().write(o.get(), out.name(c.member()));
                }
            }
            out.endObject();
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            if (!(json instanceof Json.Obj obj)) {
                return wrongType(json, "an object (" + name(type) + ")", path);
            }
            if (variant != null) {
                Json given = obj.get("variant");
                if (given == null) {
                    return invalid(path.member("variant"), "is missing");
                }
                if (!given.equals(Json.of(variant))) {
                    return invalid(path.member("variant"), "expected \"" + variant + "\", found " + CanonicalJson.write(given));
                }
            }
            List<Component> components = parts.components();
            Set<String> known = new HashSet<>();
            components.forEach(c -> known.add(c.name()));
            for (String member : obj.members().keySet()) {
                if (!known.contains(member) && !(variant != null && member.equals("variant"))) {
                    return invalid(path.member(member), "is not a component of " + name(type));
                }
            }
            Object[] values = new Object[components.size()];
            for (int i = 0; i < values.length; i++) {
                Component c = components.get(i);
                Json member = obj.get(c.name());
                if (member == null) {
                    if (!c.optional()) {
                        return invalid(path.member(c.name()), "is missing");
                    }
                    values[i] = Optional.empty();
                    continue;
                }
                switch (c.form().read(member, path.member(c.name()))) {
                    case Validation.Valid<Object> v -> values[i] = c.optional() ? Optional.of(v.value()) : v.value();
                    case Validation.Invalid<Object> invalid -> {
                        return invalid;
                    }
                }
            }
            return parts.construct(values, path);
        }

        @Override
        public String describe(Catalog named) {
            return named.name(type, () -> {
                List<String> members = new ArrayList<>();
                if (variant != null) {
                    members.add("\"variant\": \"" + variant + "\"");
                }
                parts.components().forEach(c -> members.add(c.describe(named)));
                return "{" + String.join(", ", members) + "}";
            });
        }
    }

    /** A record of one component called {@code value}: written as that value. */
    private static final class ValueForm implements Form {
        private final Class<?> type;
        private final Parts parts;

        ValueForm(Class<?> type) {
            this.type = type;
            this.parts = new Parts(type);
        }

        @Override
        public Json write(Object value) {
            Component only = parts.components().getFirst();
            return only.form().write(only.get((Record) value));
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            Component only = parts.components().getFirst();
            only.form().write(only.get((Record) value), out);
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            return switch (parts.components().getFirst().form().read(json, path)) {
                case Validation.Valid<Object> v -> parts.construct(new Object[] {v.value()}, path);
                case Validation.Invalid<Object> invalid -> invalid;
            };
        }

        @Override
        public String describe(Catalog named) {
            return named.name(type, () -> parts.components().getFirst().form().describe(named));
        }
    }

    /** A sealed interface: the form of one of its variants, named by {@code variant}. */
    private static final class SealedForm implements Form {
        private final Class<?> type;
        private volatile Map<String, RecordForm> variants;

        SealedForm(Class<?> type) {
            this.type = type;
        }

        /** Every record that is a variant of this interface or of a sealed interface it permits, by simple name. */
        Map<String, RecordForm> variants() {
            if (variants == null) {
                Map<String, RecordForm> found = new LinkedHashMap<>();
                collect(type, found);
                variants = Collections.unmodifiableMap(found);
            }
            return variants;
        }

        private static void collect(Class<?> sealed, Map<String, RecordForm> found) {
            for (Class<?> permitted : sealed.getPermittedSubclasses()) {
                Form form = FORMS.get(permitted);
                switch (form) {
                    case RecordForm r -> {
                        RecordForm before = found.put(permitted.getSimpleName(), r);
                        if (before != null) {
                            throw new IllegalStateException("two variants are called " + permitted.getSimpleName() + ": "
                                    + before.type.getName() + " and " + permitted.getName());
                        }
                    }
                    case SealedForm s -> collect(s.type, found);
                    default -> throw new IllegalStateException(permitted.getName() + " is permitted by sealed " + sealed.getName()
                            + " but is no record or sealed interface");
                }
            }
        }

        @Override
        public Json write(Object value) {
            return FORMS.get(value.getClass()).write(value);
        }

        @Override
        public void write(Object value, CanonicalWriter out) {
            FORMS.get(value.getClass()).write(value, out);
        }

        @Override
        public Validation<Object> read(Json json, JsonPath path) {
            if (!(json instanceof Json.Obj obj)) {
                return wrongType(json, "an object (" + name(type) + ")", path);
            }
            Json given = obj.get("variant");
            if (given == null) {
                return invalid(path.member("variant"), "is missing");
            }
            if (!(given instanceof Json.Str s)) {
                return wrongType(given, "a string", path.member("variant"));
            }
            RecordForm variant = variants().get(s.value());
            if (variant == null) {
                return invalid(path.member("variant"), "\"" + s.value() + "\" is not a variant of " + name(type) + ": "
                        + String.join(", ", new TreeMap<>(variants()).keySet()));
            }
            return variant.read(json, path);
        }

        @Override
        public String describe(Catalog named) {
            return named.name(type, () -> variants().values().stream().map(v -> v.describe(named)).sorted()
                    .collect(Collectors.joining(" | ")));
        }
    }
}
