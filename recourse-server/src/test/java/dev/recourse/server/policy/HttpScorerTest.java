package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.policy.ClassifierSpec;
import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.Evaluation;
import dev.recourse.core.policy.PolicyCompiler;
import dev.recourse.core.policy.RuleOutcome;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Classifiers over real HTTP on loopback: scoring, failing, timing out; and a failing one never enforces. */
class HttpScorerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> asked = new java.util.concurrent.atomic.AtomicReference<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(Consumer<HttpExchange> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/score", exchange -> {
            calls.incrementAndGet();
            asked.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            handler.accept(exchange);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/score");
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Answers nothing until the test ends. */
    private void hang(HttpExchange exchange) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A classifier with a timeout that a busy machine meets, for tests that expect an answer. */
    private static ClassifierSpec classifier(URI endpoint, int retries) {
        return classifier(endpoint, retries, Duration.ofSeconds(20));
    }

    private static ClassifierSpec classifier(URI endpoint, int retries, Duration timeout) {
        return new ClassifierSpec(new Versioned("scam-score", "3"), endpoint, timeout, retries);
    }

    private static ContentEvent event() {
        Subject subject = new Subject(new SubjectRef(SubjectKind.CONTENT, "p1"), new AccountId("a1"), 50, new LanguageCode("fa"),
                new CountryCode("DE"), Optional.empty(), LocalDate.of(2026, 2, 1), Optional.empty());
        return new ContentEvent("e1", "post.created", subject, Map.of("body", "hello"), Set.of(), Map.of("links", 2L), NOW);
    }

    @Test
    void aScoreIsRead() throws IOException {
        URI uri = serve(x -> answer(x, 200, "{\"score\": 0.98}"));

        assertThat(new HttpScorer().score(classifier(uri, 0), event())).isEqualTo(new Scorer.Score.Scored(0.98));
    }

    @Test
    void theClassifierIsToldTheSubjectsNetworkAndPageButNotItsOwner() throws IOException {
        URI uri = serve(x -> answer(x, 200, "{\"score\": 0.5}"));
        ContentEvent plain = event();
        Subject grouped = new Subject(plain.subject().ref(), plain.subject().owner(), 50, plain.subject().language(),
                plain.subject().territory(), Optional.empty(), plain.subject().since(), Optional.empty(),
                Optional.of(new NetworkId("org:tagesblatt")), Optional.of(new SubjectRef(SubjectKind.PAGE, "tagesblatt")));

        new HttpScorer().score(classifier(uri, 0), new ContentEvent(plain.id(), plain.type(), grouped, plain.texts(), plain.hashes(),
                plain.attributes(), NOW));

        assertThat(asked.get()).contains("\"network\":\"org:tagesblatt\"", "\"page\":\"tagesblatt\"").doesNotContain("a1");
    }

    @Test
    void aFailingClassifierIsRetriedThenReportedFailed() throws IOException {
        URI uri = serve(x -> answer(x, 500, "oops"));

        Scorer.Score score = new HttpScorer().score(classifier(uri, 2), event());

        assertThat(score).isInstanceOfSatisfying(Scorer.Score.Failed.class, f -> assertThat(f.reason()).contains("500"));
        assertThat(calls).hasValue(3);
    }

    @Test
    void aClassifierThatDoesNotAnswerInTimeFails() throws IOException {
        URI uri = serve(this::hang);

        Scorer.Score score = new HttpScorer().score(classifier(uri, 0, Duration.ofMillis(300)), event());

        assertThat(score).isInstanceOfSatisfying(Scorer.Score.Failed.class, f -> assertThat(f.reason()).contains("no answer within 300 ms"));
    }

    @Test
    void aScoreOutsideZeroToOneIsAFailure() throws IOException {
        URI uri = serve(x -> answer(x, 200, "{\"score\": 7}"));

        assertThat(new HttpScorer().score(classifier(uri, 0), event())).isInstanceOf(Scorer.Score.Failed.class);
    }

    @Test
    void aClassifierThatTimesOutNeverLeadsToEnforcement() throws IOException {
        URI uri = serve(this::hang);
        String yaml = PolicyYamlTest.example().replace("http://127.0.0.1:8089/score", uri.toString())
                .replace("mode: shadow\n    onFailure: no-decision", "mode: enforce\n    onFailure: review");
        CompiledPolicy policy = PolicyCompiler.compile(PolicyYaml.read(yaml).orElseThrow()).orElseThrow();

        Evaluation e = policy.evaluate(event(), NOW, new HttpScorer());

        assertThat(e.outcomes()).singleElement().isInstanceOfSatisfying(RuleOutcome.Act.class, act ->
                assertThat(((Command.DecidedBy.Rule) act.decide().decidedBy()).mode()).isEqualTo(Command.Mode.PROPOSE));
    }
}
