package dev.recourse.server.policy;

import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.ClassifierSpec;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.subject.Subject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * Asks classifiers over HTTP: {@code POST} of the event as JSON ({@code {"event": {id, type, texts, attributes},
 * "subject": {kind, id, reach, language, territory, protected}}}) to the classifier's endpoint; the answer is
 * {@code 200} with {@code {"score": s}}, s in [0, 1]. Each attempt is bounded by the classifier's timeout; a failed
 * attempt (no connection, timeout, another status, a body that is not such JSON) is retried as often as the
 * classifier allows, then reported as {@link Score.Failed}: it never throws. Thread-safe.
 */
public final class HttpScorer implements Scorer {
    private static final int MAX_ANSWER = 64 * 1024;

    private final HttpClient client;

    /** A scorer with its own HTTP client. */
    public HttpScorer() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Score score(ClassifierSpec classifier, ContentEvent event) {
        byte[] body = CanonicalJson.utf8(request(event));
        String last = "no attempt";
        for (int attempt = 0; attempt <= classifier.retries(); attempt++) {
            HttpRequest request = HttpRequest.newBuilder(classifier.endpoint())
                    .timeout(classifier.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    last = "answered " + response.statusCode();
                    continue;
                }
                String problem = answer(response.body());
                if (problem == null) {
                    return new Score.Scored(score(response.body()));
                }
                last = problem;
            } catch (HttpTimeoutException e) {
                last = "no answer within " + classifier.timeout().toMillis() + " ms";
            } catch (IOException e) {
                last = "cannot be reached: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Score.Failed("interrupted");
            }
        }
        return new Score.Failed(last + (classifier.retries() > 0 ? " (after " + (classifier.retries() + 1) + " attempts)" : ""));
    }

    /** Why the answer is not {@code {"score": s}} with s in [0, 1], or null if it is. */
    private static String answer(byte[] body) {
        if (body.length > MAX_ANSWER) {
            return "answered more than " + MAX_ANSWER + " bytes";
        }
        var parsed = Json.parseUtf8(body);
        if (!parsed.isValid()) {
            return "answered no JSON: " + parsed.errors().getFirst();
        }
        if (!(parsed.orElseThrow() instanceof Json.Obj obj) || !(obj.get("score") instanceof Json.Num n)
                || !(n.value() >= 0 && n.value() <= 1)) {
            return "answered no score in [0, 1]";
        }
        return null;
    }

    private static double score(byte[] body) {
        return ((Json.Num) ((Json.Obj) Json.parseUtf8(body).orElseThrow()).get("score")).value();
    }

    private static Json request(ContentEvent event) {
        Subject s = event.subject();
        Json.ObjBuilder texts = Json.object();
        event.texts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> texts.put(t.getKey(), t.getValue()));
        Json.ObjBuilder attributes = Json.object();
        event.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> attributes.put(a.getKey(), value(a.getValue())));
        return Json.object()
                .put("event", Json.object().put("id", event.id()).put("type", event.type()).put("texts", texts.build())
                        .put("attributes", attributes.build()).build())
                .put("subject", subject(s))
                .build();
    }

    /** The subject as a classifier sees it: no owner (a person), but the network and page it belongs to, if given. */
    private static Json subject(Subject s) {
        Json.ObjBuilder subject = Json.object().put("kind", s.ref().kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("id", s.ref().platformId()).put("reach", Json.of(s.reach())).put("language", s.language().value())
                .put("territory", s.territory().value()).put("protected", Json.of(s.protectedMark().isPresent()));
        s.network().ifPresent(n -> subject.put("network", n.value()));
        s.page().ifPresent(p -> subject.put("page", p.platformId()));
        return subject.build();
    }

    private static Json value(Object v) {
        return switch (v) {
            case String s -> Json.of(s);
            case Long l -> Json.of(l);
            case Double d -> Json.of(d);
            case Boolean b -> Json.of(b);
            case List<?> l -> Json.strings(l.stream().map(String::valueOf).toList());
            default -> throw new IllegalStateException("ContentEvent admits no " + v.getClass());
        };
    }
}
