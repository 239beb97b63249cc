package dev.recourse.core.process;

import dev.recourse.core.Validation;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.EeaCountry;
import dev.recourse.core.statement.Redress;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.statement.YesNo;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Composes the statement of reasons of a decision: the decider's reasons plus everything that follows from the case
 * and the decision. The result is checked with every rule of the Transparency Database.
 */
final class Composer {
    private Composer() {}

    /**
     * @param held whether an authority request's disclosure is still delayed: then the statement does not name it
     */
    static Validation<StatementOfReasons> compose(Settings settings, Subject subject, DecisionId id, Instant now,
            List<Restriction> restrictions, Reasons reasons, Deciders deciders, Collection<NoticeSource> sources,
            boolean detected, Predicate<AuthorityRequestId> held) {
        DsaStatement.Builder b = reasons.grounds().toBuilder();
        List<Measure.Visibility> visibility = of(restrictions, Measure.Visibility.class);
        b.decisionVisibility(visibility.stream().map(Measure.Visibility::kind).toList());
        b.decisionVisibilityOther(others(visibility.stream().map(Measure.Visibility::other)));
        List<Measure.Monetary> monetary = of(restrictions, Measure.Monetary.class);
        monetary.stream().findFirst().ifPresent(m -> b.decisionMonetary(m.kind()));
        b.decisionMonetaryOther(others(monetary.stream().map(Measure.Monetary::other)));
        of(restrictions, Measure.Service.class).stream().findFirst().ifPresent(m -> b.decisionProvision(m.kind()));
        of(restrictions, Measure.Account.class).stream().findFirst().ifPresent(m -> b.decisionAccount(m.kind()));
        b.endDateVisibilityRestriction(end(restrictions, Measure.Visibility.class));
        b.endDateMonetaryRestriction(end(restrictions, Measure.Monetary.class));
        b.endDateServiceRestriction(end(restrictions, Measure.Service.class));
        b.endDateAccountRestriction(end(restrictions, Measure.Account.class));
        b.accountType(subject.accountType().orElse(null));
        b.territorialScope(territorialScope(restrictions));
        b.contentLanguage(subject.language().value().toUpperCase(Locale.ROOT));
        b.contentDate(subject.since());
        b.applicationDate(LocalDate.ofInstant(now, ZoneOffset.UTC));
        b.sourceType(sourceType(sources));
        b.sourceIdentity(sourceIdentity(sources, held).orElse(null));
        b.automatedDetection(detected || deciders.rule().isPresent() ? YesNo.Yes : YesNo.No);
        b.automatedDecision(deciders.automation());
        b.puid(id.toString());
        Redress redress = new Redress(settings.appealDeadline(now), settings.outOfCourtSettlement(), settings.judicialRedress());
        Validation<StatementOfReasons> statement = StatementOfReasons.validate(b.build(), redress, subject.language(), deciders);
        List<String> doubled = new ArrayList<>();
        if (monetary.size() > 1) {
            doubled.add("monetary");
        }
        if (of(restrictions, Measure.Service.class).size() > 1) {
            doubled.add("service");
        }
        if (of(restrictions, Measure.Account.class).size() > 1) {
            doubled.add("account");
        }
        if (doubled.isEmpty()) {
            return statement;
        }
        List<dev.recourse.core.FieldError> errors = new ArrayList<>(statement.errors());
        errors.add(new dev.recourse.core.FieldError("restrictions", "one decision has at most one " + String.join(", one ", doubled) + " measure"));
        return new Validation.Invalid<>(errors);
    }

    private static <M extends Measure> List<M> of(List<Restriction> restrictions, Class<M> type) {
        return restrictions.stream().map(Restriction::measure).filter(type::isInstance).map(type::cast).toList();
    }

    private static String others(java.util.stream.Stream<Optional<String>> texts) {
        String joined = texts.flatMap(Optional::stream).collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    /** The last end of the restrictions of one kind, or none if one of them is indefinite. */
    private static LocalDate end(List<Restriction> restrictions, Class<? extends Measure> type) {
        List<Restriction> ofType = restrictions.stream().filter(r -> type.isInstance(r.measure())).toList();
        if (ofType.isEmpty() || ofType.stream().anyMatch(r -> r.endsAt().isEmpty())) {
            return null;
        }
        Instant last = ofType.stream().map(r -> r.endsAt().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
        return LocalDate.ofInstant(last, ZoneOffset.UTC);
    }

    /** Everywhere is every EEA country; otherwise the countries named, EEA ones in the database's order. */
    /** The EEA's countries as the DSA codes them, in their order. */
    private static final List<String> EEA_ORDER = Arrays.stream(EeaCountry.values()).map(EeaCountry::dsaValue).toList();
    /** Each EEA country's place in {@link #EEA_ORDER}: looked up for every decision, so not searched for. */
    private static final Map<String, Integer> EEA_RANK = IntStream.range(0, EEA_ORDER.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(EEA_ORDER::get, i -> i));

    private static List<String> territorialScope(List<Restriction> restrictions) {
        Set<String> codes = new LinkedHashSet<>();
        for (Restriction r : restrictions) {
            switch (r.scope()) {
                case TerritorialScope.Everywhere ignored -> codes.addAll(EEA_ORDER);
                case TerritorialScope.Countries c -> c.countries().stream().map(CountryCode::value).sorted().forEach(codes::add);
            }
        }
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(Comparator.comparingInt(code -> EEA_RANK.getOrDefault(code, EEA_ORDER.size())));
        return sorted;
    }

    private static SourceType sourceType(Collection<NoticeSource> sources) {
        if (sources.stream().anyMatch(NoticeSource.FromAuthority.class::isInstance)) {
            return SourceType.SOURCE_TYPE_OTHER_NOTIFICATION;
        }
        if (sources.stream().anyMatch(NoticeSource.TrustedFlagger.class::isInstance)) {
            return SourceType.SOURCE_TRUSTED_FLAGGER;
        }
        return sources.isEmpty() ? SourceType.SOURCE_VOLUNTARY : SourceType.SOURCE_ARTICLE_16;
    }

    /** Authorities and trusted flaggers are named (unless a hold delays it); users never are: they are people. */
    private static Optional<String> sourceIdentity(Collection<NoticeSource> sources, Predicate<AuthorityRequestId> held) {
        List<String> names = new ArrayList<>();
        for (NoticeSource source : sources) {
            switch (source) {
                case NoticeSource.FromAuthority a -> {
                    if (!held.test(a.request())) {
                        names.add(a.authority().name());
                    }
                }
                case NoticeSource.TrustedFlagger t -> names.add(t.organisation());
                case NoticeSource.User ignored -> { }
            }
        }
        String joined = names.stream().distinct().collect(Collectors.joining("; "));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}
