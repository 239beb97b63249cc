package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Result;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages to people with an address, delivered by e-mail to a real SMTP server (GreenMail, in this JVM, on loopback). */
class MailDeliveryTest {
    private static final PageLinks LINKS = new PageLinks(URI.create("https://recourse.example"), new byte[32]);

    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T10:00:00Z"));
    private GreenMail smtp;
    @TempDir
    Path data;
    private RecourseStore store;
    private Deliveries deliveries;
    private Outbox outbox;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom());
        deliveries = new Deliveries(store.dataSource(), clock);
        Letters letters = Letters.of(store.events(), id -> store.readModel().caseById(id).map(c -> StreamId.of(c.subject())), LINKS);
        SmtpSettings mail = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "Recourse <recourse@platform.example>",
                Optional.empty(), Optional.empty(), false);
        DeliverySettings settings = new DeliverySettings(Optional.empty(), Optional.empty(), Optional.of(mail),
                new Backoff(3, Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofMillis(20));
        outbox = Outbox.start(settings, store.events(), deliveries, letters, clock, new SecureRandom(), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() throws Exception {
        outbox.close();
        TestCases.close(store);
        smtp.stop();
    }

    @Test
    void theNotifierIsMailedInTheCaseLanguageWithTheLinkToTheirPage() throws Exception {
        Result.Accepted noticed = (Result.Accepted) store.dueProcess().handle(TestCases.notice(TestCases.post("p-1", "acct-1"), "u-1"));
        NoticeId notice = noticed.events().stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo("erika@example.org");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("recourse@platform.example");
        assertThat(mail.getSubject()).isEqualTo("Wir haben Ihre Meldung erhalten");
        assertThat(mail.getContentLanguage()).containsExactly("de");
        assertThat((String) mail.getContent()).contains("Guten Tag,").contains(LINKS.noticePage(notice).toString());
    }

    @Test
    void aMailTheServerTookIsDelivered() throws Exception {
        store.dueProcess().handle(TestCases.notice(TestCases.post("p-2", "acct-2"), "u-2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.list(Optional.of(Channel.EMAIL), Optional.of(DeliveryState.DELIVERED),
                OptionalLong.empty(), 10).size() == 1);
        Delivery delivered = deliveries.list(Optional.of(Channel.EMAIL), Optional.empty(), OptionalLong.empty(), 10).getFirst();
        assertThat(deliveries.find(delivered.id()).orElseThrow().attempts()).singleElement()
                .satisfies(a -> assertThat(a.accepted()).isTrue());
    }

    @Test
    void aDeliveredMailKeepsNeitherTheAddressNorTheText() throws Exception {
        store.dueProcess().handle(TestCases.notice(TestCases.post("p-4", "acct-4"), "u-4"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.list(Optional.of(Channel.EMAIL), Optional.of(DeliveryState.DELIVERED),
                OptionalLong.empty(), 10).size() == 1);
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT length(body) FROM delivery WHERE channel = 'email'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aMailServerThatIsDownFailsTheAttemptAndItIsTriedAgainLater() throws Exception {
        smtp.stop();
        store.dueProcess().handle(TestCases.notice(TestCases.post("p-3", "acct-3"), "u-3"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.list(Optional.of(Channel.EMAIL), Optional.empty(),
                OptionalLong.empty(), 10).stream().anyMatch(d -> d.failures() == 1));
        Delivery pending = deliveries.list(Optional.of(Channel.EMAIL), Optional.empty(), OptionalLong.empty(), 10).getFirst();
        assertThat(pending.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(pending.nextAttemptAt().orElseThrow()).isAfter(clock.instant());
    }
}
