package dev.recourse.core.decision;

import dev.recourse.core.subject.CountryCode;
import java.util.Set;

/** Where a restriction applies. */
public sealed interface TerritorialScope {
    /** Everywhere the service is offered. */
    record Everywhere() implements TerritorialScope {}

    /** Only in these countries; at least one. */
    record Countries(Set<CountryCode> countries) implements TerritorialScope {
        public Countries {
            countries = Set.copyOf(countries);
            if (countries.isEmpty()) {
                throw new IllegalArgumentException("a territorial scope names at least one country");
            }
        }
    }

    /** The scope that applies everywhere. */
    TerritorialScope EVERYWHERE = new Everywhere();
}
