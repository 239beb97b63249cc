package dev.recourse.server.delivery;

import java.net.URI;

/**
 * A platform's webhook endpoint: where deliveries are posted, and the secret that signs them.
 *
 * @param url an http or https URL
 * @param secret the shared signing secret
 */
public record Endpoint(URI url, WebhookSecret secret) {
    public Endpoint {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("a webhook endpoint is an http or https URL, not " + url);
        }
    }
}
