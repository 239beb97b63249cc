package dev.recourse.tlog.tile;

import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.merkle.TreeSize;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileHashSourceTest {
    private static final TestVectors.Log LOG = TestVectors.large().log("json-70000");

    @Test
    void rootsOfEverySizeTheVectorsGiveComeOutOfTheTiles() throws IOException {
        TileReader tiles = reader(LOG.tiles());
        for (TreeSize size : LOG.sizesWithRoots()) {
            // Only the final tree's partial tiles are in the vectors; for earlier sizes the full tiles stand in.
            assertThat(Proofs.root(new TileHashSource(tiles, size), size)).as("size " + size).isEqualTo(LOG.root(size.value()).orElseThrow());
        }
    }

    @Test
    void aMissingPartialTileIsReadFromTheFullTile() throws IOException {
        TreeSize size = LOG.sizesWithRoots().stream()
                .filter(s -> s.value() > 256 && s.value() % 256 != 0 && s.value() < 69_888)
                .findFirst().orElseThrow();
        TileHashSource source = new TileHashSource(reader(LOG.tiles()), size);
        Tile.Hashes partial = Tile.hashesContaining(0, size.value() - 1, size);
        assertThat(LOG.tiles()).doesNotContainKey(partial.path());
        assertThat(source.tile(partial)).hasSize(partial.byteLength());
        assertThat(Proofs.root(source, size)).isEqualTo(LOG.root(size.value()).orElseThrow());
    }

    @Test
    void aTileMissingAltogetherIsReportedByPath() {
        Map<String, byte[]> tiles = new HashMap<>(LOG.tiles());
        tiles.remove("tile/0/003");
        TileHashSource source = new TileHashSource(reader(tiles), TreeSize.of(1000));
        assertThatThrownBy(() -> source.tile(new Tile.Hashes(0, 3, 232)))
                .isInstanceOf(MissingTileException.class)
                .hasMessage("tile/0/003.p/232 is missing");
    }

    @Test
    void aTileOfTheWrongLengthIsAnError() {
        Map<String, byte[]> tiles = new HashMap<>(LOG.tiles());
        tiles.put("tile/0/000", new byte[31]);
        TileHashSource source = new TileHashSource(reader(tiles), TreeSize.of(70_000));
        assertThatThrownBy(() -> source.hash(0, 0)).isInstanceOf(IOException.class).hasMessageContaining("tile/0/000 is 31 bytes");
    }

    private static TileReader reader(Map<String, byte[]> tiles) {
        return new MapTiles(tiles);
    }
}
