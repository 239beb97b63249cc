package dev.recourse.server.http.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What the holder of an API key may do. Each key has one role; each endpoint names the roles it admits
 * ({@code dev.recourse.server.http.Routes}).
 */
public enum ApiRole {
    /** The platform's integration: sends notices and content events, files appeals for its users. */
    PLATFORM,
    /** Decides cases from the queue. */
    MODERATOR,
    /** Decides and approves high-impact cases. */
    SENIOR_MODERATOR,
    /** Decides appeals (internal complaints) it took no part in. */
    APPEAL_REVIEWER,
    /** Writes and publishes policies. */
    POLICY_AUTHOR,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Manages API keys and the service. */
    ADMIN;

    /** The role's name in the API and the database: {@code senior_moderator}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code apiName}, if there is one. */
    public static Optional<ApiRole> named(String apiName) {
        for (ApiRole role : values()) {
            if (role.apiName().equals(apiName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return apiName();
    }
}
