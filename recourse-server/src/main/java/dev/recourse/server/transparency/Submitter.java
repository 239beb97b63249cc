package dev.recourse.server.transparency;

import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.DsaSubmissions;
import dev.recourse.store.dsa.DsaSubmissions.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the statements of reasons to the DSA Transparency Database's API, {@code POST /api/v1/statements} with
 * {@code {"statements": [...]}} of at most {@value #BATCH} and a bearer token, and records each answer in PostgreSQL
 * ({@link DsaSubmissions}), so that an accepted statement is never sent again, across restarts.
 *
 * <p>The answers, as the database documents them: 201 with the statements it stored, each with its {@code uuid};
 * 422 when it stores none of the batch, with {@code errors} naming the statement ({@code statements.N.field}) and
 * what is wrong. A statement named there is refused (recorded with its errors, sent again on a later run, not in this
 * one), unless the error is that its puid is already taken: then the database already holds it from an earlier send
 * whose answer was lost, and it counts as accepted (with the uuid under {@code existing}, if given). The rest of the
 * batch is sent again at once. Any other answer, or none (a network failure), is retried after a pause that doubles
 * from {@link Policy#firstPause()} up to {@link Policy#longestPause()}, at most {@link Policy#attempts()} times; a 401
 * or 403 (a wrong token) stops the run at once.
 */
public final class Submitter {
    /** The most statements the database takes in one request. */
    public static final int BATCH = 100;
    private static final Pattern NAMED = Pattern.compile("statements\\.(\\d+)(?:\\.(.*))?");

    private final URI endpoint;
    private final String token;
    private final DsaStatements statements;
    private final DsaSubmissions submissions;
    private final HttpClient http;
    private final Policy policy;
    private final Pause pause;

    /**
     * How hard to try.
     *
     * @param attempts how many times one batch is sent before the run gives up
     * @param firstPause the pause after the first failure; it doubles after each further one
     * @param longestPause the longest pause
     * @param timeout how long to wait for one answer
     */
    public record Policy(int attempts, Duration firstPause, Duration longestPause, Duration timeout) {
        /** Eight attempts, pausing from 1 s up to 2 min, 60 s for an answer. */
        public static final Policy DEFAULT = new Policy(8, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(60));

        public Policy {
            if (attempts < 1 || firstPause.isNegative() || longestPause.compareTo(firstPause) < 0 || !timeout.isPositive()) {
                throw new IllegalArgumentException("at least one attempt, pauses not negative and growing, a positive timeout");
            }
        }
    }

    /** Waits between attempts; production sleeps, tests record. */
    @FunctionalInterface
    public interface Pause {
        /** Waits {@code duration}. */
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * What one run did.
     *
     * @param accepted statements the database now holds (uuids recorded)
     * @param refused statements it refused this run, with their errors recorded
     * @param requests requests sent, retries included
     */
    public record Outcome(long accepted, long refused, long requests) {}

    /** The submission failed for good: a wrong token, or a batch that failed every attempt. */
    public static final class Failed extends IOException {
        Failed(String message) {
            super(message);
        }
    }

    /**
     * @param api the database's address, e.g. {@code https://transparency.dsa.ec.europa.eu}; the endpoint is
     *     {@code /api/v1/statements} under it
     * @param token the platform's API token
     */
    public Submitter(URI api, String token, DsaStatements statements, DsaSubmissions submissions, HttpClient http, Policy policy,
            Pause pause) {
        String base = api.toString().endsWith("/") ? api.toString() : api + "/";
        this.endpoint = URI.create(base).resolve("api/v1/statements");
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("a token is printable ASCII without spaces");
        }
        this.token = token;
        this.statements = Objects.requireNonNull(statements);
        this.submissions = Objects.requireNonNull(submissions);
        this.http = Objects.requireNonNull(http);
        this.policy = Objects.requireNonNull(policy);
        this.pause = Objects.requireNonNull(pause);
    }

    /**
     * Sends every statement of {@code period} the database has not accepted, in batches, and records the answers.
     *
     * @param progress told the number of statements answered so far (accepted or refused), after each batch
     * @throws Failed if the token is refused or a batch fails {@link Policy#attempts()} times; what was accepted
     *     before is recorded
     */
    public Outcome submit(DsaStatements.Period period, LongConsumer progress) throws IOException, InterruptedException {
        long accepted = 0;
        long refused = 0;
        long[] requests = {0};
        Optional<DsaStatements.Cursor> after = Optional.empty();
        while (true) {
            List<DsaStatements.Unsubmitted> page = statements.unsubmitted(period, after, BATCH);
            if (page.isEmpty()) {
                return new Outcome(accepted, refused, requests[0]);
            }
            after = Optional.of(page.getLast().cursor());
            List<Answer> answers = send(page, requests);
            submissions.record(answers);
            for (Answer answer : answers) {
                switch (answer) {
                    case Answer.Accepted ignored -> accepted++;
                    case Answer.Refused ignored -> refused++;
                }
            }
            progress.accept(accepted + refused);
        }
    }

    /** Sends one batch until every statement in it is accepted or refused. */
    private List<Answer> send(List<DsaStatements.Unsubmitted> batch, long[] requests) throws IOException, InterruptedException {
        List<Answer> answers = new ArrayList<>();
        List<DsaStatements.Unsubmitted> pending = new ArrayList<>(batch);
        int failures = 0;
        Duration wait = policy.firstPause();
        String lastProblem = "";
        while (!pending.isEmpty()) {
            if (failures == policy.attempts()) {
                throw new Failed("the Transparency Database did not take a batch of " + pending.size() + " statements in "
                        + failures + " attempts; the last: " + lastProblem);
            }
            requests[0]++;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(pending), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures++;
                lastProblem = "no answer: " + e;
                pause.pause(wait);
                wait = longer(wait);
                continue;
            }
            int status = response.statusCode();
            if (status == 201) {
                Map<String, String> uuids = uuids(response.body());
                List<DsaStatements.Unsubmitted> missing = new ArrayList<>();
                for (DsaStatements.Unsubmitted s : pending) {
                    String uuid = uuids.get(s.puid());
                    if (uuid == null) {
                        missing.add(s);
                    } else {
                        answers.add(new Answer.Accepted(s.position(), s.puid(), Optional.of(uuid)));
                    }
                }
                if (!missing.isEmpty()) {
                    failures++;
                    lastProblem = "201 without a uuid for " + missing.size() + " statements";
                }
                pending = missing;
            } else if (status == 422) {
                Map<Integer, List<String>> errors = new HashMap<>();
                Map<Integer, String> existing = new HashMap<>();
                boolean named = errors(response.body(), errors, existing);
                if (!named) {
                    failures++;
                    lastProblem = "422 naming no statement: " + text(response.body());
                    pause.pause(wait);
                    wait = longer(wait);
                    continue;
                }
                List<DsaStatements.Unsubmitted> again = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    DsaStatements.Unsubmitted s = pending.get(i);
                    List<String> said = errors.get(i);
                    if (said == null) {
                        again.add(s);
                    } else if (said.stream().allMatch(Submitter::isDuplicate)) {
                        answers.add(new Answer.Accepted(s.position(), s.puid(), Optional.ofNullable(existing.get(i))));
                    } else {
                        answers.add(new Answer.Refused(s.position(), s.puid(), String.join("; ", said)));
                    }
                }
                pending = again;
            } else if (status == 401 || status == 403) {
                throw new Failed("the Transparency Database refused the token (HTTP " + status + ")");
            } else {
                failures++;
                lastProblem = "HTTP " + status + ": " + text(response.body());
                pause.pause(wait);
                wait = longer(wait);
            }
        }
        return answers;
    }

    private HttpRequest request(List<DsaStatements.Unsubmitted> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 2048);
        body.writeBytes("{\"statements\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(batch.get(i).statement());
        }
        body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.newBuilder(endpoint)
                .timeout(policy.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    private Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(policy.longestPause()) > 0 ? policy.longestPause() : doubled;
    }

    /** The uuids of a 201's statements, by puid. */
    private static Map<String, String> uuids(byte[] body) {
        Map<String, String> uuids = new LinkedHashMap<>();
        if (Json.parseUtf8(body) instanceof Validation.Valid<Json> valid && valid.value() instanceof Json.Obj obj
                && obj.get("statements") instanceof Json.Arr stored) {
            for (Json statement : stored.elements()) {
                if (statement instanceof Json.Obj o && o.get("puid") instanceof Json.Str puid && o.get("uuid") instanceof Json.Str uuid) {
                    uuids.put(puid.value(), uuid.value());
                }
            }
        }
        return uuids;
    }

    /**
     * Reads a 422's {@code errors} ({@code "statements.N.field": ["..."]}) into {@code errors} by statement index, and
     * the uuids under {@code existing} ({@code "statements.N": {"uuid": ...}}) into {@code existing}.
     *
     * @return whether it named a statement
     */
    private static boolean errors(byte[] body, Map<Integer, List<String>> errors, Map<Integer, String> existing) {
        if (!(Json.parseUtf8(body) instanceof Validation.Valid<Json> valid) || !(valid.value() instanceof Json.Obj obj)
                || !(obj.get("errors") instanceof Json.Obj named)) {
            return false;
        }
        named.members().forEach((key, messages) -> {
            Matcher m = NAMED.matcher(key);
            if (m.matches() && messages instanceof Json.Arr list) {
                String field = m.group(2) == null ? "" : m.group(2) + ": ";
                for (Json message : list.elements()) {
                    if (message instanceof Json.Str s) {
                        errors.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new ArrayList<>()).add(field + s.value());
                    }
                }
            }
        });
        if (obj.get("existing") instanceof Json.Obj stored) {
            stored.members().forEach((key, statement) -> {
                Matcher m = NAMED.matcher(key);
                if (m.matches() && statement instanceof Json.Obj o && o.get("uuid") instanceof Json.Str uuid) {
                    existing.put(Integer.parseInt(m.group(1)), uuid.value());
                }
            });
        }
        return !errors.isEmpty();
    }

    /** Whether an error says that the puid is already taken: the database holds the statement. */
    private static boolean isDuplicate(String error) {
        return error.startsWith("puid: ") && error.contains("not unique");
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
