package dev.recourse.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The API's own measurements: how long each route takes to answer, by method, route and status. */
final class ApiMetrics {
    /** The route tag of requests that matched no route. */
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one request to {@code route} (its declared path) answered with {@code status} after {@code took}. */
    void answered(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests")
                .description("HTTP requests, by method, route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(took);
    }
}
