package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.store.database.DatabaseSettings;
import dev.recourse.store.database.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final Pattern KEY = Pattern.compile("^  (rk_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    /** What one run of {@code serve} printed, and what was seen while it served. */
    private record Served(int exitCode, String out, String err, List<Integer> statuses) {}

    /** Runs {@code serve} on a fresh test database, calling {@code GET path} with the key it printed while it serves. */
    private Served serve(DatabaseSettings database, String key, String path, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.of("RECOURSE_DATABASE_USER", database.user().orElseThrow(),
                "RECOURSE_DATABASE_PASSWORD", database.password().orElseThrow());
        CommandLine commandLine = Recourse.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), environment);
        List<Integer> statuses = new ArrayList<>();
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        serve.whileServing = url -> {
            Matcher printed = KEY.matcher(out.toString());
            String bearer = key != null ? key : printed.find() ? printed.group(1) : "none";
            statuses.add(get(url.resolve(path), bearer));
        };
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data", data.toString(),
                "--database-url", database.url().orElseThrow()));
        args.addAll(List.of(more));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Served(exitCode, out.toString(), err.toString(), statuses);
    }

    private static int get(URI url, String key) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theFirstStartPrintsTheFirstAdminKeyWhichWorksAndTheUrls() {
        Served served = serve(TestDatabases.freshSettings(data), null, "/v1/api-keys");

        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.out()).contains("The first admin API key (shown this once", "/docs/api", "/log/checkpoint", "/health",
                "actions wait in their queue", "Recourse: stopped");
        assertThat(served.statuses()).containsExactly(200);
    }

    @Test
    void aSecondStartPrintsNoKeyAndTheFirstStillWorks() {
        DatabaseSettings database = TestDatabases.freshSettings(data);
        Served first = serve(database, null, "/health");
        Matcher key = KEY.matcher(first.out());
        assertThat(key.find()).isTrue();

        Served second = serve(database, key.group(1), "/v1/api-keys");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(KEY.matcher(second.out()).find()).isFalse();
        assertThat(second.statuses()).containsExactly(200);
    }

    @Test
    void aWrongSettingIsOneLineNamingItAndWhereItCameFrom() throws IOException {
        Path config = Files.writeString(data.resolve("recourse.properties"), "http.rate-burst = 0\nportt = 1\n");

        Served served = serve(TestDatabases.freshSettings(data), null, "/health", "--config", config.toString());

        assertThat(served.exitCode()).isEqualTo(1);
        assertThat(served.err().lines().toList()).containsExactly(
                "recourse: portt (in the configuration file): is not a setting; the settings are "
                        + String.join(", ", ServerSettings.DEFAULTS.keySet()),
                "recourse: http.rate-burst (in the configuration file): is a whole number from 1 to 2147483647, not \"0\"");
        assertThat(served.statuses()).isEmpty();
    }
}
