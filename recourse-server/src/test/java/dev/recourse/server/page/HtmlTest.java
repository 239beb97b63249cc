package dev.recourse.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textEscapesMarkup() {
        assertThat(Html.text("<script>a & b</script>")).isEqualTo("&lt;script&gt;a &amp; b&lt;/script&gt;");
    }

    @Test
    void attributeEscapesQuotes() {
        assertThat(Html.attribute("x\" onload='y'")).isEqualTo("x&quot; onload=&#39;y&#39;");
    }

    @Property
    void escapedTextHoldsNoMarkupCharacters(@ForAll String value) {
        assertThat(Html.attribute(value)).doesNotContain("<", ">", "\"", "'");
    }

    @Test
    void persianPagesRunRightToLeft() {
        assertThat(Layout.document(Locale.forLanguageTag("fa"), "t", "", "", "")).contains("lang=\"fa\" dir=\"rtl\"");
        assertThat(Layout.document(Locale.GERMAN, "<t>", "", "", "")).contains("dir=\"ltr\"").contains("<title>&lt;t&gt;</title>");
    }
}
