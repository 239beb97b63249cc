package dev.recourse.server.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * How e-mail is sent: the SMTP server, and who the messages are from.
 *
 * @param host the SMTP server's host
 * @param port its port (587 for submission with STARTTLS, 25, or whatever the server uses)
 * @param from the sender address of every message, {@code Name <address>} or an address
 * @param user who to log in as, if the server asks for it
 * @param password the user's password; never printed
 * @param starttls whether to require STARTTLS before anything else is sent
 */
public record SmtpSettings(String host, int port, String from, Optional<String> user, Optional<String> password, boolean starttls) {
    public SmtpSettings {
        if (host.isBlank() || !isAddress(from) || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP needs a host, a port from 1 to 65535 and a sender's address");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("an SMTP user has a password, and a password a user");
        }
    }

    /** Whether {@code text} is an address e-mail can be sent from: {@code Name <address>} or an address (RFC 822). */
    public static boolean isAddress(String text) {
        try {
            new InternetAddress(text, true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Shows everything but the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from " + from + ", user " + user.orElse("(none)") + ", starttls " + starttls + "]";
    }
}
