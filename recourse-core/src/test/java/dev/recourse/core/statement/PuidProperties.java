package dev.recourse.core.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The hand-written PUID check against the DSA database's pattern it replaces. */
class PuidProperties {
    private static final Pattern PUID = Pattern.compile("[a-zA-Z0-9\\-_]+");

    @Property
    void agreesWithThePatternOnAnyText(@ForAll @StringLength(max = 12) String text) {
        assertThat(DsaRules.isPuid(text)).isEqualTo(PUID.matcher(text).matches());
    }

    @Property
    void agreesWithThePatternOnTextsNearTheAlphabet(
            @ForAll @StringLength(max = 12) @CharRange(from = ' ', to = '~') @Chars({'\u00e9', '\u0660'}) String text) {
        assertThat(DsaRules.isPuid(text)).isEqualTo(PUID.matcher(text).matches());
    }
}
