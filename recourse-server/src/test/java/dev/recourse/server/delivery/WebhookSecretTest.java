package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature scheme. */
class WebhookSecretTest {
    /** The example of the Standard Webhooks reference libraries' tests. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheReferenceLibrariesDo() {
        assertThat(WebhookSecret.parse(SECRET).orElseThrow().sign(ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesOneOfSeveralSignatures() {
        WebhookSecret secret = WebhookSecret.parse(SECRET).orElseThrow();
        String header = "v1,bm90IGl0 " + secret.sign(ID, TIMESTAMP, BODY);
        assertThat(secret.verifies(ID, TIMESTAMP, BODY, header)).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        WebhookSecret secret = WebhookSecret.parse(SECRET).orElseThrow();
        String signature = secret.sign(ID, TIMESTAMP, BODY);
        assertThat(secret.verifies(ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void refusesAnotherTimestamp() {
        WebhookSecret secret = WebhookSecret.parse(SECRET).orElseThrow();
        assertThat(secret.verifies(ID, TIMESTAMP + 1, BODY, secret.sign(ID, TIMESTAMP, BODY))).isFalse();
    }

    @Test
    void aSecretIsWhsecAndBase64OfEnoughBytes() {
        assertThat(WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
        assertThat(WebhookSecret.parse("whsec_not base64!")).isEmpty();
        assertThat(WebhookSecret.parse("whsec_c2hvcnQ=")).isEmpty();
    }

    @Test
    void aGeneratedSecretReadsBackAsItself() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        assertThat(WebhookSecret.parse(secret.reveal())).contains(secret);
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(6));
    }
}
