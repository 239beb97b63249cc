package dev.recourse.core.entry;

import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.Signal;

/**
 * The oracle of the public entries: the public part of an event built as a {@link Json} tree, the way {@link LogEntry}
 * did before it wrote entries straight into bytes. The log's format is fixed, so the direct writer MUST give exactly the
 * canonical bytes of this tree ({@link DirectWriterProperties}).
 */
final class TreeEntries {
    private TreeEntries() {}

    /** The public entry of {@code event} with the commitment {@code commitHex}, as a tree. */
    static Json.Obj publicEntry(Event event, String commitHex) {
        Json.ObjBuilder entry = Json.object();
        publicPart(event).members().forEach(entry::put);
        return entry.put("commit", commitHex).build();
    }

    /** The public part of {@code event} with its commitment, built as a tree. */
    static Json.Obj publicPart(Event event) {
        Json.ObjBuilder o = Json.object().put("type", event.type()).put("time", event.at().toString());
        switch (event) {
            case CaseEvent c -> {
                o.put("case", c.caseId().toString());
                casePart(c, o);
            }
            case AuthorityEvent a -> {
                o.put("request", a.request().toString());
                switch (a) {
                    case AuthorityEvent.AuthorityRequestRegistered r -> {
                        if (r.hold().isPresent()) {
                            o.put("held_until", r.hold().get().until().toString());
                        } else {
                            o.put("request_kind", r.kind().name());
                        }
                    }
                    case AuthorityEvent.AuthorityActionLinked l -> {
                        if (!l.held()) {
                            o.put("case", l.caseId().toString()).put("decision", l.decision().toString())
                                    .put("restrictions", Json.strings(l.restrictions().stream().map(Object::toString).toList()));
                        }
                    }
                    case AuthorityEvent.LegalHoldExpired ignored -> { }
                    case AuthorityEvent.AuthorityRequestDisclosed d -> o.put("request_kind", d.kind().name())
                            .put("authority", d.authority().name()).put("country", d.authority().country().value())
                            .put("legal_basis", d.legalBasis().citation()).put("case", d.caseId().toString())
                            .put("decisions", Json.strings(d.decisions().stream().map(Object::toString).toList()));
                }
            }
            case AccountEvent a -> {
                switch (a) {
                    case AccountEvent.StrikeRecorded s -> o.put("strike", s.strike().toString()).put("case", s.caseId().toString())
                            .put("decision", s.decision().toString()).put("expires", s.expires().toString());
                    case AccountEvent.StrikeExpired s -> o.put("strike", s.strike().toString());
                    case AccountEvent.StrikeWithdrawn s -> o.put("strike", s.strike().toString()).put("appeal", s.appeal().toString());
                    case AccountEvent.StrikeRecalled s -> o.put("strike", s.strike().toString()).put("recall", s.recall().toString());
                    case AccountEvent.StrikeCorrected s -> o.put("strike", s.strike().toString()).put("decision", s.decision().toString())
                            .put("person", person(s.person()));
                }
            }
            case NotifierEvent n -> {
                switch (n) {
                    case NotifierEvent.NoticeFoundUnfounded f -> o.put("case", f.caseId().toString()).put("notice", f.notice().toString())
                            .put("assessor", person(f.assessor()));
                    case NotifierEvent.NotifierWarned ignored -> { }
                    case NotifierEvent.NoticeProcessingSuspended s -> o.put("until", s.until().toString());
                    case NotifierEvent.NoticeProcessingResumed ignored -> { }
                }
            }
            case RuleEvent r -> rulePart(r, o.put("rule", r.rule().toString()));
            case PolicyEvent p -> {
                switch (p) {
                    case PolicyEvent.PolicyVersionStored s -> o.put("person", person(s.person())).put("policy", s.policy().toString())
                            .put("source_sha256", s.source().hex());
                }
            }
        }
        return o.build();
    }

    private static void rulePart(RuleEvent event, Json.ObjBuilder o) {
        switch (event) {
            case RuleEvent.BreakerTripped e -> o.put("trip", e.figures().toJson());
            case RuleEvent.BreakerReset e -> o.put("person", person(e.person()));
            case RuleEvent.RecallStarted e -> {
                o.put("recall", e.recall().toString()).put("person", person(e.person()));
                e.from().ifPresent(f -> o.put("from", f.toString()));
                e.to().ifPresent(t -> o.put("to", t.toString()));
            }
            case RuleEvent.RecallCompleted e -> o.put("recall", e.recall().toString());
            case RuleEvent.PinnedDecisionRefused e -> o.put("case", e.caseId().toString()).put("recall", e.recall().toString());
        }
    }

