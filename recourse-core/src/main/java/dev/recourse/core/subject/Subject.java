package dev.recourse.core.subject;

import dev.recourse.core.statement.AccountType;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What is acted on, as the platform describes it at the time: content, an account or a page.
 *
 * @param ref the platform's kind and identifier
 * @param owner the account that owns it (for an account, itself): the affected person
 * @param reach followers or members; at least zero
 * @param language the language of the content and of its owner, in which they are addressed
 * @param territory the country the owner is in
 * @param protectedMark why it is protected, if it is (journalist, elected official, civic organisation)
 * @param since when the content was posted or the account or page created (DSA {@code content_date})
 * @param accountType whether the owner's account is a business or a private one, if known
 */
public record Subject(SubjectRef ref, AccountId owner, long reach, LanguageCode language, CountryCode territory,
        Optional<ProtectedMark> protectedMark, LocalDate since, Optional<AccountType> accountType) {
    public Subject {
        if (reach < 0) {
            throw new IllegalArgumentException("reach is at least 0, not " + reach);
        }
    }

    /** Whether account- or page-level actions on this subject are high-impact, with {@code reachThreshold}. */
    public boolean isSensitive(long reachThreshold) {
        return protectedMark.isPresent() || reach >= reachThreshold;
    }
}
