// A platform's receiver of Recourse's webhooks, with the JDK only (Java 21 or later). Run it as it is:
//
//   WEBHOOK_SECRET=whsec_... RECOURSE_URL=http://127.0.0.1:8080 RECOURSE_API_KEY=rk_... PORT=8090 \
//     java docs/examples/ActionReceiver.java
//
// and set Recourse's platform.webhook-url to http://127.0.0.1:8090/recourse/actions and platform.messages-url to
// http://127.0.0.1:8090/recourse/messages, with the same platform.webhook-secret. RECOURSE_API_KEY is a key of the
// platform role. See docs/webhooks.md.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public final class ActionReceiver {
    /** How far a webhook's timestamp may be from now: older ones may be replays by someone who recorded them. */
    private static final long TOLERANCE_SECONDS = 5 * 60;
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_.]+)\"");

    private final byte[] key;
    private final URI recourse;
    private final String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The webhook-ids already handled: deliveries are at least once, so one may come again. A real platform keeps these in its database. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    ActionReceiver(String secret, URI recourse, String apiKey) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("WEBHOOK_SECRET is whsec_ and base64");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.recourse = recourse;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws IOException {
        ActionReceiver receiver = new ActionReceiver(System.getenv("WEBHOOK_SECRET"), URI.create(System.getenv("RECOURSE_URL")),
                System.getenv("RECOURSE_API_KEY"));
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/recourse/actions", exchange -> receiver.receive(exchange, true));
        server.createContext("/recourse/messages", exchange -> receiver.receive(exchange, false));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void receive(HttpExchange exchange, boolean action) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!"POST".equals(exchange.getRequestMethod()) || !verified(id, timestamp, signatures, body)) {
                // Not from Recourse, altered, or too old: refuse it. (Recourse retries what it sent; a forger gets nothing.)
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            // Answer quickly and do the work after: Recourse counts any 2xx as delivered, and retries anything else.
            exchange.sendResponseHeaders(204, -1);
            if (!seen.add(id)) {
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            Matcher type = TYPE.matcher(text);
            String kind = type.find() ? type.group(1) : "unknown";
            if (action) {
                // Apply the action here (hide the post, suspend the account, ...). A lift of a restriction wins over an
                // apply of the same restriction, whichever arrives first. Then tell Recourse how it went.
                System.out.println("action " + id + ": " + kind + " " + text);
                acknowledge(id, "{\"result\":\"applied\"}");
            } else {
                // Put the message into the person's in-app inbox: it has their language, a subject, a text and a link.
                System.out.println("message " + id + ": " + kind + " " + text);
            }
        }
    }

    /** The Standard Webhooks check: the headers are there, the time is recent, and one v1 signature is ours. */
    private boolean verified(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // Try the next signature.
                }
            }
        }
        return false;
    }

    /** {@code POST /v1/actions/{id}/ack}: the id is the webhook-id; the Idempotency-Key makes a retry harmless. */
    private void acknowledge(String id, String result) {
        HttpRequest request = HttpRequest.newBuilder(recourse.resolve("/v1/actions/" + id + "/ack"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", "ack-" + id)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(result))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println("acknowledged " + id + ": " + response.statusCode());
        } catch (IOException e) {
            // A real platform retries this later; until then the action shows as delivered, unacknowledged.
            System.out.println("could not acknowledge " + id + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
