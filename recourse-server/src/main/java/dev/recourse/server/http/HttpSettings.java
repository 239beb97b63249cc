package dev.recourse.server.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the API is served.
 *
 * @param host the address to listen on; {@code 127.0.0.1} unless it is put behind a proxy on purpose
 * @param port the port, 0 to 65535; 0 picks a free one
 * @param maxRequestBytes the largest request body taken, 1 KiB to 64 MiB; larger ones are answered 413
 * @param ratePerSecond requests a second each API key may make (and each address without a valid key), at least 0;
 *     0 turns the limit off
 * @param rateBurst how many requests a key may make at once before the rate applies, at least 1
 * @param publicUrl where people reach this service ({@code public-url}), without a trailing slash, if not where it
 *     listens: what people's pages tell them to use, never the request's {@code Host}, which the caller chooses
 * @param rateLimits where the rate limit's budgets are kept: in this node's memory, or in the database, shared by
 *     every node on it
 */
public record HttpSettings(String host, int port, int maxRequestBytes, double ratePerSecond, int rateBurst,
        Optional<URI> publicUrl, RateLimits rateLimits) {
    /** Where the rate limit's budgets are kept. */
    public enum RateLimits {
        /** In each node's memory: cheapest; N nodes allow N times the rate. */
        MEMORY,
        /** In the database, one row per caller: every node on the database shares one budget. */
        DATABASE;

        /** Its name in settings: {@code memory}, {@code database}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }


    /** The default {@link #host}: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default {@link #port}. */
    public static final int DEFAULT_PORT = 8080;
    /** The default {@link #maxRequestBytes}: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** The default {@link #ratePerSecond}. */
    public static final double DEFAULT_RATE_PER_SECOND = 200;
    /** The default {@link #rateBurst}. */
    public static final int DEFAULT_RATE_BURST = 400;

    public HttpSettings {
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host to listen on is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port is 0 to 65535, not " + port);
        }
        if (maxRequestBytes < 1024 || maxRequestBytes > 64 << 20) {
            throw new IllegalArgumentException("the largest request body is 1 KiB to 64 MiB, not " + maxRequestBytes + " bytes");
        }
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate limit is at least 0 requests a second, not " + ratePerSecond);
        }
        if (rateBurst < 1) {
            throw new IllegalArgumentException("the rate burst is at least 1, not " + rateBurst);
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (publicUrl.map(URI::toString).filter(u -> u.endsWith("/")).isPresent()) {
            throw new IllegalArgumentException("the public URL has no trailing slash: " + publicUrl.get());
        }
    }

    /** Served where it listens ({@code public-url} not set), the rate limit in this node's memory. */
    public HttpSettings(String host, int port, int maxRequestBytes, double ratePerSecond, int rateBurst) {
        this(host, port, maxRequestBytes, ratePerSecond, rateBurst, Optional.empty(), RateLimits.MEMORY);
    }

    /** These settings, reached by people at {@code url}. */
    public HttpSettings withPublicUrl(URI url) {
        return new HttpSettings(host, port, maxRequestBytes, ratePerSecond, rateBurst, Optional.of(url), rateLimits);
    }

    /** These settings, with the rate limit's budgets kept in {@code where}. */
    public HttpSettings withRateLimits(RateLimits where) {
        return new HttpSettings(host, port, maxRequestBytes, ratePerSecond, rateBurst, publicUrl, where);
    }

    /** The defaults, on {@code port}. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(DEFAULT_HOST, port, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_BURST);
    }
}
