package dev.recourse.server.cli;

import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Result;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.http.HttpSettings;
import dev.recourse.server.http.Service;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.bench.PublicRecordLoad;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse bench portal}: how long the transparency portal's pages take with a large record. It starts the real
 * store on an embedded database in a new directory, fills the public record as if it held {@code --decisions}
 * decisions over a year ({@link PublicRecordLoad}: the rollups, or {@code --searchable} searchable decisions and the
 * rollups that count them), registers a page of authority requests through the core, serves the service on 127.0.0.1, and fetches each page {@code --requests} times one after another after
 * {@code --warmup} unmeasured fetches: the time from sending the request to the last byte of the page.
 *
 * <p>The last line on stdout is the result as one JSON object.
 */
@Command(name = "portal", description = {
    "Fill the public record as if it held N decisions over a year, serve the portal on 127.0.0.1, and measure how long"
            + " each page takes to render and arrive.",
    "The last line is the result as JSON."
})
final class BenchPortalCommand implements Callable<Integer> {
    static final String ORIGIN = "bench.recourse.invalid/portal";
    /** How many authority requests the register holds. */
    static final int REQUESTS = 60;

    @Option(names = "--decisions", paramLabel = "N", defaultValue = "10000000",
            description = "How many decisions the rollups count when there are no searchable ones (default ${DEFAULT-VALUE}).")
    long decisions;

    @Option(names = "--searchable", paramLabel = "S", defaultValue = "0",
            description = "How many decisions to store for the search (default ${DEFAULT-VALUE}); the rollups then count"
                    + " exactly these.")
    long searchable;

    @Option(names = "--rules", paramLabel = "R", defaultValue = "40", description = "How many rules (default ${DEFAULT-VALUE}).")
    int rules;

