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
 * @param network the grouping the platform puts it in (an organisation, a network of accounts), if any
 * @param page the page it belongs to (content posted on a page, an editor's account of a page), if any; a subject of
 *     kind {@link SubjectKind#PAGE}
 */
public record Subject(SubjectRef ref, AccountId owner, long reach, LanguageCode language, CountryCode territory,
        Optional<ProtectedMark> protectedMark, LocalDate since, Optional<AccountType> accountType,
        Optional<NetworkId> network, Optional<SubjectRef> page) {
    public Subject {
        if (reach < 0) {
            throw new IllegalArgumentException("reach is at least 0, not " + reach);
        }
        if (page.isPresent() && page.get().kind() != SubjectKind.PAGE) {
            throw new IllegalArgumentException("a subject belongs to a page, not to " + page.get());
        }
    }

    /** A subject in no network and on no page. */
    public Subject(SubjectRef ref, AccountId owner, long reach, LanguageCode language, CountryCode territory,
            Optional<ProtectedMark> protectedMark, LocalDate since, Optional<AccountType> accountType) {
        this(ref, owner, reach, language, territory, protectedMark, since, accountType, Optional.empty(), Optional.empty());
    }

    /** Whether account- or page-level actions on this subject are high-impact, with {@code reachThreshold}. */
    public boolean isSensitive(long reachThreshold) {
        return protectedMark.isPresent() || reach >= reachThreshold;
    }
}
