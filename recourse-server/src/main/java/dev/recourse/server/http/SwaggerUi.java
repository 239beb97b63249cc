package dev.recourse.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code GET /docs/api}: Swagger UI, from its webjar (org.webjars:swagger-ui), showing {@code /openapi.json}. Only
 * the few files the page loads are served.
 */
public final class SwaggerUi {
    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Recourse API</title>
              <link rel="stylesheet" href="/docs/api/swagger-ui.css">
              <link rel="stylesheet" href="/docs/api/index.css">
              <link rel="icon" type="image/png" href="/docs/api/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/api/swagger-ui-bundle.js"></script>
              <script src="/docs/api/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.json",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final String root;

    /** Serves the webjar on the class path. */
    public SwaggerUi() {
        Properties pom = new Properties();
        try (InputStream in = SwaggerUi.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is not on the class path: " + POM);
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.root = "/META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/";
    }

    /** {@code GET /docs/api}: the page. */
    public Answer page(Call call) {
        return Answer.bytes(200, "text/html; charset=utf-8", PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .withHeader("Cache-Control", "public, max-age=300");
    }

    /** {@code GET /docs/api/<file>}: one of the files the page loads. */
    public Answer file(Call call) throws IOException {
        String name = call.pathParameter("file");
        Optional<String> type = Optional.ofNullable(FILES.get(name));
        if (type.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "Swagger UI has no file " + name));
        }
        try (InputStream in = SwaggerUi.class.getResourceAsStream(root + name)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar lacks " + root + name);
            }
            return Answer.bytes(200, type.get(), in.readAllBytes()).withHeader("Cache-Control", "public, max-age=86400");
        }
    }
}
