package dev.recourse.tlog.tile;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.TreeSize;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TilePathTest {

    @Test
    void indexIsWrittenInThreeDigitGroupsWithXPrefixes() {
        assertThat(new Tile.Hashes(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile.Hashes(2, 5, 256).path()).isEqualTo("tile/2/005");
        assertThat(new Tile.Hashes(1, 1000, 256).path()).isEqualTo("tile/1/x001/000");
    }

    @Test
    void everyPathOfTheReferenceTilesParsesAndIsWrittenTheSameWay() {
        java.util.List<String> paths = dev.recourse.tlog.TestVectors.allLogs()
                .flatMap(log -> log.tiles().keySet().stream())
                .toList();
        assertThat(paths).hasSizeGreaterThan(500);
        for (String path : paths) {
            assertThat(Tile.parse(path).orElseThrow().path()).isEqualTo(path);
        }
    }

    @Test
    void partialTilesCarryTheirWidth() {
        assertThat(new Tile.Hashes(0, 273, 112).path()).isEqualTo("tile/0/273.p/112");
        assertThat(new Tile.Entries(273, 112).path()).isEqualTo("tile/entries/273.p/112");
    }

    @Test
    void aTreeOfSize70000HasTheTilesTheSpecificationNames() {
        TreeSize size = TreeSize.of(70_000);
        assertThat(Tile.hashesContaining(0, 69_999, size).path()).isEqualTo("tile/0/273.p/112");
        assertThat(Tile.hashesContaining(0, 0, size).path()).isEqualTo("tile/0/000");
        assertThat(Tile.hashesContaining(1, 272, size).path()).isEqualTo("tile/1/001.p/17");
        assertThat(Tile.hashesContaining(2, 0, size).path()).isEqualTo("tile/2/000.p/1");
        assertThat(Tile.entriesContaining(69_999, size).path()).isEqualTo("tile/entries/273.p/112");
    }

    @Test
    void aTreeOfSize256HasAPartialLevelOneTile() {
        assertThat(Tile.hashesContaining(1, 0, TreeSize.of(256)).path()).isEqualTo("tile/1/000.p/1");
    }

    @Test
    void noTileForAHashOutsideTheTree() {
        assertThatThrownBy(() -> Tile.hashesContaining(0, 10, TreeSize.of(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tile.hashesContaining(1, 0, TreeSize.of(255))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tile.entriesContaining(-1, TreeSize.of(10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void illegalTilesCannotBeBuilt() {
        assertThatThrownBy(() -> new Tile.Hashes(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile.Hashes(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile.Hashes(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile.Entries(0, 257)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tile", "tile/", "tile/0", "tile/0/", "tiles/0/000", "tile/00/000", "tile/64/000", "tile/-1/000",
        "tile/0/00", "tile/0/0000", "tile/0/x000/001", "tile/0/001/002", "tile/0/x1/002", "tile/0/000.p/0",
        "tile/0/000.p/256", "tile/0/000.p/01", "tile/0/000.p/", "tile/0/000.p", "tile/0/abc", "tile/entries/",
        "tile/entries/000.p/300", "/tile/0/000", "tile/0/000/", "tile/0/x001/x002/x003/x004/x005/x006/x007/000",
        "tile/0/x999/x999/x999/x999/x999/x999/999"
    })
    void malformedPathsAreRefused(String path) {
        assertThat(Tile.parse(path)).isInstanceOf(Parsed.Malformed.class);
    }

    @Property(tries = 500)
    void everyTilePathParsesBackToItsTile(@ForAll("tiles") Tile tile) {
        assertThat(Tile.parse(tile.path())).isEqualTo(Parsed.ok(tile));
    }

    @Property(tries = 2000)
    void parsingArbitraryTextNeverThrows(@ForAll("pathLike") String text) {
        Parsed<Tile> parsed = Tile.parse(text);
        if (parsed instanceof Parsed.Ok<Tile> ok) {
            assertThat(ok.value().path()).isEqualTo(text);
        }
    }

    @Property(tries = 300)
    void entryBundlesRoundTrip(@ForAll @IntRange(min = 1, max = 256) int width, @ForAll @LongRange(min = 0, max = 10) long seed) {
        java.util.Random random = new java.util.Random(seed);
        java.util.List<byte[]> entries = new java.util.ArrayList<>();
        for (int i = 0; i < width; i++) {
            byte[] entry = new byte[random.nextInt(300)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        Tile.Entries tile = new Tile.Entries(seed, width);
        assertThat(tile.decode(Tile.Entries.encode(entries)).orElseThrow()).containsExactlyElementsOf(entries);
    }

    @Test
    void aBundleWithTooFewOrTooManyEntriesOrTruncatedIsMalformed() {
        byte[] two = Tile.Entries.encode(java.util.List.of(new byte[] {1}, new byte[] {2, 3}));
        assertThat(new Tile.Entries(0, 3).decode(two)).isInstanceOf(Parsed.Malformed.class);
        assertThat(new Tile.Entries(0, 1).decode(two)).isInstanceOf(Parsed.Malformed.class);
        assertThat(new Tile.Entries(0, 2).decode(java.util.Arrays.copyOf(two, two.length - 1))).isInstanceOf(Parsed.Malformed.class);
        assertThat(new Tile.Entries(0, 2).decode(java.util.Arrays.copyOf(two, two.length + 1))).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void anEntryOver65535BytesCannotBeBundled() {
        assertThatThrownBy(() -> Tile.Entries.encode(java.util.List.of(new byte[65_536]))).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Tile> tiles() {
        Arbitrary<Long> index = Arbitraries.oneOf(Arbitraries.longs().between(0, 2000), Arbitraries.longs().between(0, Long.MAX_VALUE));
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 256);
        Arbitrary<Tile> hashes = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 63), index, width)
                .as(Tile.Hashes::new);
        Arbitrary<Tile> entries = net.jqwik.api.Combinators.combine(index, width).as(Tile.Entries::new);
        return Arbitraries.oneOf(hashes, entries);
    }

    @Provide
    Arbitrary<String> pathLike() {
        Arbitrary<String> pieces = Arbitraries.of("tile/", "entries/", "0/", "1/", "63/", "64/", "x001/", "x000/", "000", "123",
                "999", ".p/", "1", "255", "256", "/", "x", "0", "07");
        Arbitrary<String> composed = pieces.list().ofMaxSize(8).map(l -> String.join("", l));
        return Arbitraries.oneOf(composed, Arbitraries.strings().ofMaxLength(40));
    }
}
