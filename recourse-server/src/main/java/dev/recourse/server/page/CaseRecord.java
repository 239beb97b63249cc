package dev.recourse.server.page;

import dev.recourse.core.appeal.Appeal;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people's pages show of one case, read from its events: the subject as described, the decisions, the appeals
 * and their outcomes, the notices, and which restrictions were lifted and why.
 */
final class CaseRecord {
    /** A decision as taken: by whom and why, as it was described then, and where it is in the log. */
    record Taken(Decision decision, Optional<AppealId> replacing, Subject subject, long position) {}

    /** An appeal, and how it was decided once it was. */
    record Filed(Appeal appeal, long position, Optional<CaseEvent.AppealDecided> decided) {}

    /** A notice as received, and where it is in the log. */
    record Received(Notice notice, Instant at, long position) {}

    /** A restriction lifted: when and why. */
    record Lifted(Instant at, LiftCause cause) {}

    private SubjectRef ref;
    private Subject subject;
    private final List<Taken> decisions = new ArrayList<>();
    private final List<Filed> appeals = new ArrayList<>();
    private final List<Received> notices = new ArrayList<>();
    private final Map<RestrictionId, Lifted> lifted = new HashMap<>();

    private CaseRecord() {}

    /**
     * The record of the case whose events are {@code events}, in stream order.
     *
     * @throws IllegalArgumentException if they do not begin a case (a bug: page targets point at case streams only)
     */
    static CaseRecord of(List<RecordedEvent> events) {
        CaseRecord record = new CaseRecord();
        for (RecordedEvent recorded : events) {
            if (recorded.event() instanceof CaseEvent e) {
                record.take(e, recorded.position());
            }
        }
        if (record.ref == null || record.subject == null) {
            throw new IllegalArgumentException("these events are not those of a described case");
        }
        return record;
    }

    private void take(CaseEvent event, long position) {
        switch (event) {
            case CaseEvent.CaseOpened e -> ref = e.subject();
            case CaseEvent.SubjectDescribed e -> subject = e.subject();
            case CaseEvent.NoticeReceived e -> notices.add(new Received(e.notice(), e.at(), position));
            case CaseEvent.DecisionTaken e -> decisions.add(new Taken(e.decision(), e.replacing(), subject, position));
            case CaseEvent.AppealFiled e -> appeals.add(new Filed(e.appeal(), position, Optional.empty()));
            case CaseEvent.AppealDecided e -> appeals.replaceAll(f -> f.appeal().id().equals(e.appeal())
                    ? new Filed(f.appeal(), f.position(), Optional.of(e)) : f);
            case CaseEvent.RestrictionLifted e -> lifted.put(e.restriction(), new Lifted(e.at(), e.cause()));
            case CaseEvent.DetectionRecorded ignored -> { }
            case CaseEvent.DecisionProposed ignored -> { }
            case CaseEvent.ProposalApproved ignored -> { }
            case CaseEvent.ProposalDeclined ignored -> { }
            case CaseEvent.RestrictionApplied ignored -> { }
            case CaseEvent.PersonInformed ignored -> { }
        }
    }

    /** The subject as the platform knows it. */
    SubjectRef ref() {
        return ref;
    }

    /** The subject as last described. */
    Subject subject() {
        return subject;
    }

    /** The decision {@code id}, if this case took it. */
    Optional<Taken> decision(DecisionId id) {
        return decisions.stream().filter(t -> t.decision().id().equals(id)).findFirst();
    }

    /** The notice {@code id}, if this case received it. */
    Optional<Received> notice(NoticeId id) {
        return notices.stream().filter(r -> r.notice().id().equals(id)).findFirst();
    }

    /** The latest decision that answered notice {@code id}, if one did. */
    Optional<Taken> decisionOn(NoticeId id) {
        return decisions.reversed().stream().filter(t -> t.decision().notices().contains(id)).findFirst();
    }

    /** The decision that replaced {@code decided}'s appealed decision on appeal, if the appeal modified it. */
    Optional<Taken> replacementBy(AppealId appeal) {
        return decisions.stream().filter(t -> t.replacing().equals(Optional.of(appeal))).findFirst();
    }

    /** The appeals of {@code decision} by {@code appellant}, oldest first. */
    List<Filed> appeals(DecisionId decision, Appellant appellant) {
        return appeals.stream().filter(f -> f.appeal().decision().equals(decision) && f.appeal().appellant().equals(appellant))
                .toList();
    }

    /** Whether an appeal of {@code decision}, by anyone, waits for a reviewer. */
    boolean hasPendingAppeal(DecisionId decision) {
        return appeals.stream().anyMatch(f -> f.appeal().decision().equals(decision) && f.decided().isEmpty());
    }

    /** Whether an appeal reversed or replaced {@code decision}. */
    boolean isOverturned(DecisionId decision) {
        return appeals.stream().anyMatch(f -> f.appeal().decision().equals(decision) && f.decided()
                .map(d -> !(d.outcome() instanceof dev.recourse.core.appeal.AppealOutcome.Upheld)).orElse(false));
    }

    /** When and why restriction {@code id} was lifted, if it was. */
    Optional<Lifted> lifted(RestrictionId id) {
        return Optional.ofNullable(lifted.get(id));
    }
}
