package dev.recourse.store.projection;

import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.SourceType;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the transparency rollups tell decisions apart by. A restrictive decision has them all, from
 * its statement of reasons; a decision to take no action has no category, ground, restriction or
 * source, only its automation (from its deciders).
 *
 * @param category the statement's category
 * @param ground illegal content or incompatible with the terms
 * @param restrictions the kinds of its restrictions; empty for no action
 * @param automation how far the decision was automated
 * @param sourceType what started it: a notice (which kind) or the platform's own initiative
 */
public record Dimensions(Optional<Category> category, Optional<DecisionGround> ground, Set<RestrictionKind> restrictions,
                         AutomatedDecision automation, Optional<SourceType> sourceType) {
    /** How many columns {@link #columns()} has. */
    static final int COLUMNS = 5;

    public Dimensions {
        EnumSet<RestrictionKind> kinds = EnumSet.noneOf(RestrictionKind.class);
        kinds.addAll(restrictions);
        restrictions = Collections.unmodifiableSet(kinds);
    }

    /** The dimensions of {@code decision}. */
    public static Dimensions of(Decision decision) {
        return switch (decision.outcome()) {
            case Outcome.Restrict r -> {
                DsaStatement dsa = r.statement().dsa();
                Set<RestrictionKind> kinds = r.restrictions().stream().map(Restriction::measure).map(RestrictionKind::of)
                        .collect(Collectors.toSet());
                yield new Dimensions(dsa.category(), dsa.decisionGround(), kinds, r.statement().deciders().automation(),
                        dsa.sourceType());
            }
            case Outcome.NoAction n -> new Dimensions(Optional.empty(), Optional.empty(), Set.of(), n.deciders().automation(),
                    Optional.empty());
        };
    }

    /** The text of each dimension as the database keeps it: enum names, kinds joined by {@code +}, {@code ""} for none. */
    String[] columns() {
        return new String[] {
            category.map(Enum::name).orElse(""),
            ground.map(Enum::name).orElse(""),
            restrictions.stream().map(Enum::name).collect(Collectors.joining("+")),
            automation.name(),
            sourceType.map(Enum::name).orElse("")
        };
    }

    /** The dimensions of the database's texts, as {@link #columns()} wrote them. */
    static Dimensions ofColumns(String category, String ground, String restrictions, String automation, String sourceType) {
        Set<RestrictionKind> kinds = restrictions.isEmpty() ? Set.of()
                : Arrays.stream(restrictions.split("\\+")).map(RestrictionKind::valueOf).collect(Collectors.toSet());
        return new Dimensions(optional(Category.class, category), optional(DecisionGround.class, ground), kinds,
                AutomatedDecision.valueOf(automation), optional(SourceType.class, sourceType));
    }

    private static <E extends Enum<E>> Optional<E> optional(Class<E> type, String name) {
        return name.isEmpty() ? Optional.empty() : Optional.of(Enum.valueOf(type, name));
    }
}
