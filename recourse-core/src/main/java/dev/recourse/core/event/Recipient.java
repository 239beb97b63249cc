package dev.recourse.core.event;

import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.subject.AccountId;
import java.util.Optional;

/** Who is told. All of it is personal data except an authority's name. */
public sealed interface Recipient {
    /** The affected person: the owner of the subject. */
    record Owner(AccountId account) implements Recipient {}

    /** Whoever sent a notice: a user, a trusted flagger or an authority, reached through the notice's contact. */
    record NoticeSender(NoticeId notice, NoticeSource source, Optional<Contact> contact) implements Recipient {}

    /** A notifier about their own record (warnings, suspensions). */
    record Notifier(NotifierId notifier) implements Recipient {}
}
