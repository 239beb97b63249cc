package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.server.http.auth.ApiRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The address a notice page tells people to verify their receipt against: the configured public URL, else the one
 * the service listens on; never the request's Host header, which whoever sends the request chooses.
 */
class NoticePageOriginTest {
    private static final String FORGED_HOST = "attacker.example";

    @Test
    void theVerifyCommandNamesThePublicUrlWhenOneIsSet() throws IOException {
        try (TestApi api = new TestApi(HttpSettings.onPort(0).withPublicUrl(URI.create("https://moderation.example.org/recourse")),
                java.time.InstantSource.system()).start()) {
            String page = getWithHost(api, noticePage(api), FORGED_HOST);

            assertThat(page).startsWith("HTTP/1.1 200").contains("recourse verify --log https://moderation.example.org/recourse/log --key ")
                    .doesNotContain(FORGED_HOST);
        }
    }

    @Test
    void withoutAPublicUrlTheVerifyCommandNamesWhereTheServiceListensNotTheHostHeader() throws IOException {
        try (TestApi api = new TestApi().start()) {
            String page = getWithHost(api, noticePage(api), FORGED_HOST);

            assertThat(page).startsWith("HTTP/1.1 200").contains("recourse verify --log " + api.server().url() + "/log --key ")
                    .doesNotContain(FORGED_HOST);
        }
    }

    /** The notice page of a decision removing a new post. */
    private static String noticePage(TestApi api) {
        String post = "post-" + UUID.randomUUID();
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice(post, "owner-" + post));
        assertThat(notice.status()).as(notice.text()).isEqualTo(201);
        Client.Reply decision = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal(post, notice.string("notice"),
                Bodies.illegalReasons()));
        assertThat(decision.status()).as(decision.text()).isEqualTo(201);
        return decision.string("noticePage");
    }

    /** {@code GET path} with the Host header {@code host}, over a plain socket (java.net.http will not forge a Host). */
    private static String getWithHost(TestApi api, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.server().port());
                OutputStream out = socket.getOutputStream(); InputStream in = socket.getInputStream()) {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
