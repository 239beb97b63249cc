package dev.recourse.server.http.auth;

import dev.recourse.core.decider.Pseudonym;
import java.util.UUID;

/**
 * Who is calling: the holder of an API key that is known and not revoked.
 *
 * @param keyId the key's id (not the key)
 * @param name the holder's name: a person's pseudonym, a platform's or a tool's name
 * @param role what the key admits
 */
public record Principal(UUID keyId, Pseudonym name, ApiRole role) {}
