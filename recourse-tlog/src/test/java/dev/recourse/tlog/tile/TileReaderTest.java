package dev.recourse.tlog.tile;

import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.merkle.TreeSize;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileReaderTest {
    private static final TestVectors.Log LOG = TestVectors.large().log("json-70000");

    @Test
    void everyEntryOfTheFinalTreeIsReadFromItsBundle() throws IOException {
        TileReader tiles = reader(LOG.tiles());
        for (long index : new long[] {0, 255, 256, 69_887, 69_888, 69_999}) {
            assertThat(tiles.entry(index, TreeSize.of(70_000))).as("entry " + index).isEqualTo(LOG.entries().get((int) index));
        }
    }

    @Test
    void anEntryOfAnEarlierTreeWhosePartialBundleIsGoneIsReadFromTheFullBundle() throws IOException {
        TileReader tiles = reader(LOG.tiles());
        assertThat(LOG.tiles()).doesNotContainKey("tile/entries/003.p/10");
        assertThat(tiles.entry(777, TreeSize.of(778))).isEqualTo(LOG.entries().get(777));
    }

    @Test
    void anEntryWhoseBundleIsMissingAltogetherIsReportedByTheBundleItNeeds() {
        Map<String, byte[]> tiles = new HashMap<>(LOG.tiles());
        tiles.remove("tile/entries/003");
        assertThatThrownBy(() -> reader(tiles).entry(777, TreeSize.of(778)))
                .isInstanceOf(MissingTileException.class)
                .hasMessage("tile/entries/003.p/10 is missing");
    }

    private static TileReader reader(Map<String, byte[]> tiles) {
        return new MapTiles(tiles);
    }
}