    private static void casePart(CaseEvent event, Json.ObjBuilder o) {
        switch (event) {
            case CaseOpened e -> o.put("subject_kind", e.subject().kind().name());
            case SubjectDescribed e -> o.put("protected", Json.of(e.subject().protectedMark().isPresent()));
            case NoticeReceived e -> {
                o.put("notice", e.notice().id().toString());
                switch (e.notice().source()) {
                    case NoticeSource.User ignored -> o.put("source", "USER");
                    case NoticeSource.TrustedFlagger t -> o.put("source", "TRUSTED_FLAGGER").put("trusted_flagger", t.organisation());
                    case NoticeSource.FromAuthority ignored -> o.put("source", "OTHER_NOTICE");
                }
            }
            case DetectionRecorded e -> {
                o.put("detection", e.detection().id().toString());
                switch (e.detection().signal()) {
                    case Signal.RuleMatch r -> o.put("rule", r.rule().toString());
                    case Signal.ListMatch l -> o.put("list", l.list().toString());
                    case Signal.ClassifierScore s -> o.put("model", s.model().toString()).put("score", Json.of(s.score()));
                }
            }
            case DecisionProposed e -> o.put("proposal", e.proposal().toString()).put("proposers", e.proposers().toJson()).put("why", e.why());
            case ProposalApproved e -> o.put("proposal", e.proposal().toString()).put("approver", person(e.approver()));
            case ProposalDeclined e -> o.put("proposal", e.proposal().toString()).put("person", person(e.person()));
            case DecisionTaken e -> {
                o.put("decision", e.decision().id().toString());
                e.replacing().ifPresent(a -> o.put("replacing_appeal", a.toString()));
                switch (e.decision().outcome()) {
                    case Outcome.Restrict r -> o.put("statement", r.statement().toJson());
                    case Outcome.NoAction n -> o.put("no_action", Json.object().put("deciders", n.deciders().toJson()).build());
                }
            }
            case RestrictionApplied e -> o.put("decision", e.decision().toString()).put("restriction", restriction(e.restriction()));
            case RestrictionLifted e -> o.put("decision", e.decision().toString()).put("restriction", e.restriction().toString())
                    .put("cause", switch (e.cause()) {
                        case dev.recourse.core.event.LiftCause.Corrected c ->
                                Json.object().put("variant", "Corrected").put("person", person(c.person())).build();
                        case dev.recourse.core.event.LiftCause.Recalled r -> Json.object().put("variant", "Recalled")
                                .put("recall", r.recall().toString()).put("rule", RecordJson.write(r.rule())).build();
                        case dev.recourse.core.event.LiftCause.Expired x -> RecordJson.write(x);
                        case dev.recourse.core.event.LiftCause.Reversed x -> RecordJson.write(x);
                        case dev.recourse.core.event.LiftCause.Replaced x -> RecordJson.write(x);
                    });
            case PersonInformed e -> {
                o.put("topic", e.topic().name()).put("recipient", switch (e.recipient()) {
                    case Recipient.Owner ignored -> "AFFECTED_PERSON";
                    case Recipient.NoticeSender ignored -> "NOTIFIER";
                    case Recipient.Notifier ignored -> "NOTIFIER";
                });
                e.decision().ifPresent(d -> o.put("decision", d.toString()));
                e.appeal().ifPresent(a -> o.put("appeal", a.toString()));
            }
            case AppealFiled e -> o.put("appeal", e.appeal().id().toString()).put("decision", e.appeal().decision().toString())
                    .put("appellant", switch (e.appeal().appellant()) {
                        case Appellant.AffectedPerson ignored -> "AFFECTED_PERSON";
                        case Appellant.Notifier ignored -> "NOTIFIER";
                    });
            case AppealDecided e -> o.put("appeal", e.appeal().toString()).put("decision", e.decision().toString())
                    .put("reviewer", person(e.reviewer())).put("outcome", e.outcome().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static Json person(Person p) {
        return p.toJson();
    }

    private static Json restriction(Restriction r) {
        Json.ObjBuilder o = Json.object().put("id", r.id().toString()).put("measure", RecordJson.write(r.measure()))
                .put("scope", RecordJson.write(r.scope()));
        r.endsAt().ifPresent(end -> o.put("ends", end.toString()));
        return o.build();
    }

}
