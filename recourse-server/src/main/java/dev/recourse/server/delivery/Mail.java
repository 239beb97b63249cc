package dev.recourse.server.delivery;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.shape.Fields;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Date;
import java.util.Properties;

/**
 * Sends messages to people by e-mail over SMTP (Jakarta Mail): plain UTF-8 text, the subject encoded as RFC 2047
 * asks. The server's acceptance of the message (250 after DATA) is the delivery; a refusal or no answer is a failure,
 * tried again later.
 */
final class Mail implements Transport {
    private static final String TIMEOUT_MILLIS = Long.toString(Webhook.TIMEOUT.toMillis());

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final InstantSource clock;

    /**
     * Sends through the server of {@code settings}.
     *
     * @throws IllegalArgumentException if the sender is not an address
     */
    Mail(SmtpSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + settings.from(), e);
        }
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        this.session = Session.getInstance(p);
    }

    @Override
    public Sent send(Deliveries.Claimed delivery) {
        Fields email = new Fields((Json.Obj) Json.parseUtf8(delivery.body()).orElseThrow());
        try {
            MimeMessage message = new MimeMessage(session) {
                /** The delivery's id: the same on every attempt, so a mail system can tell a repeat. */
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + delivery.id() + "@recourse>");
                }
            };
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.text("to"), email.text("name"),
                    StandardCharsets.UTF_8.name()));
            message.setSubject(email.text("subject"), StandardCharsets.UTF_8.name());
            message.setText(email.text("text"), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", email.text("language"));
            message.setSentDate(Date.from(clock.instant()));
            if (settings.user().isPresent()) {
                jakarta.mail.Transport.send(message, settings.user().get(), settings.password().orElseThrow());
            } else {
                jakarta.mail.Transport.send(message);
            }
            return new Sent(true, "SMTP accepted by " + settings.host());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Sent(false, "SMTP: " + e.getMessage());
        }
    }
}
