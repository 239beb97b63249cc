package dev.recourse.server.http.auth;

import dev.recourse.core.decider.Pseudonym;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An API key as the register knows it: everything but the key itself.
 *
 * @param id the key's id
 * @param name who holds it
 * @param role what it admits
 * @param createdAt when it was made
 * @param createdBy the key of the admin who made it; empty for the first admin key
 * @param revokedAt when it was revoked; empty while it is valid
 */
public record IssuedKey(UUID id, Pseudonym name, ApiRole role, Instant createdAt, Optional<UUID> createdBy,
        Optional<Instant> revokedAt) {
    /** The caller this key authenticates. */
    public Principal principal() {
        return new Principal(id, name, role);
    }
}
