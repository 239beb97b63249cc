package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code recourse demo}: the real service, loaded and walked through over its HTTP API. */
class DemoCommandTest {
    /** A URL the demo prints to open, on a line of its own, and the line below saying what it shows. */
    private static final Pattern OPEN = Pattern.compile("^  (http://127\\.0\\.0\\.1:\\d+(/\\S*))\\n {6}(.+)$", Pattern.MULTILINE);

    /** A URL of the API the demo prints with the key that opens it. */
    private static final Pattern KEYED = Pattern.compile("^  curl -H 'Authorization: Bearer (\\S+)' (http://127\\.0\\.0\\.1:\\d+/\\S*)$",
            Pattern.MULTILINE);

    /** An action the demo's platform received, its state, and the API's URL of it with the key that opens it. */
    private static final Pattern ACTION = Pattern.compile("^  (action\\.\\w+ on \\S+ \\S+): (\\w+)\\n  curl -H 'Authorization: Bearer (\\S+)'"
            + " (http://127\\.0\\.0\\.1:\\d+/v1/actions/\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private Run demo(String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "--data", dir.toString(), "--port", "0"));
        args.addAll(List.of(options));
        return Run.of(args.toArray(String[]::new));
    }

    @Test
    void withoutServingItLoadsThePlatformWalksTheCasesAndExits() throws IOException {
        Run run = demo("--no-serve");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("API keys, each in one role (kept in " + dir.resolve(DemoCommand.KEYS_FILE),
                "  moderator        mod-ada        rk_", "  appeal reviewer  rev-bashir     rk_", "  appeal reviewer  rev-chiara     rk_",
                "Amira appeals from her notice page", "rev-chiara, who took no part, reverses it", "rev-bashir upholds the decision",
                "is only proposed: high-impact", "(checked: each answers 200)", "Recourse: stopped");
        assertThat(run.out()).containsPattern("the receipt of Amira's decision is saved as .*; verified recourse\\.localhost/log: \\d+ entries");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DemoCommand.KEYS_FILE)))).isEqualTo("rw-------");
        assertThat(links(run.out()).keySet()).anyMatch(p -> p.startsWith("/notice/")).anyMatch(p -> p.startsWith("/notifier/"))
                .contains("/log/checkpoint", "/docs/api");
    }

    @Test
    void thePrintedPagesAnswerWithWhatTheySayTheyShow() {
        StringWriter out = new StringWriter();
        Map<String, HttpResponse<String>> fetched = new LinkedHashMap<>();
        Run run = Run.of(Map.of(), commandLine -> {
            commandLine.setOut(new PrintWriter(out, true));
            demoCommand(commandLine).whileServing = url -> {
                try (HttpClient client = HttpClient.newHttpClient()) {
                    for (String path : links(out.toString()).keySet()) {
                        fetched.put(path, client.send(HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()));
                    }
                }
            };
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fetched).hasSizeGreaterThanOrEqualTo(7).allSatisfy((path, reply) -> assertThat(reply.statusCode()).as(path).isEqualTo(200));
        List<String> pages = fetched.entrySet().stream().filter(e -> e.getKey().matches("/noti(ce|fier)/.*"))
                .map(e -> e.getValue().body()).toList();
        assertThat(pages.get(0)).contains("dir=\"rtl\"", "این محتوا حذف شد.", "rev-chiara", "§ 130 StGB");
        assertThat(pages.get(1)).contains("We received your notice", "https://social.example/amira.haddad/post-",
                "This decision was reversed or replaced on appeal.");
        assertThat(pages.get(2)).contains("lang=\"de\"", "Das Konto wurde gesperrt.", "die Entscheidung bleibt bestehen.");
        assertThat(pages.get(3)).contains("No decision has been taken on your notice yet.");
        assertThat(fetched.get("/log/checkpoint").body()).startsWith("recourse.localhost/log\n");
        assertThat(out.toString()).contains("until Ctrl-C.");
    }

    @Test
    void runningAgainReusesTheKeysAndAddsAFreshRound() {
        Run first = demo("--no-serve");
        Run again = demo("--no-serve");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("(reused from " + dir.resolve(DemoCommand.KEYS_FILE) + ")", "(checked: each answers 200)");
        assertThat(round(again.out())).isNotEqualTo(round(first.out()));
        assertThat(key("mod-ada", again.out())).isEqualTo(key("mod-ada", first.out()));
    }

    @Test
    void thePrintedVerifyCommandHolds() {
        StringWriter out = new StringWriter();
        List<Run> verified = new ArrayList<>();
        Run run = Run.of(Map.of(), commandLine -> {
            commandLine.setOut(new PrintWriter(out, true));
            demoCommand(commandLine).whileServing = url -> {
                String line = out.toString().lines().filter(l -> l.contains("check it yourself: bin/recourse verify")).findFirst().orElseThrow();
                verified.add(Run.of(line.substring(line.indexOf("bin/recourse ") + "bin/recourse ".length()).split(" ")));
            };
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(verified).singleElement().satisfies(v -> {
            assertThat(v.exitCode()).as(v.err()).isZero();
            assertThat(v.out()).startsWith("verified recourse.localhost/log: ");
        });
    }

    @Test
    void thePartTwoURLsShowTheBreakerTrippedTheRecallCompletedAndTheRestrictionsLifted() {
        StringWriter out = new StringWriter();
        Map<String, String> fetched = new LinkedHashMap<>();
        Run run = Run.of(Map.of(), commandLine -> {
            commandLine.setOut(new PrintWriter(out, true));
            demoCommand(commandLine).whileServing = url -> {
                try (HttpClient client = HttpClient.newHttpClient()) {
                    Matcher m = KEYED.matcher(out.toString());
                    while (m.find()) {
                        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(m.group(2)))
                                .header("Authorization", "Bearer " + m.group(1)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(reply.statusCode()).as(m.group(2)).isEqualTo(200);
                        fetched.put(URI.create(m.group(2)).getRawPath(), reply.body());
                    }
                    for (String path : links(out.toString()).keySet()) {
                        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(reply.statusCode()).as(path).isEqualTo(200);
                        fetched.put(path, reply.body());
                    }
                }
            };
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err() + out).isZero();
        String text = out.toString();
        assertThat(text).contains("Part 2:", "the circuit breaker of political-words@", "only proposed: the breaker holds",
                "sen-greta approves it: approved", "recalls political-words@", ": done,", "(checked: each answers 200)");
        String rule = text.lines().filter(l -> l.contains("/v1/rules/political-words@")).findFirst().orElseThrow().strip();
        assertThat(fetched.get(URI.create(rule).getRawPath())).contains("\"tripped\":true", "\"recalls\":1").doesNotContain("\"recalled\":0");
        assertThat(fetched.get("/v1/breakers")).contains("\"tripped\":true", "COHORT");
        assertThat(fetched.get("/v1/policies/civic-vocabulary/versions")).contains("civic-vocabulary@2-", "pol-farah");
        List<String> recalled = links(text).entrySet().stream().filter(e -> e.getValue().contains("lifted by the recall"))
                .map(Map.Entry::getKey).toList();
        assertThat(recalled).isNotEmpty().allSatisfy(page -> assertThat(fetched.get(page)).contains("lifted on", "the rule that made this decision was recalled. Why:", "We are sorry.")
                .doesNotContain("and we apologise"));
    }

    @Test
    void itsActionsReachTheRealReceiverWhichAcknowledgesEach() {
        StringWriter out = new StringWriter();
        Map<String, String> shown = new LinkedHashMap<>();
        Run run = Run.of(Map.of(), commandLine -> {
            commandLine.setOut(new PrintWriter(out, true));
            demoCommand(commandLine).whileServing = url -> {
                try (HttpClient client = HttpClient.newHttpClient()) {
                    Matcher m = ACTION.matcher(out.toString());
                    while (m.find()) {
                        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(m.group(4)))
                                .header("Authorization", "Bearer " + m.group(3)).build(), HttpResponse.BodyHandlers.ofString());
                        shown.put(m.group(1) + ": " + m.group(2), reply.body());
                    }
                }
            };
        }, "demo", "--data", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err() + out).isZero();
        assertThat(out.toString()).containsPattern("Actions delivered to social-example's receiver at http://127\\.0\\.0\\.1:\\d+/recourse/actions"
                + " \\(signed; it acknowledges each as applied; messages to people go to http://127\\.0\\.0\\.1:\\d+/recourse/messages\\)");
        assertThat(shown.keySet()).anyMatch(a -> a.startsWith("action.apply on content post-"))
                .anyMatch(a -> a.startsWith("action.lift on content post-")).anyMatch(a -> a.startsWith("action.apply on account jonas.berger-"))
                .allMatch(a -> a.endsWith(": applied"));
        assertThat(shown.values()).allSatisfy(action -> assertThat(action).contains("\"state\":\"applied\"", "\"acknowledgedAt\":",
                "\"accepted\":true"));
    }

    /** The URLs printed to open, by path, each with what it shows. */
    private static Map<String, String> links(String out) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = OPEN.matcher(out);
        while (m.find()) {
            links.put(URI.create(m.group(1)).getRawPath(), m.group(3));
        }
        return links;
    }

    private static String round(String out) {
        Matcher m = Pattern.compile("round ([0-9a-f]+):").matcher(out);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String key(String name, String out) {
        return out.lines().filter(l -> l.contains(" " + name + " ")).findFirst().orElseThrow().strip().replaceAll(".* ", "");
    }

    private static DemoCommand demoCommand(CommandLine commandLine) {
        return (DemoCommand) commandLine.getSubcommands().get("demo").getCommand();
    }
}
