package dev.recourse.server.http;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.store.database.Database;
import dev.recourse.store.database.TestDatabases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's plumbing on a real, fresh database: the key register, idempotency, the rate limit and the problem
 * mapping, serving the given routes on a free port of 127.0.0.1; with a key for every role.
 */
final class Plumbing implements AutoCloseable {
    final Database database;
    final TestClock clock = new TestClock();
    final ApiKeys keys;
    final Idempotency idempotency;
    final ApiServer server;
    final Client client;
    final Map<ApiRole, String> keyFor = new EnumMap<>(ApiRole.class);

    interface RoutesFor {
        List<Route> routes(ApiKeys keys);
    }

    Plumbing(HttpSettings settings, RoutesFor routes) {
        database = TestDatabases.fresh();
        SecureRandom random = new SecureRandom();
        keys = new ApiKeys(database.dataSource(), clock, random);
        idempotency = new Idempotency(database.dataSource(), clock, Duration.ofMinutes(1));
        try {
            for (ApiRole role : ApiRole.values()) {
                keyFor.put(role, keys.make(new Pseudonym("test-" + role.apiName().replace('_', '-')), role, Optional.empty())
                        .key().reveal());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        server = ApiServer.start(settings, routes.routes(keys), keys, idempotency,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock, random);
        client = new Client(server.url());
    }

    /** The key-register routes and {@code more}. */
    static RoutesFor keysAnd(Route... more) {
        return keys -> {
            List<Route> all = new ArrayList<>(new Routes(new Keys(keys)).all());
            all.addAll(List.of(more));
            return all;
        };
    }

    @Override
    public void close() {
        server.close();
        try {
            database.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
