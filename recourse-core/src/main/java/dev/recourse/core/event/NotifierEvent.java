package dev.recourse.core.event;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NotifierId;
import java.time.Instant;

/** An event of a notifier's record (DSA Art. 23(2)). */
public sealed interface NotifierEvent extends Event {
    /** The notifier. */
    NotifierId notifier();

    /** A person found one of the notifier's notices manifestly unfounded, with reasons. */
    record NoticeFoundUnfounded(NotifierId notifier, CaseId caseId, NoticeId notice, Person assessor, String reasons, Instant at)
            implements NotifierEvent {}

    /** The notifier was warned, with reasons. */
    record NotifierWarned(NotifierId notifier, String reasons, Instant at) implements NotifierEvent {}

    /** The processing of the notifier's notices is suspended until {@code until}, with reasons. */
    record NoticeProcessingSuspended(NotifierId notifier, Instant until, String reasons, Instant at) implements NotifierEvent {}

    /** The suspension ended. */
    record NoticeProcessingResumed(NotifierId notifier, Instant at) implements NotifierEvent {}
}
