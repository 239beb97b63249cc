package dev.recourse.server.transparency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recourse.core.Validation;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DSA Transparency Database's submission API as it documents itself, on 127.0.0.1 and a free port, for tests:
 * {@code POST /api/v1/statements} with a bearer token and {@code {"statements": [...]}} of 1 to 100 statements, each
 * checked against the shared reference schema ({@link ReferenceSchema}) and for a puid this platform already used
 * (stored before, or earlier in the same batch). If any is wrong it stores none and answers 422 with
 * {@code errors} keyed {@code statements.N.field} (a duplicate also under {@code existing}, the stored statement with
 * its uuid); otherwise it stores them all and answers 201 with each statement and its new uuid. Tests can make it
 * fail the next requests, lose the answer of one that it stored, or refuse one puid.
 */
public final class FakeTransparencyDatabase implements AutoCloseable {
    /** What the database says of a puid already used. */
    public static final String NOT_UNIQUE = "The identifier given is not unique within this platform.";

    private final String token;
    private final HttpServer server;
    private final ReferenceSchema schema = ReferenceSchema.load();
    private final Map<String, Json.Obj> stored = new ConcurrentHashMap<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Integer> batchSizes = new ArrayList<>();
    private boolean loseNextAnswer;

    /** Serves, taking {@code token} only. */
    public FakeTransparencyDatabase(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Its address; the endpoint is {@code /api/v1/statements} under it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} requests are answered {@code status} with nothing stored. */
    public synchronized void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(status);
        }
    }

    /** The next valid batch is stored, but answered 500, as if the answer were lost on the way. */
    public synchronized void loseNextAnswer() {
        loseNextAnswer = true;
    }

    /** Statements with {@code puid} are refused: their decision_facts "contain personal data". */
    public void refuse(String puid) {
        refused.add(puid);
    }

    /** The statements stored, by puid. */
    public Map<String, Json.Obj> stored() {
        return Map.copyOf(stored);
    }

    /** The size of each batch it was sent, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/api/v1/statements")) {
                answer(exchange, 404, Json.object().put("message", "Not Found").build());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Json.object().put("message", "Method Not Allowed").build());
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Json.object().put("message", "Unauthenticated.").build());
                return;
            }
            if (!failures.isEmpty()) {
                answer(exchange, failures.poll(), Json.object().put("message", "Service Unavailable").build());
                return;
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    || !(Json.parseUtf8(body) instanceof Validation.Valid<Json> valid) || !(valid.value() instanceof Json.Obj obj)
                    || obj.members().size() != 1 || !(obj.get("statements") instanceof Json.Arr statements)) {
                answer(exchange, 422, invalid("statements", "The statements field is required and is an array."));
                return;
            }
            batchSizes.add(statements.elements().size());
            if (statements.elements().isEmpty() || statements.elements().size() > 100) {
                answer(exchange, 422, invalid("statements", "The statements field must have between 1 and 100 items."));
                return;
            }
            Map<String, Json> errors = new LinkedHashMap<>();
            Json.ObjBuilder existing = Json.object();
            boolean duplicates = false;
            Set<String> inBatch = new HashSet<>();
            for (int i = 0; i < statements.elements().size(); i++) {
                String text = CanonicalJson.write(statements.elements().get(i));
                Map<String, List<String>> problems = new LinkedHashMap<>();
                for (String problem : schema.problems(text)) {
                    int colon = problem.indexOf(':');
                    String field = colon < 0 ? "statement" : problem.substring(0, colon);
                    problems.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
                }
                Json puid = ((Json.Obj) statements.elements().get(i)).get("puid");
                if (puid instanceof Json.Str p) {
                    if (stored.containsKey(p.value()) || !inBatch.add(p.value())) {
                        problems.computeIfAbsent("puid", f -> new ArrayList<>()).add(NOT_UNIQUE);
                        if (stored.containsKey(p.value())) {
                            existing.put("statements." + i, stored.get(p.value()));
                        }
                        duplicates = true;
                    }
                    if (refused.contains(p.value())) {
                        problems.computeIfAbsent("decision_facts", f -> new ArrayList<>()).add("The decision facts contain personal data.");
                    }
                }
                for (Map.Entry<String, List<String>> p : problems.entrySet()) {
                    errors.put("statements." + i + "." + p.getKey(), Json.strings(p.getValue()));
                }
            }
            if (!errors.isEmpty()) {
                Json.ObjBuilder answer = Json.object().put("message", "The given data was invalid.").put("errors", Json.object(errors));
                if (duplicates) {
                    answer.put("existing", existing.build());
                }
                answer(exchange, 422, answer.build());
                return;
            }
            List<Json> created = new ArrayList<>();
            for (Json statement : statements.elements()) {
                Json.ObjBuilder withUuid = Json.object();
                ((Json.Obj) statement).members().forEach(withUuid::put);
                Json.Obj made = withUuid.put("uuid", UUID.randomUUID().toString()).build();
                stored.put(((Json.Str) made.get("puid")).value(), made);
                created.add(made);
            }
            if (loseNextAnswer) {
                loseNextAnswer = false;
                answer(exchange, 500, Json.object().put("message", "Server Error").build());
                return;
            }
            answer(exchange, 201, Json.object().put("statements", new Json.Arr(created)).build());
        }
    }

    private static Json.Obj invalid(String field, String message) {
        return Json.object().put("message", message).put("errors", Json.object().put(field, Json.strings(List.of(message))).build()).build();
    }

    private static void answer(HttpExchange exchange, int status, Json.Obj body) throws IOException {
        byte[] bytes = CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
