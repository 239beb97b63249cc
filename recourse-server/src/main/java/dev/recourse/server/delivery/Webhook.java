package dev.recourse.server.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Sends deliveries to a platform's endpoint as Standard Webhooks: an HTTP POST of the body with the headers
 * {@code webhook-id} (the delivery's id, the same on every attempt), {@code webhook-timestamp} (the attempt's time in
 * Unix seconds) and {@code webhook-signature}. Any 2xx answer accepts it; anything else, or no answer within the
 * timeout, is a failure, tried again later.
 */
final class Webhook implements Transport {
    /** How long an endpoint has to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;
    private final URI url;
    private final WebhookSecret secret;
    private final InstantSource clock;

    /** Sends to {@code url}, signed with {@code secret}, stamped by {@code clock}. */
    Webhook(HttpClient client, URI url, WebhookSecret secret, InstantSource clock) {
        this.client = client;
        this.url = url;
        this.secret = secret;
        this.clock = clock;
    }

    /** A client for webhooks: HTTP/1.1, no redirects followed (a signed request is not resent elsewhere). */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Sent send(Deliveries.Claimed delivery) throws InterruptedException {
        String id = delivery.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = delivery.body();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Recourse")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", secret.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Sent(status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException e) {
            return new Sent(false, "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
