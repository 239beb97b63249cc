package dev.recourse.server.cli;

import dev.recourse.core.Validation;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.store.SecretFiles;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.tile.HttpTiles;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recourse demo}: the real service, loaded with a small fictional platform and walked through due process over
 * its HTTP API, the way a platform's integration drives it. It starts the service on embedded defaults under
 * {@code --data}, makes API keys for an admin, the platform, a moderator and two appeal reviewers, and walks three
 * cases: a post removed on a user's notice, appealed from its notice page and reversed by the second reviewer; an
 * account suspended on a trusted flagger's notice, appealed through the API and upheld by the first reviewer; and a
 * protected page whose suspension waits for a second person. Then it plays {@link DemoScenario}: a rule version that
 * matches political vocabulary, its breaker tripping, the high-impact guard and a recall. It checks that every page it prints answers, verifies
 * the receipt of a decision against the log over HTTP, prints each URL to open with what it shows, and serves until
 * Ctrl-C ({@code --no-serve}: stops instead). The platform's receiver ({@link DemoPlatform}) takes the actions and
 * messages the service delivers, as {@code serve} delivers them to a platform's webhooks, and acknowledges each action;
 * the demo waits for that and prints where each action's state is seen.
 *
 * <p>Running it again on the same data directory reuses the keys (kept in {@value #KEYS_FILE}, readable by the user
 * only) and adds a fresh round of cases.
 */
@Command(
        name = "demo",
        description = {
            "See Recourse work: start the service under DIR, load a fictional platform (people, API keys for an admin,"
                    + " a moderator and two appeal reviewers) and walk cases through notice, decision, notice page,"
                    + " appeal and reversal over the HTTP API; then a rule matching political vocabulary whose breaker"
                    + " trips and which is recalled; print each URL to open; serve until Ctrl-C.",
            "Running it again on the same DIR adds a fresh round of cases."
        })
final class DemoCommand implements Callable<Integer> {
    /** The file in the data directory that keeps the demo's API keys between runs. */
    static final String KEYS_FILE = "demo-keys";

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");
    /** How long the demo waits for its actions to be delivered and acknowledged. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    /** How long nothing new must arrive before the demo takes its actions as all delivered. */
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "recourse-data/demo",
            description = "Where the demo's service keeps its database, log and keys (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--no-serve", description = "Stop after loading and checking, instead of serving until Ctrl-C.")
    boolean noServe;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to serve on, on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @ParentCommand
    Recourse recourse;

    @Spec
    CommandSpec spec;

    /** What happens while it serves; by default, nothing until Ctrl-C ends the program. */
    Serving whileServing = Serving.untilStopped();

    /** The demo's keys, by what they are for. */
    private record Keys(String admin, String platform, String moderator, String firstReviewer, String secondReviewer) {}

    @Override
    public Integer call() throws Exception {
        // The command line is the edge of the program: the one place the clock and randomness are chosen.
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        // The platform's receiver, so that actions and messages are delivered as serve delivers them to a platform.
        try (DemoPlatform platform = DemoPlatform.start(random, clock)) {
            return demo(platform, clock, random);
        }
    }

    private Integer demo(DemoPlatform platform, InstantSource clock, SecureRandom random) throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port is 0 to 65535, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> options = new HashMap<>(Map.of("data", data.toString(), "port", Integer.toString(port)));
        DemoScenario.BREAKERS.forEach(setting -> options.put(setting[0], setting[1]));
        options.putAll(platform.settings());
        ServerSettings settings = switch (ServerSettings.resolve(Map.of(), recourse.environment(), options)) {
            case Validation.Valid<ServerSettings> valid -> valid.value();
            case Validation.Invalid<ServerSettings> invalid ->
                    throw new Failures.Failed(invalid.errors().stream().map(Object::toString).toList());
        };
        out.println("Recourse demo: a fictional platform, its moderators and its users, over the real service");
        RunningService running = RunningService.start(settings, clock, random, ServeCommand.version(), out);
        running.untilExit(() -> {
            URI url = running.service().url();
            out.println("Serving " + url);
            out.flush();
            try (DemoClient client = new DemoClient(url)) {
                Keys keys = keys(running.service().keys(), client, out);
                platform.acknowledgeWith(client, keys.platform());
                String round = HexFormat.of().formatHex(bytes(random, 3));
                List<String[]> open = walk(client, keys, url, round, clock, out);
                List<DemoScenario.Link> scenario = new DemoScenario(client, running.links(), out).play(
                        DemoScenario.keys(client, keys.admin(), keys.platform()), round, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                out.println();
                out.println("Open these (each line says what it shows):");
                for (String[] link : open) {
                    client.get(link[0], Optional.empty(), 200);
                    out.println("  " + url.resolve(link[0]));
                    out.println("      " + link[1]);
                }
                out.println("Part 2, step by step (each line says what it shows; the API's need the key given):");
                for (DemoScenario.Link link : scenario) {
                    client.get(link.path(), link.key(), 200);
                    if (link.key().isPresent()) {
                        out.println("  curl -H 'Authorization: Bearer " + link.key().get() + "' " + url.resolve(link.path()));
                    } else {
                        out.println("  " + url.resolve(link.path()));
                    }
                    out.println("      " + link.shows());
                }
                delivered(client, keys.admin(), url, platform, clock, out);
                out.println("(checked: each answers 200)");
            }
            out.flush();
            if (!noServe) {
                out.println();
                out.println("Serving " + url + " until Ctrl-C.");
                out.flush();
                whileServing.during(url);
            }
        });
        return 0;
    }

    /** The demo's keys: made on the first run (the first admin's, then the others through the API), else read back. */
    private Keys keys(ApiKeys register, DemoClient client, PrintWriter out) throws Exception {
        Path file = data.resolve(KEYS_FILE);
        Optional<ApiKeys.Made> firstAdmin = register.makeFirstAdmin(new Pseudonym(ServeCommand.FIRST_ADMIN));
        Keys keys;
        if (firstAdmin.isPresent()) {
            String admin = firstAdmin.get().key().reveal();
            keys = new Keys(admin, key(client, admin, "social-example", "platform"), key(client, admin, "mod-ada", "moderator"),
                    key(client, admin, "rev-bashir", "appeal_reviewer"), key(client, admin, "rev-chiara", "appeal_reviewer"));
            SecretFiles.write(file, "# The demo's API keys; keep them secret.\nadmin=" + keys.admin() + "\nplatform=" + keys.platform()
                    + "\nmoderator=" + keys.moderator() + "\nfirst-reviewer=" + keys.firstReviewer()
                    + "\nsecond-reviewer=" + keys.secondReviewer() + "\n");
            out.println();
            out.println("API keys, each in one role (kept in " + file + ", readable by you only):");
        } else if (Files.exists(file)) {
            Properties saved = new Properties();
            saved.load(new StringReader(Files.readString(file)));
            keys = new Keys(saved.getProperty("admin"), saved.getProperty("platform"), saved.getProperty("moderator"),
                    saved.getProperty("first-reviewer"), saved.getProperty("second-reviewer"));
            out.println();
            out.println("API keys, each in one role (reused from " + file + "):");
        } else {
            throw new Failures.Failed(data + " holds a service the demo did not set up (it has no " + KEYS_FILE
                    + "); choose another --data");
        }
        out.println("  admin            admin          " + keys.admin());
        out.println("  platform         social-example " + keys.platform());
        out.println("  moderator        mod-ada        " + keys.moderator());
        out.println("  appeal reviewer  rev-bashir     " + keys.firstReviewer());
        out.println("  appeal reviewer  rev-chiara     " + keys.secondReviewer());
        return keys;
    }

    private static String key(DemoClient client, String admin, String name, String role) throws Exception {
        return client.post("/v1/api-keys", admin, Json.object().put("name", name).put("role", role).build(), 201).string("key");
    }

    /** One round of cases; returns the URLs to open, each with what it shows. */
    private List<String[]> walk(DemoClient client, Keys keys, URI url, String round, InstantSource clock, PrintWriter out)
            throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        out.println();
        out.println("The people (fictional), round " + round + ":");
        out.println("  Amira Haddad (account amira.haddad) posted post-" + round + ", in Persian");
        out.println("  Jonas Berger (account jonas.berger-" + round + ") runs an account that sends links");
        out.println("  Bürgerinitiative Lindenpark e.V. runs the page lindenpark-" + round + ", a civic organisation (protected)");
        out.println("  Nora Weber <nora.weber@example.org> and Lukas Brandt <lukas.brandt@example.org> report content;");
        out.println("  Meldestelle Beispiel e.V. (Tom Richter <tom.richter@meldestelle.example>) is a trusted flagger");

        // ---- a post removed on a user's notice, appealed from its notice page, reversed by the second reviewer ----
        out.println();
        out.println("Case 1: a post");
        String post = "post-" + round;
        DemoClient.Reply notice = client.post("/v1/notices", keys.platform(), notice(
                subject("content", post, "amira.haddad", 240, "fa", "DE", Optional.empty(), today.minusDays(2)),
                "https://social.example/amira.haddad/" + post,
                "This post calls a religious minority vermin and says they should be driven out of the city.",
                notifier("nora.weber", Optional.of(new String[] {"Nora Weber", "nora.weber@example.org"})), Optional.empty()), 201);
        out.println("  Nora Weber's notice is received: " + notice.string("notice"));
        DemoClient.Reply removal = client.post("/v1/decisions", keys.moderator(), decision(post, "content", notice.string("notice"),
                Json.object().put("visibility", "DECISION_VISIBILITY_CONTENT_REMOVED").build(), Json.object()
                        .put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT")
                        .put("illegal_content_legal_ground", "§ 130 StGB (incitement to hatred)")
                        .put("illegal_content_explanation", "The post calls a religious group vermin and demands they be driven out.")
                        .put("content_type", Json.strings(List.of("CONTENT_TYPE_TEXT")))
                        .put("category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH")
                        .put("decision_facts", "Reported by a user; read in full by a moderator with its thread.")
                        .build()), 201);
        String amirasPage = removal.string("noticePage");
        out.println("  mod-ada removes it: decision " + removal.string("decision") + "; Amira's notice page: " + url.resolve(amirasPage));
        String page = client.get(amirasPage, Optional.empty(), 200).body();
        Matcher form = FORM_TOKEN.matcher(page);
        if (!form.find()) {
            throw new Failures.Failed("the notice page " + amirasPage + " has no appeal form");
        }
        client.postForm(amirasPage + "/appeal", Map.of("form", form.group(1), "lang", "en", "grounds",
                "I quoted a politician's speech in order to criticise it; the next sentence of my post says so."), 303);
        String appeal = pendingAppeal(client, keys.secondReviewer(), removal.string("decision"));
        out.println("  Amira appeals from her notice page (its form, no login): appeal " + appeal);
        client.post("/v1/appeals/" + appeal + "/claim", keys.secondReviewer(), 200);
        client.post("/v1/appeals/" + appeal + "/decision", keys.secondReviewer(), Json.object().put("outcome", "reversed")
                .put("reasons", "The post quotes the speech to criticise it: that is reporting, not incitement.").build(), 200);
        out.println("  rev-chiara, who took no part, reverses it: the post is restored, Amira and Nora are told why");

        // ---- an account suspended on a trusted flagger's notice, appealed through the API, upheld ----
        out.println();
        out.println("Case 2: an account");
        String account = "jonas.berger-" + round;
        DemoClient.Reply flagged = client.post("/v1/notices", keys.platform(), notice(
                subject("account", account, account, 85, "de", "AT", Optional.empty(), today.minusYears(1)),
                "https://social.example/" + account,
                "The account posts the same fake investment link dozens of times a day.",
                notifier("meldestelle", Optional.of(new String[] {"Tom Richter", "tom.richter@meldestelle.example"})),
                Optional.of("Meldestelle Beispiel e.V.")), 201);
        out.println("  the trusted flagger's notice is received: " + flagged.string("notice"));
        Instant monthLater = clock.instant().plus(Duration.ofDays(30));
        DemoClient.Reply suspension = client.post("/v1/decisions", keys.moderator(), decision(account, "account", flagged.string("notice"),
                Json.object().put("account", "DECISION_ACCOUNT_SUSPENDED").put("endsAt", monthLater.toString()).build(), Json.object()
                        .put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
                        .put("incompatible_content_ground", "Terms of service 4.2: spam and deceptive links")
                        .put("incompatible_content_explanation", "The account posted the same investment link 214 times in a week.")
                        .put("content_type", Json.strings(List.of("CONTENT_TYPE_TEXT")))
                        .put("category", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD")
                        .put("decision_facts", "Flagged by a trusted flagger; the posting history confirms it.")
                        .build()), 201);
        out.println("  mod-ada suspends the account for 30 days: decision " + suspension.string("decision"));
        DemoClient.Reply appealed = client.post("/v1/appeals", keys.platform(), Json.object()
                .put("subject", Json.object().put("kind", "account").put("id", account).build())
                .put("decision", suspension.string("decision"))
                .put("appellant", Json.object().put("affectedPerson", account).build())
                .put("grounds", "My account was hacked; I have changed my password.").build(), 201);
        out.println("  the platform files Jonas's appeal through the API: appeal " + appealed.string("appeal"));
        client.post("/v1/appeals/" + appealed.string("appeal") + "/decision", keys.firstReviewer(), Json.object().put("outcome", "upheld")
                .put("reasons", "The links were posted over three weeks from the usual device; the suspension stands.").build(), 200);
        out.println("  rev-bashir upholds the decision, with reasons");

        // ---- a protected page: its suspension needs two people ----
        out.println();
        out.println("Case 3: a protected page");
        String lindenpark = "lindenpark-" + round;
        DemoClient.Reply reported = client.post("/v1/notices", keys.platform(), notice(
                subject("page", lindenpark, "lindenpark.ev", 3_200, "de", "DE", Optional.of("civic_organisation"), today.minusYears(3)),
                "https://social.example/pages/" + lindenpark,
                "The page calls for a protest against the new car park.",
                notifier("lukas.brandt", Optional.of(new String[] {"Lukas Brandt", "lukas.brandt@example.org"})), Optional.empty()), 201);
        DemoClient.Reply proposed = client.post("/v1/decisions", keys.moderator(), decision(lindenpark, "page", reported.string("notice"),
                Json.object().put("service", "DECISION_PROVISION_TOTAL_SUSPENSION").build(), Json.object()
                        .put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
                        .put("incompatible_content_ground", "Terms of service 7.1: political campaigning")
                        .put("incompatible_content_explanation", "The page organises a protest.")
                        .put("content_type", Json.strings(List.of("CONTENT_TYPE_TEXT")))
                        .put("category", "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS")
                        .put("decision_facts", "Reported by a user; the page's last ten posts were read.")
                        .build()), 202);
        out.println("  mod-ada's suspension of the page is only proposed: " + proposed.string("why"));

        // ---- the log ----
        out.println();
        String receiptLink = removal.string("receipt");
        Path receiptFile = data.resolve("receipts").resolve("entry-" + removal.number("position") + ".tlog-proof");
        Files.createDirectories(receiptFile.getParent());
        Files.writeString(receiptFile, receipt(client, receiptLink));
        String verifierKey = client.get("/log/key", Optional.empty(), 200).body().strip();
        NoteVerifier verifier = switch (VerifierKeys.parse(verifierKey)) {
            case Parsed.Ok<NoteVerifier>(NoteVerifier ok) -> ok;
            case Parsed.Malformed<NoteVerifier> m -> throw new Failures.Failed("the service's /log/key is not a verifier key: " + m);
        };
        String summary;
        try (HttpClient http = HttpClient.newHttpClient()) {
            summary = LogVerification.run(new HttpTiles(http, url.resolve("/log/"), Duration.ofSeconds(30)), verifier, Optional.empty(),
                    List.of(receiptFile), List.of(), spec.commandLine().getErr(), clock);
        }
        out.println("The log: the receipt of Amira's decision is saved as " + receiptFile + "; " + summary);
        out.println("  check it yourself: " + String.join(" ", List.of("bin/recourse", "verify", "--log", url.resolve("/log").toString(),
                "--key", verifierKey, "--receipt", receiptFile.toString()).stream().map(DemoCommand::shellWord).toList()));

        List<String[]> open = new ArrayList<>();
        open.add(new String[] {amirasPage, "Amira's notice page (no login): why her post was removed, in Persian (switch"
                + " language at the top), her redress, the appeal she sent from it and its reversal, her receipt"});
        open.add(new String[] {notice.string("notifierPage"), "Nora's notifier page: the receipt of her notice, the decision on it,"
                + " and that it was reversed on appeal"});
        open.add(new String[] {suspension.string("noticePage"), "Jonas's notice page: the account suspension until its end date,"
                + " upheld on appeal with the reviewer's reasons"});
        open.add(new String[] {reported.string("notifierPage"), "Lukas's notifier page: his notice about the protected page is"
                + " received; no decision yet, as it waits for a second person"});
        open.add(new String[] {receiptLink, "the receipt of Amira's decision (c2sp.org/tlog-proof), to check offline"});
        open.add(new String[] {"/portal/decisions", "the public portal: every decision's public record, searchable, with its log"
                + " entry and receipt"});
        open.add(new String[] {"/portal/statistics", "the portal's statistics: decisions over time, the automated share,"
                + " appeals and how often they overturn a decision"});
        open.add(new String[] {"/portal/verify", "the portal's verify page: paste the receipt saved above to check it"});
        open.add(new String[] {"/log/checkpoint", "the log's latest signed checkpoint"});
        open.add(new String[] {"/docs/api", "the API's reference, to read and try (the keys above work in it)"});
        out.println("  the case as the API shows it (with a key): curl -H 'Authorization: Bearer " + keys.moderator() + "' "
                + url.resolve("/v1/cases/" + removal.string("case")));
        return open;
    }

    /**
     * Waits until the demo platform's receiver has taken and acknowledged every action: none waits for its first
     * attempt, each it received is acknowledged, and nothing new arrived for a while (the outbox takes events in every
     * half second). Then prints each with where its state is seen.
     */
    private static void delivered(DemoClient client, String admin, URI url, DemoPlatform platform, InstantSource clock,
            PrintWriter out) throws Exception {
        Instant until = clock.instant().plus(DELIVERY_WAIT);
        while (waiting(client, admin) || !platform.settled(QUIET) || unrecorded(client, admin, platform)) {
            if (clock.instant().isAfter(until)) {
                throw new Failures.Failed("the actions were not all delivered and acknowledged within " + DELIVERY_WAIT.toSeconds()
                        + " s; see " + url.resolve("/v1/actions?state=pending"));
            }
            platform.awaitChange(Duration.ofMillis(200));
        }
        out.println();
        out.println("Actions delivered to social-example's receiver at " + platform.url(DemoPlatform.ACTIONS) + " (signed;"
                + " it acknowledges each as applied; messages to people go to " + platform.url(DemoPlatform.MESSAGES)
                + "). Each action's state and attempts:");
        for (DemoPlatform.Action action : platform.actions()) {
            String path = "/v1/actions/" + action.id();
            String state = ((Json.Str) client.get(path, Optional.of(admin), 200).json().get("state")).value();
            out.println("  " + action.type() + " on " + action.subject() + ": " + state);
            out.println("  curl -H 'Authorization: Bearer " + admin + "' " + url.resolve(path));
        }
    }

    /**
     * Whether an action's delivery attempt is not recorded yet: the receiver acknowledges an action while the
     * dispatcher is still writing down the attempt that brought it, so an action can be applied a moment before its
     * attempt shows.
     */
    private static boolean unrecorded(DemoClient client, String admin, DemoPlatform platform) throws Exception {
        for (DemoPlatform.Action action : platform.actions()) {
            Json.Obj shown = client.get("/v1/actions/" + action.id(), Optional.of(admin), 200).json();
            if (((Json.Arr) shown.get("attempts")).elements().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an action waits for its first attempt. (One delivered and never acknowledged by an earlier run, stopped
     * by Ctrl-C, is not delivered again: only this run's are waited for, through the receiver.)
     */
    private static boolean waiting(DemoClient client, String admin) throws Exception {
        Json.Obj pending = client.get("/v1/actions?state=pending&limit=500", Optional.of(admin), 200).json();
        return ((Json.Arr) pending.get("items")).elements().stream()
                .anyMatch(item -> ((Json.Num) ((Json.Obj) item).get("failures")).value() == 0);
    }

    /** The appeal of {@code decision} waiting in the queue. */
    private static String pendingAppeal(DemoClient client, String reviewer, String decision) throws Exception {
        Json.Obj queue = client.get("/v1/appeals?limit=500", Optional.of(reviewer), 200).json();
        return ((Json.Arr) queue.get("items")).elements().stream().map(item -> (Json.Obj) item)
                .filter(item -> item.get("decision").equals(Json.of(decision)))
                .map(item -> ((Json.Str) item.get("appeal")).value()).findFirst()
                .orElseThrow(() -> new Failures.Failed("the appeal filed from the notice page is not in the queue"));
    }

    /** The receipt at {@code link}: the log takes a new entry in within a second or so, so a 503 is retried. */
    private static String receipt(DemoClient client, String link) throws Exception {
        for (int attempt = 1; ; attempt++) {
            DemoClient.Reply reply = client.get(link, Optional.empty(), 200, 503);
            if (reply.status() == 200) {
                return reply.body();
            }
            if (attempt == 10) {
                throw new Failures.Failed("the log did not take in the decision's entry; " + link + " still answers 503");
            }
        }
    }

    private static Json.Obj subject(String kind, String id, String owner, long reach, String language, String territory,
            Optional<String> protectedMark, LocalDate since) {
        Json.ObjBuilder subject = Json.object().put("kind", kind).put("id", id).put("owner", owner).put("reach", Json.of(reach))
                .put("language", language).put("territory", territory).put("since", since.toString());
        protectedMark.ifPresent(mark -> subject.put("protected", mark));
        return subject.build();
    }

    private static Json.Obj notifier(String id, Optional<String[]> nameAndEmail) {
        Json.ObjBuilder notifier = Json.object().put("id", id);
        nameAndEmail.ifPresent(n -> notifier.put("name", n[0]).put("email", n[1]));
        return notifier.build();
    }

    private static Json.Obj notice(Json.Obj subject, String location, String explanation, Json.Obj notifier,
            Optional<String> trustedFlagger) {
        Json.ObjBuilder notice = Json.object().put("subject", subject).put("location", location).put("explanation", explanation)
                .put("notifier", notifier).put("goodFaith", Json.of(true));
        trustedFlagger.ifPresent(t -> notice.put("trustedFlagger", t));
        return notice.build();
    }

    private static Json.Obj decision(String id, String kind, String notice, Json.Obj restriction, Json.Obj reasons) {
        return Json.object()
                .put("subject", Json.object().put("kind", kind).put("id", id).build())
                .put("notices", Json.strings(List.of(notice)))
                .put("restrict", Json.object().put("restrictions", List.of((Json) restriction)).put("reasons", reasons).build())
                .build();
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code word} as one word for a POSIX shell: as it is when that is safe, else in single quotes. */
    private static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
