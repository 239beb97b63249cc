package dev.recourse.tlog.note;

import dev.recourse.tlog.Canonical;
import java.util.Arrays;

/**
 * One signature of a signed note: the key name, the key ID and the signature bytes, as in the line
 * {@code — <name> base64(keyID || signature)} (c2sp.org/signed-note).
 *
 * @param name a valid key name (non-empty, no plus sign, no Unicode space, no control character)
 * @param keyId the key ID
 * @param signature the signature without the key ID, at least one byte; copied in and out
 */
public record NoteSignature(String name, KeyId keyId, byte[] signature) {
    /** What starts every signature line: an em dash and a space. */
    static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        Syntax.require(Syntax.invalidKeyName(name));
        if (signature.length == 0) {
            throw new IllegalArgumentException("a signature has at least one byte");
        }
        signature = signature.clone();
    }

    /** A copy of the signature bytes, without the key ID. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature line, {@code — <name> base64(keyID || signature)} and a newline. */
    public String line() {
        byte[] bytes = new byte[KeyId.SIZE + signature.length];
        keyId.write(bytes, 0);
        System.arraycopy(signature, 0, bytes, KeyId.SIZE, signature.length);
        return LINE_PREFIX + name + " " + Canonical.base64(bytes) + "\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature s
                && name.equals(s.name) && keyId.equals(s.keyId) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + keyId.hashCode()) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
