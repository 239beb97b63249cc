package dev.recourse.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** The API's own measurements: how long each route takes to answer, by method, route and status. */
final class ApiMetrics {
    /** The route tag of requests that matched no route. */
    static final String UNMATCHED = "unmatched";

    /** What a timer is kept by: few of them (routes × methods × statuses answered), so all are kept. */
    private record Measured(String method, String route, int status) {}

    private final MeterRegistry registry;
    /** The timers found so far: registering one per request built its id and tags each time. */
    private final ConcurrentHashMap<Measured, Timer> timers = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one request to {@code route} (its declared path) answered with {@code status} after {@code took}. */
    void answered(String method, String route, int status, Duration took) {
        timers.computeIfAbsent(new Measured(method, route, status), m -> Timer.builder("http.server.requests")
                .description("HTTP requests, by method, route and status")
                .tag("method", m.method())
                .tag("route", m.route())
                .tag("status", Integer.toString(m.status()))
                .register(registry)).record(took);
    }
}
