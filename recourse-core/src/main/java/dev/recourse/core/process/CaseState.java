package dev.recourse.core.process;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.notice.Detection;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.subject.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A case as the fold of its events. */
final class CaseState {
    CaseId id;
    Subject subject;
    final Map<NoticeId, Notice> notices = new LinkedHashMap<>();
    final Map<DetectionId, Detection> detections = new LinkedHashMap<>();
    final Map<DecisionId, DecisionProposed> proposals = new LinkedHashMap<>();
    final Map<DecisionId, Deciders> proposalDeciders = new HashMap<>();
    final Map<DecisionId, DecisionTaken> decisions = new LinkedHashMap<>();
    final Map<RestrictionId, RestrictionApplied> standing = new LinkedHashMap<>();
    final Map<AppealId, AppealFiled> appeals = new LinkedHashMap<>();
    final Map<AppealId, AppealDecided> appealOutcomes = new HashMap<>();
    final Set<DecisionId> overturned = new HashSet<>();
    /** The rule versions a recall keeps from this subject, with the recall. */
    final Map<Versioned, RecallId> pinned = new HashMap<>();

    static CaseState fold(List<Event> events) {
        CaseState state = new CaseState();
        for (Event e : events) {
            state.apply((CaseEvent) e);
        }
        return state;
    }

    boolean exists() {
        return id != null;
    }

    private void apply(CaseEvent event) {
        switch (event) {
            case CaseOpened e -> id = e.caseId();
            case SubjectDescribed e -> subject = e.subject();
            case NoticeReceived e -> notices.put(e.notice().id(), e.notice());
            case DetectionRecorded e -> detections.put(e.detection().id(), e.detection());
            case DecisionProposed e -> {
                proposals.put(e.proposal(), e);
                proposalDeciders.put(e.proposal(), e.proposers());
            }
            case ProposalApproved e -> proposalDeciders.computeIfPresent(e.proposal(), (k, d) -> d.with(e.approver()));
            case ProposalDeclined e -> {
                proposals.remove(e.proposal());
                proposalDeciders.remove(e.proposal());
            }
            case DecisionTaken e -> {
                decisions.put(e.decision().id(), e);
                proposals.remove(e.decision().id());
                proposalDeciders.remove(e.decision().id());
            }
            case RestrictionApplied e -> standing.put(e.restriction().id(), e);
            case RestrictionLifted e -> {
                standing.remove(e.restriction());
                if (e.cause() instanceof LiftCause.Recalled r) {
                    pinned.putIfAbsent(r.rule(), r.recall());
                }
            }
            case PersonInformed ignored -> { }
            case AppealFiled e -> appeals.put(e.appeal().id(), e);
            case AppealDecided e -> {
                appealOutcomes.put(e.appeal(), e);
                switch (e.outcome()) {
                    case AppealOutcome.Upheld ignored -> { }
                    case AppealOutcome.Reversed ignored -> overturned.add(e.decision());
                    case AppealOutcome.Modified ignored -> overturned.add(e.decision());
                }
            }
        }
    }

    Optional<Decision> decision(DecisionId id) {
        return Optional.ofNullable(decisions.get(id)).map(DecisionTaken::decision);
    }

    boolean isPending(AppealId appeal) {
        return appeals.containsKey(appeal) && !appealOutcomes.containsKey(appeal);
    }

    boolean hasPendingAppeal(DecisionId decision) {
        return appeals.values().stream().anyMatch(a -> a.appeal().decision().equals(decision) && isPending(a.appeal().id()));
    }

    /**
     * Everyone who took part in {@code decision} or in a decision it replaced, or reviewed an appeal of any of them:
     * none of them may review another appeal of it.
     */
    List<Person> participants(DecisionId decision) {
        List<Person> people = new ArrayList<>();
        Optional<DecisionId> current = Optional.of(decision);
        while (current.isPresent()) {
            DecisionId d = current.get();
            DecisionTaken taken = decisions.get(d);
            people.addAll(taken.decision().outcome().deciders().people());
            appealOutcomes.values().stream().filter(o -> o.decision().equals(d)).map(AppealDecided::reviewer).forEach(people::add);
            current = taken.replacing().map(a -> appeals.get(a).appeal().decision());
        }
        return people;
    }

    /** The restrictions of {@code decision} still in force. */
    List<RestrictionApplied> standingOf(DecisionId decision) {
        return standing.values().stream().filter(r -> r.decision().equals(decision)).toList();
    }
}
