package dev.recourse.server.http;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.page.PageLinks;
import dev.recourse.server.page.Pages;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole API on a real store (a fresh database of the test server, a log in a temporary directory), served on a
 * free port of 127.0.0.1, with a key for every role, and any further routes a test adds.
 */
final class TestApi implements AutoCloseable {
    final Path data;
    final RecourseStore store;
    final ApiKeys keys;
    final Idempotency idempotency;
    final List<Route> routes;
    final ApiServer server;
    final Client client;
    final Map<ApiRole, String> keyFor = new EnumMap<>(ApiRole.class);
    final PageLinks links;

    TestApi(HttpSettings settings, InstantSource clock, Route... more) {
        SecureRandom random = new SecureRandom();
        try {
            data = Files.createTempDirectory("recourse-api-test");
            store = RecourseStore.open(TestCases.settings(data), clock, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys = new ApiKeys(store.dataSource(), clock, random);
        idempotency = new Idempotency(store, clock, Service.ABANDONED_AFTER);
        try {
            for (ApiRole role : ApiRole.values()) {
                keyFor.put(role, keys.make(new Pseudonym("test-" + role.apiName().replace('_', '-')), role, Optional.empty())
                        .key().reveal());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PrometheusMeterRegistry registry = Metrics.registry();
        Metrics.measureLedger(registry, store.log()::progress);
        links = new PageLinks(URI.create("http://127.0.0.1"), new byte[32]);
        RateLimit rateLimit = RateLimit.of(settings, store.dataSource(), clock);
        Pages pages = Service.pages(settings, store, links, rateLimit, clock, random);
        List<Route> all = new ArrayList<>(Service.routes(store, keys, links, pages, clock, registry, "test").all());
        all.addAll(List.of(more));
        routes = List.copyOf(all);
        server = ApiServer.start(settings, routes, keys, idempotency, rateLimit, registry, clock, random);
        client = new Client(server.url());
    }

    /** The API with the default settings on a free port and the system clock. */
    TestApi(Route... more) {
        this(HttpSettings.onPort(0), InstantSource.system(), more);
    }

    /** A request with the key of {@code role}. */
    String key(ApiRole role) {
        return keyFor.get(role);
    }

    /** How many events the store holds. */
    long events() {
        return store.events().readAll(0, 100_000).size();
    }

    @Override
    public void close() {
        server.close();
        try {
            TestCases.close(store);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
