package dev.recourse.server.http;

import dev.recourse.server.http.auth.ApiRole;
import java.util.EnumSet;
import java.util.Set;

/** Who may call an endpoint. */
public sealed interface Access {
    /** Anyone, without a key: the public log, health, the API's description. */
    record Anyone() implements Access {}

    /** Holders of a key in one of these roles, at least one. */
    record Roles(Set<ApiRole> roles) implements Access {
        public Roles {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("an endpoint admits at least one role; use Anyone for public ones");
            }
            roles = Set.copyOf(EnumSet.copyOf(roles));
        }
    }

    /** No key needed. */
    static Access anyone() {
        return new Anyone();
    }

    /** A key in one of {@code roles}. */
    static Access roles(ApiRole first, ApiRole... more) {
        return new Roles(EnumSet.of(first, more));
    }

    /** Whether a caller in {@code role} may call; for {@link Anyone}, everyone may. */
    default boolean admits(ApiRole role) {
        return switch (this) {
            case Anyone ignored -> true;
            case Roles r -> r.roles().contains(role);
        };
    }
}
