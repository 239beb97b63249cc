package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonTextProperties {
    @Provide
    Arbitrary<Json> values() {
        return JsonArbitraries.values();
    }

    @Property(tries = 300)
    void whatIsWrittenReadsBackEqual(@ForAll("values") Json value) {
        assertThat(Json.parseUtf8(JsonText.utf8(value)).orElseThrow()).isEqualTo(value);
        assertThat(Json.parseUtf8(JsonText.pretty(value)).orElseThrow()).isEqualTo(value);
    }
}