    @Option(names = "--requests", paramLabel = "Q", defaultValue = "50",
            description = "How many measured fetches of each page (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20",
            description = "How many unmeasured fetches of each page first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    CommandSpec spec;

    private final InstantSource clock;

    BenchPortalCommand() {
        // The command line is the edge of the program: the one place the system clock is read.
        this.clock = InstantSource.system();
    }

    /** What one page took, in milliseconds. */
    private record Timing(String path, double median, double p95, double max, int bytes) {}

    @Override
    public Integer call() throws Exception {
        if (decisions < 1 || searchable < 0 || rules < 1 || requests < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--decisions, --rules and --requests are at least 1;"
                    + " --searchable and --warmup at least 0");
        }
        Path work = Files.createTempDirectory("recourse-bench-portal-");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        err.println("recourse: portal benchmark in " + work + " (load average " + BenchDecisionsCommand.loadAverage() + ")");
        err.flush();
        LocalDate last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = last.minusDays(364);
        List<Timing> timings = new ArrayList<>();
        long counted;
        try (RecourseStore store = RecourseStore.open(StoreSettings.under(work, ORIGIN, DecisionLoad.SETTINGS), clock,
                new SecureRandom())) {
            err.println("recourse: filling the public record (" + decisions + " decisions in the rollups, " + searchable
                    + " searchable)...");
            err.flush();
            long start = System.nanoTime();
            counted = PublicRecordLoad.fill(store.dataSource(), first, 365, decisions, rules, searchable, message -> {
                err.println("recourse: " + message);
                err.flush();
            });
            err.printf(Locale.ROOT, "recourse: filled in %.1f s: the rollups count %d decisions%n", (System.nanoTime() - start) / 1e9,
                    counted);
            err.flush();
            DecisionId decision = registerRequests(store);
            SecureRandom random = new SecureRandom();
            PageLinks links = PageLinks.load(work, URI.create("http://127.0.0.1"), random);
            try (Service service = Service.start(HttpSettings.onPort(0), DeliverySettings.none(), links, store, clock, random, "bench")) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (String path : pages(first, last, decision)) {
                    timings.add(measure(http, service.url().resolve(path), path));
                    err.println("recourse: measured " + path);
                    err.flush();
                }
            }
        } finally {
            deleteQuietly(work, err);
        }
        out.printf(Locale.ROOT, "%d decisions in the rollups over 365 days, %d searchable; %d fetches a page after %d warm-up;"
                + " load average %s%n", counted, searchable, requests, warmup, BenchDecisionsCommand.loadAverage());
        out.println("page | median ms | p95 ms | max ms | bytes");
        StringBuilder json = new StringBuilder("{\"decisions\":").append(counted).append(",\"searchable\":").append(searchable)
                .append(",\"requests\":").append(requests).append(",\"pages\":[");
        for (int i = 0; i < timings.size(); i++) {
            Timing t = timings.get(i);
            out.printf(Locale.ROOT, "%s | %.1f | %.1f | %.1f | %d%n", t.path(), t.median(), t.p95(), t.max(), t.bytes());
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"path\":\"%s\",\"median_ms\":%.2f,\"p95_ms\":%.2f,\"max_ms\":%.2f}", t.path(), t.median(), t.p95(), t.max()));
        }
        out.println(json.append("]}"));
        out.flush();
        return 0;
    }

    /**
     * The pages measured: the statistics of the last 90 days and of the year; the search unfiltered, by each filter
     * alone, and by combinations that match and that match nothing; a decision's record; the register.
     */
    private static List<String> pages(LocalDate first, LocalDate last, DecisionId decision) {
        String search = "/portal/decisions";
        return List.of("/portal/statistics", "/portal/statistics?from=" + first + "&to=" + last,
                search,
                search + "?from=" + last.minusDays(30) + "&to=" + last.minusDays(30),
                search + "?category=STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
                search + "?ground=DECISION_GROUND_ILLEGAL_CONTENT",
                search + "?restriction=ACCOUNT",
                search + "?automation=AUTOMATED_DECISION_PARTIALLY",
                search + "?source=GOVERNMENT_REQUEST",
                search + "?rule=rule-7@1",
                search + "?appeal=REVERSED",
                search + "?category=STATEMENT_CATEGORY_SCAMS_AND_FRAUD&automation=AUTOMATED_DECISION_FULLY",
                search + "?rule=rule-7@1&appeal=UPHELD",
                // The load gives rule-7@1 only to decisions whose appeal was upheld, and a trusted flagger's notices
                // only to decisions on the second ground: these two match nothing.
                search + "?rule=rule-7@1&appeal=REVERSED",
                search + "?ground=DECISION_GROUND_ILLEGAL_CONTENT&source=TRUSTED_FLAGGER",
                // Nor does rule-7@1 ever decide on the first ground: a combination the rollups cannot rule out.
                search + "?rule=rule-7@1&ground=DECISION_GROUND_ILLEGAL_CONTENT",
                search + "/" + decision,
                "/portal/authority-requests");
    }

    /**
     * Registers {@value #REQUESTS} authority requests through the core, every fifth under a legal hold, each followed by
     * a decision it caused, so that the register has a full page and a decision's record has its log entry.
     *
     * @return the last decision
     */
    private DecisionId registerRequests(RecourseStore store) {
        DecisionId last = null;
        for (long n = 0; n < REQUESTS; n++) {
            Subject post = DecisionLoad.post(n);
            List<RecordedEvent> registered = accepted(store, new dev.recourse.core.command.Command.RegisterAuthorityRequest(post,
                    n % 2 == 0 ? AuthorityKind.ORDER : AuthorityKind.GOVERNMENT_REQUEST,
                    new Authority("Landgericht Berlin", new CountryCode("DE")), new LegalBasis("Art. 9 DSA with § 130 StGB"),
                    Optional.empty(), "Remove the post.", n % 5 == 0 ? Optional.of(new LegalHold(clock.instant()
                            .plus(Duration.ofDays(30)), "an investigation runs")) : Optional.empty()));
            NoticeId notice = registered.stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                    .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
            last = accepted(store, DecisionLoad.decision(n, notice)).stream().map(RecordedEvent::event)
                    .filter(CaseEvent.DecisionTaken.class::isInstance).map(e -> ((CaseEvent.DecisionTaken) e).decision().id())
                    .findFirst().orElseThrow();
        }
        return last;
    }

    private static List<RecordedEvent> accepted(RecourseStore store, dev.recourse.core.command.Command command) {
        return switch (store.dueProcess().handle(command)) {
            case Result.Accepted a -> a.events();
            case Result.Rejected r -> throw new IllegalStateException("the core refused the benchmark's " + command + ": " + r);
            // Nothing else writes to the benchmark's store.
            case Result.Contended c -> throw new IllegalStateException("the benchmark's " + command + " met another writer on " + c.stream());
        };
    }

    private Timing measure(HttpClient http, URI uri, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            fetch(http, request);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            bytes = fetch(http, request);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(path, millis[millis.length / 2], millis[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.95) - 1)],
                millis[millis.length - 1], bytes);
    }

    private static int fetch(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private static void deleteQuietly(Path root, PrintWriter err) {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            err.println("recourse: could not delete " + root + ": " + e.getMessage());
        }
    }
}
