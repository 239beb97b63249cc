package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.http.auth.ApiKey;
import dev.recourse.server.http.auth.ApiRole;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint, called with every role, with no key and with an unknown key: admitted exactly as declared. */
class AccessTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    /** Who calls: a role's key, no key, or a key the server does not know. */
    private record Caller(String name, Optional<ApiRole> role, Optional<String> key) {}

    private static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("no key", Optional.empty(), Optional.empty()));
        callers.add(new Caller("an unknown key", Optional.empty(), Optional.of(ApiKey.generate(new SecureRandom()).reveal())));
        for (ApiRole role : ApiRole.values()) {
            callers.add(new Caller(role.apiName(), Optional.of(role), Optional.of(api.key(role))));
        }
        return callers;
    }

    /** {@code route}'s path with a value for each parameter. */
    private static String example(Route route) {
        return route.path()
                .replace("{id}", UUID.randomUUID().toString())
                .replace("{kind}", "account")
                .replace("{position}", "0")
                .replace("{rule}", "some-rule@1")
                .replace("{slug}", ProblemType.REJECTED.slug())
                .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .replace("<path>", "0/000")
                .replace("<file>", "swagger-ui.css");
    }

    @Test
    void everyEndpointAdmitsExactlyTheRolesItDeclares() {
        List<String> wrong = new ArrayList<>();
        for (Route route : api.routes()) {
            for (Caller caller : callers()) {
                Client.Request request = api.client().method(route.method().name(), example(route));
                caller.key().ifPresent(request::key);
                if (route.isWrite()) {
                    request.idempotencyKey(UUID.randomUUID().toString());
                }
                if (route.body().isPresent()) {
                    request.json("{}");
                }
                int status = request.send().status();
                int expected = switch (route.access()) {
                    case Access.Anyone ignored -> 0;
                    case Access.Roles roles -> caller.role().isEmpty() ? 401 : roles.admits(caller.role().get()) ? 0 : 403;
                };
                boolean holds = expected == 0 ? status != 401 && status != 403 : status == expected;
                if (!holds) {
                    wrong.add(route.method() + " " + route.path() + " with " + caller.name() + ": " + status
                            + (expected == 0 ? ", expected admitted" : ", expected " + expected));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyWriteAdmitsRolesOnlyButPublicForms() {
        assertThat(api.routes()).filteredOn(Route::isWrite).allSatisfy(r -> assertThat(r.access()).isInstanceOf(Access.Roles.class));
        assertThat(api.routes()).filteredOn(Route::isForm)
                .allSatisfy(r -> assertThat(r.path()).matches("/(notice|notifier)/\\{token}/appeal|/portal/verify"));
    }
}
