package dev.recourse.server.http;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.json.Json;
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
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole API on a real store (a fresh database of the test server, a log in a temporary directory), served on a
 * free port of 127.0.0.1, with a key for every role, and any further routes a test adds.
 *
 * <p>A test class declares it in one line as a JUnit extension: on a static field
 * ({@code @RegisterExtension static final TestApi api = new TestApi();}) one API serves the whole class, started
 * before its {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods; on an instance field each
 * test gets its own, started before its {@code @BeforeEach} methods and closed after its {@code @AfterEach} methods.
 * A test that wants one for itself only starts it: {@code try (TestApi api = new TestApi(...).start()) {...}}.
 * Constructing one starts nothing; what it serves MUST NOT be asked for before it is started.
 */
final class TestApi implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final HttpSettings settings;
    private final InstantSource clock;
    private final List<Route> more;
    private Running running;
    /** Whether {@link #beforeEach} started it, so that {@link #afterEach} closes it (an instance field's API). */
    private boolean perTest;

    /** What a started API holds. */
    private record Running(Path data, RecourseStore store, ApiKeys keys, Idempotency idempotency, List<Route> routes,
            ApiServer server, Client client, Map<ApiRole, String> keyFor, PageLinks links) {}

    TestApi(HttpSettings settings, InstantSource clock, Route... more) {
        this.settings = settings;
        this.clock = clock;
        this.more = List.of(more);
    }

    /** The API with the default settings on a free port and the system clock. */
    TestApi(Route... more) {
        this(HttpSettings.onPort(0), InstantSource.system(), more);
    }

    /** Starts the store and the server; returns this API. */
    TestApi start() {
        if (running != null) {
            throw new IllegalStateException("the test API is already started");
        }
        SecureRandom random = new SecureRandom();
        Path data;
        RecourseStore store;
        try {
            data = Files.createTempDirectory("recourse-api-test");
            store = RecourseStore.open(TestCases.settings(data), clock, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiKeys keys = new ApiKeys(store.dataSource(), clock, random);
        Idempotency idempotency = new Idempotency(store, clock, Service.ABANDONED_AFTER);
        Map<ApiRole, String> keyFor = new EnumMap<>(ApiRole.class);
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
        PageLinks links = new PageLinks(URI.create("http://127.0.0.1"), new byte[32]);
        RateLimit rateLimit = RateLimit.of(settings, store.dataSource(), clock);
        Pages pages = Service.pages(settings, store, links, rateLimit, clock, random);
        List<Route> all = new ArrayList<>(Service.routes(store, keys, links, pages, clock, registry, "test").all());
        all.addAll(more);
        List<Route> routes = List.copyOf(all);
        ApiServer server = ApiServer.start(settings, routes, keys, idempotency, rateLimit, registry, clock, random);
        running = new Running(data, store, keys, idempotency, routes, server, new Client(server.url()), Map.copyOf(keyFor),
                links);
        return this;
    }

    private Running running() {
        if (running == null) {
            throw new IllegalStateException("the test API is not started: register it with @RegisterExtension or start() it");
        }
        return running;
    }

    /** The temporary directory of the store's data and log. */
    Path data() {
        return running().data();
    }

    RecourseStore store() {
        return running().store();
    }

    ApiKeys keys() {
        return running().keys();
    }

    Idempotency idempotency() {
        return running().idempotency();
    }

    /** Every route served: the service's and the test's. */
    List<Route> routes() {
        return running().routes();
    }

    ApiServer server() {
        return running().server();
    }

    /** A client of the server. */
    Client client() {
        return running().client();
    }

    PageLinks links() {
        return running().links();
    }

    /** A request with the key of {@code role}. */
    String key(ApiRole role) {
        return running().keyFor().get(role);
    }

    /** A POST of {@code body} to {@code path} with the key of {@code role} and a new idempotency key. */
    Client.Reply post(ApiRole role, String path, Json body) {
        return write(role, path).json(body).send();
    }

    /** A POST of the JSON text {@code body} (which may be malformed) to {@code path}, as {@link #post(ApiRole, String, Json)}. */
    Client.Reply post(ApiRole role, String path, String body) {
        return write(role, path).json(body).send();
    }

    /** A POST with no body to {@code path} with the key of {@code role} and a new idempotency key. */
    Client.Reply post(ApiRole role, String path) {
        return write(role, path).send();
    }

    private Client.Request write(ApiRole role, String path) {
        return client().post(path).key(key(role)).idempotencyKey(UUID.randomUUID().toString());
    }

    /** A GET of {@code path} with the key of {@code role}. */
    Client.Reply get(ApiRole role, String path) {
        return client().get(path).key(key(role)).send();
    }

    /** How many events the store holds. */
    long events() {
        return store().events().readAll(0, 100_000).size();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // On a static field the API was started before all tests; on an instance field it starts for each.
        if (running == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        Running stopping = running();
        running = null;
        stopping.server().close();
        try {
            TestCases.close(stopping.store());
            // Its log's files: one directory per API, which every test run would otherwise leave behind.
            TestCases.deleteTree(stopping.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
