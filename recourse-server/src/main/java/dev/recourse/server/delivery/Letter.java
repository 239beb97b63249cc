package dev.recourse.server.delivery;

import dev.recourse.core.subject.LanguageCode;
import java.net.URI;
import java.util.Optional;

/**
 * A message to a person as they read it: in their language, saying what happened, linking to their page.
 *
 * @param language the language it is written in
 * @param subject one line: an e-mail's subject, an in-app notice's title
 * @param text the whole text, the link included
 * @param link the person's page, where they read the details and can appeal; empty where they have none
 */
public record Letter(LanguageCode language, String subject, String text, Optional<URI> link) {
    public Letter {
        if (subject.isBlank() || subject.contains("\n") || text.isBlank()) {
            throw new IllegalArgumentException("a letter has a one-line subject and a text");
        }
    }
}
