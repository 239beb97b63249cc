package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdTest {
    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void ofComputesTheVectorKeyId(KeyVector vector) {
        // The base64 may hold '+' too: it is what follows name+keyid+.
        String typedKey = vector.verifierKey().substring(vector.origin().length() + 10);
        byte[] typed = Base64.getDecoder().decode(typedKey);

        KeyId id = KeyId.of(vector.origin(), typed[0], Arrays.copyOfRange(typed, 1, typed.length));

        assertThat(id.toHex()).isEqualTo(vector.keyId());
    }

    @Test
    void theTypeByteChangesTheKeyId() {
        byte[] key = TestKeys.seed(7);

        assertThat(KeyId.of("example.com/k", (byte) 0x01, key)).isNotEqualTo(KeyId.of("example.com/k", (byte) 0x04, key));
    }

    @Test
    void toHexHasEightLowercaseDigitsWithLeadingZeros() {
        assertThat(new KeyId(0xabc).toHex()).isEqualTo("00000abc");
        assertThat(new KeyId(0xCAFEF00D).toHex()).isEqualTo("cafef00d");
    }

    @Test
    void fromHexReadsWhatToHexWrites() {
        KeyId id = new KeyId(0x80000001);

        assertThat(KeyId.fromHex(id.toHex())).isEqualTo(Parsed.ok(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "CAFEF00D", "cafef00g", "+1234567", "-1234567", " 1234567"})
    void fromHexRejectsAnythingButEightLowercaseHexDigits(String hex) {
        assertThat(KeyId.fromHex(hex)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void writeAndReadAreBigEndian() {
        byte[] bytes = new byte[6];

        new KeyId(0x01020304).write(bytes, 1);

        assertThat(bytes).containsExactly(0, 1, 2, 3, 4, 0);
        assertThat(KeyId.read(bytes, 1)).isEqualTo(new KeyId(0x01020304));
    }
}
