package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every write route says when it claims its Idempotency-Key, and this list is where that choice is checked: a new
 * write fails here until it is sorted. Only a write that changes nothing but through one command of the core
 * ({@link Commands#carryOut}) may claim its key with its events ({@link Route.Claiming#WITH_EVENTS}); the others claim
 * it before they act.
 */
class RouteClaimingTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    /** Each write route, as "METHOD path", and when it claims its key. */
    private static final Map<String, Route.Claiming> SORTED = Map.ofEntries(
            // One command through the core: the events' transaction claims the key.
            Map.entry("POST /v1/notices", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/authority-requests", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/decisions", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/decisions/{id}/reversal", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/appeals", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/subjects", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/detections", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/proposals/{id}/approve", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/proposals/{id}/decline", Route.Claiming.WITH_EVENTS),
            Map.entry("POST /v1/breakers/{rule}/reset", Route.Claiming.WITH_EVENTS),
            // Batches: many commands, each item answered on its own under the batch's claim.
            Map.entry("POST /v1/events", Route.Claiming.BEFORE),
            Map.entry("POST /v1/detections:batch", Route.Claiming.BEFORE),
            Map.entry("POST /v1/notices:batch", Route.Claiming.BEFORE),
            // Act outside the core's events: appeal claims, recalls in the background, policies, keys, deliveries.
            Map.entry("POST /v1/appeals/{id}/claim", Route.Claiming.BEFORE),
            Map.entry("POST /v1/appeals/{id}/decision", Route.Claiming.BEFORE),
            Map.entry("POST /v1/recalls", Route.Claiming.BEFORE),
            Map.entry("POST /v1/policies", Route.Claiming.BEFORE),
            Map.entry("POST /v1/api-keys", Route.Claiming.BEFORE),
            Map.entry("POST /v1/api-keys/{id}/revoke", Route.Claiming.BEFORE),
            Map.entry("POST /v1/actions/{id}/ack", Route.Claiming.BEFORE),
            Map.entry("POST /v1/dead-letters/{id}/replay", Route.Claiming.BEFORE),
            Map.entry("POST /v1/dead-letters/replay", Route.Claiming.BEFORE));

    @Test
    void everyWriteRouteIsSortedByWhenItClaimsItsKey() {
        Map<String, Route.Claiming> routes = new TreeMap<>();
        for (Route route : api.routes()) {
            if (route.isWrite()) {
                routes.put(route.method() + " " + route.path(), route.claiming());
            }
        }

        assertThat(routes).isEqualTo(new TreeMap<>(SORTED));
    }
}
