package dev.recourse.core.appeal;

import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.subject.AccountId;

/** Who appeals a decision. */
public sealed interface Appellant {
    /** The person the decision acted against: the subject's owner. */
    record AffectedPerson(AccountId account) implements Appellant {}

    /** The sender of a notice the decision answered. */
    record Notifier(NoticeId notice) implements Appellant {}
}
