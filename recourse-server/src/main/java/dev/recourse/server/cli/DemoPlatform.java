package dev.recourse.server.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.server.delivery.WebhookSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The demo platform's webhook receiver: what a platform runs to take the actions and messages Recourse delivers, as
 * docs/webhooks.md asks. The JDK's HTTP server on a free port of 127.0.0.1; it refuses a request whose Standard
 * Webhooks signature does not verify (401), answers the others 204 at once, and then acknowledges each action it has
 * not seen before as applied ({@code POST /v1/actions/{id}/ack} with the platform's key), as a platform does once it
 * has put the action into effect. Messages are taken and dropped: the demo's people read their notice pages.
 */
final class DemoPlatform implements AutoCloseable {
    /** Where actions are posted. */
    static final String ACTIONS = "/recourse/actions";
    /** Where messages to people are posted. */
    static final String MESSAGES = "/recourse/messages";
    /** How far a webhook's timestamp may be from the receiver's clock (the scheme's advice). */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** An action as it was received and what the receiver made of it. */
    record Action(String id, String type, String subject, boolean acknowledged) {}

    /** Where and as whom the receiver acknowledges actions: known once the service runs. */
    private record Acknowledging(DemoClient client, String platformKey) {}

    private final WebhookSecret secret;
    private final InstantSource clock;
    private final HttpServer server;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final CompletableFuture<Acknowledging> acknowledging = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Action> actions = new ArrayList<>();
    private Optional<Exception> failure = Optional.empty();
    /** When an action last arrived or was acknowledged. */
    private Instant lastChange;

    private DemoPlatform(WebhookSecret secret, InstantSource clock) {
        this.secret = secret;
        this.clock = clock;
        this.lastChange = clock.instant();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.setExecutor(work);
        server.start();
    }

    /** A receiver with a fresh signing secret, listening from now on. */
    static DemoPlatform start(SecureRandom random, InstantSource clock) {
        return new DemoPlatform(WebhookSecret.generate(random), clock);
    }

    /** The settings that make the service deliver here: the webhook URLs and the shared secret. */
    Map<String, String> settings() {
        return Map.of("platform.webhook-url", url(ACTIONS).toString(), "platform.messages-url", url(MESSAGES).toString(),
                "platform.webhook-secret", secret.reveal());
    }

    /** The URL of {@code path} on this receiver. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** From now on, acknowledges actions through {@code client} with the platform's key; those received before too. */
    void acknowledgeWith(DemoClient client, String platformKey) {
        acknowledging.complete(new Acknowledging(client, platformKey));
    }

    /** The actions received so far, in the order they arrived. */
    List<Action> actions() {
        lock.lock();
        try {
            return List.copyOf(actions);
        } finally {
            lock.unlock();
        }
    }

    /** Whether every action received is acknowledged, and none arrived or was acknowledged for {@code quiet}. */
    boolean settled(Duration quiet) {
        lock.lock();
        try {
            return actions.stream().allMatch(Action::acknowledged) && !clock.instant().isBefore(lastChange.plus(quiet));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until something is received or acknowledged, or {@code most} passes.
     *
     * @throws Failures.Failed if an acknowledgement failed
     */
    void awaitChange(Duration most) throws InterruptedException {
        lock.lock();
        try {
            changed.await(most.toNanos(), TimeUnit.NANOSECONDS);
            if (failure.isPresent()) {
                throw new Failures.Failed("the demo platform could not acknowledge an action: " + failure.get().getMessage(),
                        failure.get());
            }
        } finally {
            lock.unlock();
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!"POST".equals(exchange.getRequestMethod()) || !(path.equals(ACTIONS) || path.equals(MESSAGES))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (id == null || timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")
                    || Math.abs(Long.parseLong(timestamp) - clock.instant().getEpochSecond()) > TOLERANCE.toSeconds()
                    || !secret.verifies(id, Long.parseLong(timestamp), body, signature)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Validation<Json> payload = Json.parseUtf8(body);
            if (!(payload instanceof Validation.Valid<Json>(Json.Obj obj)) || !(obj.get("data") instanceof Json.Obj data)) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // Answered first, acted on after: a receiver answers quickly and takes a repeat as the same delivery.
            exchange.sendResponseHeaders(204, -1);
            Json.Obj subject = data.get("subject") instanceof Json.Obj s ? s : Json.object().build();
            if (path.equals(ACTIONS) && addIfNew(new Action(id, text(obj, "type"), text(subject, "kind") + " " + text(subject, "id"), false))) {
                work.submit(() -> acknowledge(id));
            }
        }
    }

    /** Keeps {@code action} unless one with its id came before: a repeat of a delivery is the same delivery. */
    private boolean addIfNew(Action action) {
        lock.lock();
        try {
            if (actions.stream().anyMatch(a -> a.id().equals(action.id()))) {
                return false;
            }
            actions.add(action);
            lastChange = clock.instant();
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void acknowledge(String id) {
        try {
            Acknowledging as = acknowledging.get();
            as.client().post("/v1/actions/" + id + "/ack", as.platformKey(), Json.object().put("result", "applied").build(), 200);
            record(() -> actions.replaceAll(a -> a.id().equals(id) ? new Action(id, a.type(), a.subject(), true) : a));
        } catch (InterruptedException e) {
            // The demo is stopping (close): the action stays delivered, unacknowledged, as the service shows.
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            record(() -> failure = Optional.of(e));
        }
    }

    private void record(Runnable change) {
        lock.lock();
        try {
            change.run();
            lastChange = clock.instant();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String text(Json.Obj obj, String name) {
        return obj.get(name) instanceof Json.Str s ? s.value() : "?";
    }

    @Override
    public void close() {
        server.stop(0);
        work.shutdownNow();
    }
}
