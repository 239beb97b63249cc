package dev.recourse.tlog.note;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text form of a note key, {@code name+hex8(keyID)+base64(type || key material)}, as Go's
 * golang.org/x/mod/sumdb/note and c2sp.org/signed-note spell verifier keys; signer keys carry the
 * prefix {@code PRIVATE+KEY+} and the seed as key material.
 *
 * <p>Parsing checks the syntax only; whether the key ID matches the key is for the caller, who knows
 * which public key the material stands for.
 */
record KeyString(String name, KeyId keyId, byte type, byte[] material) {
    /** The prefix of signer (private) key strings. */
    static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    KeyString {
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** Parses {@code name+keyid+base64}, strictly. */
    static Parsed<KeyString> parse(String text) {
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        if (second < 0) {
            return Parsed.malformed("a key string is name+keyid+base64(type||key), found no two '+'");
        }
        String name = text.substring(0, first);
        var badName = Syntax.invalidKeyName(name);
        if (badName.isPresent()) {
            return Parsed.malformed(badName.get());
        }
        return switch (KeyId.fromHex(text.substring(first + 1, second))) {
            case Parsed.Malformed<KeyId> m -> Parsed.malformed(m.reason());
            case Parsed.Ok<KeyId>(KeyId keyId) -> switch (Canonical.parseBase64(text.substring(second + 1))) {
                case Parsed.Malformed<byte[]> m -> Parsed.malformed("key: " + m.reason());
                case Parsed.Ok<byte[]>(byte[] key) -> key.length < 2
                        ? Parsed.malformed("a key is a type byte and key material, found " + key.length + " bytes")
                        : Parsed.ok(new KeyString(name, keyId, key[0], Arrays.copyOfRange(key, 1, key.length)));
            };
        };
    }

    /** Parses {@code PRIVATE+KEY+name+keyid+base64}, strictly. */
    static Parsed<KeyString> parsePrivate(String text) {
        if (!text.startsWith(PRIVATE_PREFIX)) {
            return Parsed.malformed("a signer key starts with " + PRIVATE_PREFIX);
        }
        return parse(text.substring(PRIVATE_PREFIX.length()));
    }

    /** Why the key ID does not belong to {@code publicKey} under this name and type, if it does not. */
    Optional<String> mismatch(byte[] publicKey) {
        KeyId expected = KeyId.of(name, type, publicKey);
        return expected.equals(keyId)
                ? Optional.empty()
                : Optional.of("key ID " + keyId.toHex() + " does not match the key, whose ID is " + expected.toHex());
    }

    /** The text form {@code name+keyid+base64(type || material)}. */
    String text() {
        byte[] typed = new byte[1 + material.length];
        typed[0] = type;
        System.arraycopy(material, 0, typed, 1, material.length);
        return name + "+" + keyId.toHex() + "+" + Canonical.base64(typed);
    }

    @Override
    public String toString() {
        // Material may be a private seed: never print it.
        return name + "+" + keyId.toHex() + " (type 0x%02x)".formatted(type);
    }
}
