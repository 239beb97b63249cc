package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    private static final String BODY = "example.com/behind-the-sofa\n20852163\n" + ROOT + "\n";

    @Test
    void parsesTheSpecificationExample() {
        Checkpoint checkpoint = Checkpoint.parse(BODY).orElseThrow();

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(TreeSize.of(20852163));
        assertThat(checkpoint.root()).isEqualTo(Hash.fromBase64(ROOT));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(BODY);
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void parsesTheVectorCheckpointBody(KeyVector vector) {
        Checkpoint checkpoint = Checkpoint.parse(vector.body()).orElseThrow();

        assertThat(checkpoint.origin()).isEqualTo(vector.origin());
        assertThat(checkpoint.size()).isEqualTo(TreeSize.of(vector.treeSize()));
        assertThat(checkpoint.body()).isEqualTo(vector.body());
    }

    @Test
    void keepsExtensionLinesInOrder() {
        String body = BODY + "first extension\nsecond\n";

        Checkpoint checkpoint = Checkpoint.parse(body).orElseThrow();

        assertThat(checkpoint.extensions()).containsExactly("first extension", "second");
        assertThat(checkpoint.body()).isEqualTo(body);
    }

    @Test
    void acceptsTheEmptyTreeAndTheLargestSize() {
        assertThat(Checkpoint.parse("log\n0\n" + ROOT + "\n").orElseThrow().size()).isEqualTo(TreeSize.ZERO);
        assertThat(Checkpoint.parse("log\n9223372036854775807\n" + ROOT + "\n").orElseThrow().size())
                .isEqualTo(TreeSize.of(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "+1", "-1", " 1", "1 ", "1.0", "0x10", "", "9223372036854775808",
        "99999999999999999999", "\u0661", "1e3"})
    void rejectsATreeSizeThatIsNotPlainDecimal(String size) {
        assertThat(Checkpoint.parse("log\n" + size + "\n" + ROOT + "\n")).isInstanceOf(Parsed.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I", "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=",
        "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=AAAA", "AAAA", "", " CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
        "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"})
    void rejectsARootThatIsNotCanonicalBase64OfThirtyTwoBytes(String root) {
        assertThat(Checkpoint.parse("log\n1\n" + root + "\n")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsABodyWithoutTheFinalNewline() {
        assertThat(Checkpoint.parse(BODY.strip())).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsFewerThanThreeLines() {
        assertThat(Checkpoint.parse("log\n1\n")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Checkpoint.parse("\n")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Checkpoint.parse("")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAnEmptyOrigin() {
        assertThat(Checkpoint.parse("\n1\n" + ROOT + "\n")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAnEmptyExtensionLine() {
        assertThat(Checkpoint.parse(BODY + "\n")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Checkpoint.parse(BODY + "ext\n\n")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Checkpoint.parse(BODY + "\next\n")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(Checkpoint.parse("log\r\n1\n" + ROOT + "\n")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Checkpoint.parse(BODY + "a\tb\n")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void constructorRejectsAnEmptyOrigin() {
        assertThatThrownBy(() -> new Checkpoint("", TreeSize.ZERO, Hash.fromBase64(ROOT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsAnOriginWithANewline() {
        assertThatThrownBy(() -> new Checkpoint("log\n1", TreeSize.ZERO, Hash.fromBase64(ROOT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsAnEmptyExtensionLine() {
        assertThatThrownBy(() -> new Checkpoint("log", TreeSize.ZERO, Hash.fromBase64(ROOT), List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsAnExtensionLineWithANewline() {
        assertThatThrownBy(() -> new Checkpoint("log", TreeSize.ZERO, Hash.fromBase64(ROOT), List.of("a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsOtherControlCharacters() {
        assertThatThrownBy(() -> new Checkpoint("log\u0000", TreeSize.ZERO, Hash.fromBase64(ROOT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
