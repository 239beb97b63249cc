package dev.recourse.core.authority;

import dev.recourse.core.Ids;
import dev.recourse.core.subject.CountryCode;

/**
 * A public body that orders or requests action: a court, a regulator, a ministry, the police.
 *
 * @param name the body's official name, 1 to 500 characters
 * @param country the state it acts for
 */
public record Authority(String name, CountryCode country) {
    public Authority {
        Ids.platformId("an authority's name", name);
        Ids.text("an authority's name", name);
    }
}
