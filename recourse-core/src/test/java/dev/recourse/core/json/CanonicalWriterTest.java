package dev.recourse.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalWriterTest {

    private static String text(CanonicalWriter out) {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void membersWrittenInAnyOrderComeOutSortedByTheirNames() {
        CanonicalWriter out = new CanonicalWriter().beginObject().name("type").string("x").name("commit").string("c")
                .name("b").beginObject().name("z").integer(1).name("a").bool(true).endObject().name("a").nullValue().endObject();
        assertThat(text(out)).isEqualTo("{\"a\":null,\"b\":{\"a\":true,\"z\":1},\"commit\":\"c\",\"type\":\"x\"}");
    }

    @Test
    void aMemberWrittenTwiceIsRefused() {
        CanonicalWriter out = new CanonicalWriter().beginObject().name("b").integer(1).name("a").integer(2).name("b").integer(3);
        assertThatThrownBy(out::endObject).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"b\"");
    }

    @Test
    void aSetIsSortedByTheCanonicalTextOfItsElements() {
        CanonicalWriter out = new CanonicalWriter().beginSet().string("b").beginObject().name("k").integer(2).endObject()
                .string("a").endSet();
        assertThat(text(out)).isEqualTo("[\"a\",\"b\",{\"k\":2}]");
    }

    @Test
    void anIntegerBeyondTwoToTheFiftyThreeIsRefused() {
        assertThatThrownBy(() -> new CanonicalWriter().integer((1L << 53) + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertThatThrownBy(() -> new CanonicalWriter().string("a\ud800b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate at index 1");
    }

    @Property(tries = 500)
    void membersInShuffledOrderGiveTheCanonicalBytes(@ForAll("objects") Json.Obj obj, @ForAll long seed) {
        List<Map.Entry<String, Json>> members = new ArrayList<>(obj.members().entrySet());
        Collections.shuffle(members, new Random(seed));
        CanonicalWriter out = new CanonicalWriter(1).beginObject();
        for (Map.Entry<String, Json> member : members) {
            out.name(member.getKey()).json(member.getValue());
        }
        assertThat(out.endObject().toByteArray()).isEqualTo(CanonicalJson.utf8(obj));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Json.Obj> objects() {
        return JsonArbitraries.values().filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
    }
}
