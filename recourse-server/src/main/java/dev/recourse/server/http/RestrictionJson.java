package dev.recourse.server.http;

import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.json.Json;

/**
 * A restriction's effect as the API and the webhooks spell it: the DSA value of its measure under the measure's kind
 * ({@code visibility}, {@code monetary}, {@code service}, {@code account}), {@code other} where the measure says what
 * it is, and {@code territory} (country codes, sorted) unless it applies everywhere.
 */
public final class RestrictionJson {
    private RestrictionJson() {}

    /** Puts the members of {@code measure} in {@code scope} into {@code obj}. */
    public static void effect(Json.ObjBuilder obj, Measure measure, TerritorialScope scope) {
        switch (measure) {
            case Measure.Visibility v -> {
                obj.put("visibility", v.kind().dsaValue());
                v.other().ifPresent(text -> obj.put("other", text));
            }
            case Measure.Monetary m -> {
                obj.put("monetary", m.kind().dsaValue());
                m.other().ifPresent(text -> obj.put("other", text));
            }
            case Measure.Service s -> obj.put("service", s.kind().dsaValue());
            case Measure.Account a -> obj.put("account", a.kind().dsaValue());
        }
        switch (scope) {
            case TerritorialScope.Everywhere ignored -> { }
            case TerritorialScope.Countries countries -> obj.put("territory",
                    Json.strings(countries.countries().stream().map(Object::toString).sorted().toList()));
        }
    }
}
