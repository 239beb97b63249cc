package dev.recourse.server.cli;

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
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse bench portal}: how long the transparency portal's pages take with a large record. It starts the real
 * store on an embedded database in a new directory, fills the public record as if it held {@code --decisions}
 * decisions over a year ({@link PublicRecordLoad}: the rollups, and {@code --searchable} rows of searchable
 * decisions), serves the service on 127.0.0.1, and fetches each page {@code --requests} times one after another after
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

    @Option(names = "--decisions", paramLabel = "N", defaultValue = "10000000",
            description = "How many decisions the rollups count (default ${DEFAULT-VALUE}).")
    long decisions;

    @Option(names = "--searchable", paramLabel = "S", defaultValue = "0",
            description = "How many decisions to store for the search, too (default ${DEFAULT-VALUE}).")
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
            counted = PublicRecordLoad.fill(store.dataSource(), first, 365, decisions, rules, searchable);
            err.printf(Locale.ROOT, "recourse: filled in %.1f s: the rollups count %d decisions%n", (System.nanoTime() - start) / 1e9,
                    counted);
            err.flush();
            SecureRandom random = new SecureRandom();
            PageLinks links = PageLinks.load(work, URI.create("http://127.0.0.1"), random);
            try (Service service = Service.start(HttpSettings.onPort(0), DeliverySettings.none(), links, store, clock, random, "bench")) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (String path : List.of("/portal/statistics", "/portal/statistics?from=" + first + "&to=" + last,
                        "/portal/decisions", "/portal/decisions?category=STATEMENT_CATEGORY_SCAMS_AND_FRAUD"
                                + "&automation=AUTOMATED_DECISION_FULLY", "/portal/decisions?rule=rule-7@1&appeal=UPHELD", "/portal/decisions?rule=rule-7@1&appeal=REVERSED")) {
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
