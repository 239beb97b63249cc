package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.security.SecureRandom;

/** A named Ed25519 key pair for one signature type, with the key ID and key strings that go with it. */
final class SigningKey {
    private final String name;
    private final byte type;
    private final Ed25519KeyPair pair;
    private final KeyId keyId;

    private SigningKey(String name, byte type, Ed25519KeyPair pair) {
        Syntax.require(Syntax.invalidKeyName(name));
        this.name = name;
        this.type = type;
        this.pair = pair;
        this.keyId = KeyId.of(name, type, pair.publicKey().encoded());
    }

    static SigningKey generate(String name, byte type, SecureRandom random) {
        return new SigningKey(name, type, Ed25519KeyPair.generate(random));
    }

    static SigningKey fromSeed(String name, byte type, byte[] seed) {
        return new SigningKey(name, type, Ed25519KeyPair.fromSeed(seed));
    }

    /** Parses a {@code PRIVATE+KEY+name+keyid+base64(type || seed)} string of the given type, strictly. */
    static Parsed<SigningKey> parse(String signerKey, byte type) {
        return switch (KeyString.parsePrivate(signerKey)) {
            case Parsed.Malformed<KeyString> m -> Parsed.malformed(m.reason());
            case Parsed.Ok<KeyString>(KeyString key) -> {
                if (key.type() != type) {
                    yield Parsed.malformed("signature type 0x%02x, expected 0x%02x".formatted(key.type(), type));
                }
                byte[] seed = key.material();
                if (seed.length != Ed25519KeyPair.SEED_SIZE) {
                    yield Parsed.malformed("an Ed25519 seed is 32 bytes, not " + seed.length);
                }
                SigningKey signing = fromSeed(key.name(), type, seed);
                yield key.mismatch(signing.pair.publicKey().encoded())
                        .<Parsed<SigningKey>>map(Parsed::malformed)
                        .orElseGet(() -> Parsed.ok(signing));
            }
        };
    }

    String name() {
        return name;
    }

    KeyId keyId() {
        return keyId;
    }

    Ed25519KeyPair pair() {
        return pair;
    }

    /** {@code PRIVATE+KEY+name+keyid+base64(type || seed)}: a secret. */
    String signerKey() {
        return KeyString.PRIVATE_PREFIX + new KeyString(name, keyId, type, pair.seed()).text();
    }

    /** {@code name+keyid+base64(type || public key)}: what verifiers are configured with. */
    String verifierKey() {
        return new KeyString(name, keyId, type, pair.publicKey().encoded()).text();
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
