package dev.recourse.core.entry;

import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonArbitraries;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.Location;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.statement.Statements;
import dev.recourse.core.statement.YesNo;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitrary values of any of the core's records, built from the types of their components as {@link RecordJson} reads
 * them: a sealed interface is one of its variants, a record is its components passed to its canonical constructor
 * (values it refuses are drawn again). Types whose constructors check more than random values meet (codes, pseudonyms,
 * complete statements) come from small sets of valid ones.
 */
public final class RecordArbitraries {
    private RecordArbitraries() {}

    private static final Map<Type, Arbitrary<?>> CACHE = new ConcurrentHashMap<>();

    /** Arbitrary values of {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> Arbitrary<T> of(Class<T> type) {
        return (Arbitrary<T>) of((Type) type);
    }

    private static Arbitrary<?> of(Type type) {
        Arbitrary<?> known = CACHE.get(type);
        if (known == null) {
            known = build(type);
            CACHE.put(type, known);
        }
        return known;
    }

    private static Arbitrary<?> build(Type type) {
        if (type instanceof ParameterizedType p) {
            Arbitrary<?> element = of(p.getActualTypeArguments()[0]);
            if (p.getRawType() == List.class) {
                return element.list().ofMaxSize(3);
            }
            if (p.getRawType() == Set.class) {
                return element.set().ofMaxSize(3);
            }
            if (p.getRawType() == Optional.class) {
                return element.optional(0.5);
            }
            throw new IllegalArgumentException("no arbitrary for " + type);
        }
        Class<?> c = (Class<?>) type;
        Arbitrary<?> special = special(c);
        if (special != null) {
            return special;
        }
        if (c.isEnum()) {
            return Arbitraries.of(c.getEnumConstants());
        }
        if (c.isInterface() && c.isSealed()) {
            return Arbitraries.oneOf(variants(c).stream().<Arbitrary<Object>>map(v -> cast(of(v))).toList());
        }
        if (c.isRecord()) {
            return record(c);
        }
        throw new IllegalArgumentException("no arbitrary for " + type);
    }

    /** The records below a sealed interface, through the sealed interfaces it permits: each as likely as the others. */
    private static List<Class<?>> variants(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(p -> p.isInterface() ? variants(p).stream() : java.util.stream.Stream.of(p)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> cast(Arbitrary<?> a) {
        return (Arbitrary<Object>) a;
    }

    private static Arbitrary<?> record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            return Arbitraries.just(construct(type, List.of()));
        }
        List<Arbitrary<Object>> parts = Arrays.stream(components).map(c -> cast(of(c.getGenericType()))).toList();
        return Combinators.combine(parts).as(values -> construct(type, values)).ignoreException(IllegalArgumentException.class);
    }

    private static Object construct(Class<?> type, List<Object> values) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values.toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK's types, and the core's types whose constructors random values rarely satisfy. */
    private static Arbitrary<?> special(Class<?> c) {
        if (c == String.class) {
            return JsonArbitraries.texts().filter(s -> !s.isBlank());
        }
        if (c == boolean.class || c == Boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (c == int.class || c == Integer.class) {
            return Arbitraries.integers();
        }
        if (c == long.class || c == Long.class) {
            return Arbitraries.longs().between(0, Json.Num.MAX_EXACT);
        }
        if (c == double.class || c == Double.class) {
            return Arbitraries.doubles().between(0, 1);
        }
        if (c == Instant.class) {
            return Combinators.combine(Arbitraries.longs().between(946_684_800L, 4_102_444_800L), Arbitraries.of(0, 1, 999_999_999, 120_000_000))
                    .as(Instant::ofEpochSecond);
        }
        if (c == LocalDate.class) {
            return Arbitraries.longs().between(0, 60_000).map(LocalDate::ofEpochDay);
        }
        if (c == UUID.class) {
            return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        }
        if (c == Duration.class) {
            return Arbitraries.longs().between(0, 1_000_000).map(Duration::ofSeconds);
        }
        if (c == Period.class) {
            return Arbitraries.integers().between(0, 400).map(Period::ofDays);
        }
        if (c == CountryCode.class) {
            return Arbitraries.of("DE", "AT", "FR", "IT", "PL", "US").map(CountryCode::new);
        }
        if (c == LanguageCode.class) {
            return Arbitraries.of(Locale.getISOLanguages()).map(LanguageCode::new);
        }
        if (c == ContentHash.class) {
            return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(ContentHash::new);
        }
        if (c == Pseudonym.class) {
            return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(12).map(Pseudonym::new);
        }
        if (c == Versioned.class) {
            Arbitrary<String> names = Arbitraries.strings().withChars("abz09._/-").ofMinLength(1).ofMaxLength(10);
            Arbitrary<String> versions = Arbitraries.strings().withChars("19az.+_-").ofMinLength(1).ofMaxLength(5);
            return Combinators.combine(names, versions).as(Versioned::new);
        }
        if (c == Location.class) {
            return Arbitraries.of(new Location("https://social.example/p/1"), new Location("http://forum.example/t/2?a=1&b=%22x%22#ü"));
        }
        if (c == Contact.class) {
            return Arbitraries.of(new Contact("Nora Beispiel", "nora@example.org"), new Contact("Zoë \"Z\" Øster", "z+moderation@example.eu"));
        }
        if (c == DsaStatement.class) {
            return Arbitraries.of(Statements.illegal().build(), Statements.incompatible().build());
        }
        if (c == Reasons.class) {
            return Arbitraries.of(Statements.reasons(Statements.illegal()), Statements.reasons(Statements.incompatible()));
        }
        if (c == StatementOfReasons.class) {
            Person reviewer = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);
            Deciders rule = Deciders.automated(AutomatedRule.of(new Versioned("spam-links", "7")));
            DsaStatement automated = Statements.illegal().automatedDecision(AutomatedDecision.AUTOMATED_DECISION_FULLY)
                    .automatedDetection(YesNo.Yes).build();
            return Arbitraries.of(
                    new StatementOfReasons(Statements.illegal().build(), Statements.redress(), new LanguageCode("de"), Deciders.person(reviewer)),
                    new StatementOfReasons(Statements.incompatible().build(), Statements.redress(), new LanguageCode("fr"), Deciders.person(reviewer)),
                    new StatementOfReasons(automated, Statements.redress(), new LanguageCode("it"), rule));
        }
        return null;
    }
}
