package dev.recourse.core.entry;

import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.json.CanonicalWriter;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.Signal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The log entry of one event: its public part, its private record, and the commitment that binds them.
 *
 * @param publicEntry the canonical JSON (RFC 8785) of the public part with {@code commit}: what the log holds
 * @param salt 32 random bytes; given to the affected person with the private record, deleted on erasure
 * @param privateRecord the canonical JSON of the whole event; deleted on erasure
 */
public record LogEntry(byte[] publicEntry, byte[] salt, byte[] privateRecord) {
    /** The length of the salt. */
    public static final int SALT_BYTES = 32;

    /** A SHA-256 digest that is never used itself, only copied. */
    private static final MessageDigest SHA_256 = newSha256();

    public LogEntry {
        publicEntry = publicEntry.clone();
        salt = salt.clone();
        privateRecord = privateRecord.clone();
    }

    /** Seals {@code event}: splits it, draws a salt from {@code random} (a SecureRandom in production) and commits. */
    public static LogEntry seal(Event event, RandomGenerator random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] privateRecord = EventCodec.encode(event);
        // Straight from the records into bytes: no JSON tree, since this runs for every event stored.
        CanonicalWriter entry = new CanonicalWriter(512).beginObject();
        publicMembers(event, entry);
        entry.name("commit").string(HexFormat.of().formatHex(commit(salt, privateRecord)));
        return new LogEntry(entry.endObject().toByteArray(), salt, privateRecord);
    }

    /** {@code SHA-256(salt || privateRecord)}. */
    public static byte[] commit(byte[] salt, byte[] privateRecord) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        return sha256.digest(privateRecord);
    }

    /** A fresh SHA-256 digest: a copy of {@link #SHA_256}, which spares looking the algorithm up among the providers for every event. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest can be copied", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code salt} and {@code privateRecord} open the commitment in {@code publicEntry}: a receipt's check. */
    public static boolean opens(byte[] publicEntry, byte[] salt, byte[] privateRecord) {
        String text = new String(publicEntry, java.nio.charset.StandardCharsets.UTF_8);
        String expected = "\"commit\":\"" + HexFormat.of().formatHex(commit(salt, privateRecord)) + "\"";
        return text.contains(expected);
    }

    /** The private record of an event: the whole event, personal data included, as {@link EventCodec} stores it. */
    public static Json.Obj privateRecord(Event event) {
        return EventCodec.json(event);
    }

    /** The public part of an event: no personal data, no free text a person wrote about people. */
    public static Json.Obj publicPart(Event event) {
        CanonicalWriter out = new CanonicalWriter().beginObject();
        publicMembers(event, out);
        return (Json.Obj) Json.parseUtf8(out.endObject().toByteArray()).orElseThrow();
    }

    /** Writes the members of the public part of {@code event} into the object {@code o} has open. */
    private static void publicMembers(Event event, CanonicalWriter o) {
        o.name("type").string(event.type()).name("time").instant(event.at());
        switch (event) {
            case CaseEvent c -> {
                o.name("case").string(c.caseId().toString());
                casePart(c, o);
            }
            case AuthorityEvent a -> {
                o.name("request").string(a.request().toString());
                switch (a) {
                    // Under a legal hold the entry tells that the request exists and when the hold ends, nothing else:
                    // not even its kind; the disclosure tells the rest when the hold ends.
                    case AuthorityEvent.AuthorityRequestRegistered r -> r.hold().ifPresentOrElse(
                            h -> o.name("held_until").string(h.until().toString()),
                            () -> o.name("request_kind").string(r.kind().name()));
                    case AuthorityEvent.AuthorityActionLinked l -> {
                        if (!l.held()) {
                            o.name("case").string(l.caseId().toString()).name("decision").string(l.decision().toString());
                            strings(o.name("restrictions"), l.restrictions());
                        }
                    }
                    case AuthorityEvent.LegalHoldExpired ignored -> { }
                    case AuthorityEvent.AuthorityRequestDisclosed d -> {
                        o.name("request_kind").string(d.kind().name()).name("authority").string(d.authority().name())
                                .name("country").string(d.authority().country().value())
                                .name("legal_basis").string(d.legalBasis().citation()).name("case").string(d.caseId().toString());
                        strings(o.name("decisions"), d.decisions());
                    }
                }
            }
            case AccountEvent a -> {
                switch (a) {
                    case AccountEvent.StrikeRecorded s -> o.name("strike").string(s.strike().toString())
                            .name("case").string(s.caseId().toString()).name("decision").string(s.decision().toString())
                            .name("expires").string(s.expires().toString());
                    case AccountEvent.StrikeExpired s -> o.name("strike").string(s.strike().toString());
                    case AccountEvent.StrikeWithdrawn s -> o.name("strike").string(s.strike().toString())
                            .name("appeal").string(s.appeal().toString());
                    case AccountEvent.StrikeRecalled s -> o.name("strike").string(s.strike().toString())
                            .name("recall").string(s.recall().toString());
                    case AccountEvent.StrikeCorrected s -> o.name("strike").string(s.strike().toString())
                            .name("decision").string(s.decision().toString()).name("person").json(s.person().toJson());
                }
            }
            case NotifierEvent n -> {
                switch (n) {
                    case NotifierEvent.NoticeFoundUnfounded f -> o.name("case").string(f.caseId().toString())
                            .name("notice").string(f.notice().toString()).name("assessor").json(f.assessor().toJson());
                    case NotifierEvent.NotifierWarned ignored -> { }
                    case NotifierEvent.NoticeProcessingSuspended s -> o.name("until").string(s.until().toString());
                    case NotifierEvent.NoticeProcessingResumed ignored -> { }
                }
            }
            case RuleEvent r -> rulePart(r, o.name("rule").string(r.rule().toString()));
            case PolicyEvent p -> {
                switch (p) {
                    case PolicyEvent.PolicyVersionStored s -> o.name("person").json(s.person().toJson())
                            .name("policy").string(s.policy().toString()).name("source_sha256").string(s.source().hex());
                }
            }
        }
    }

    private static void casePart(CaseEvent event, CanonicalWriter o) {
        switch (event) {
            case CaseOpened e -> o.name("subject_kind").string(e.subject().kind().name());
            case SubjectDescribed e -> o.name("protected").bool(e.subject().protectedMark().isPresent());
            case NoticeReceived e -> {
                o.name("notice").string(e.notice().id().toString());
                switch (e.notice().source()) {
                    case NoticeSource.User ignored -> o.name("source").string("USER");
                    case NoticeSource.TrustedFlagger t -> o.name("source").string("TRUSTED_FLAGGER")
                            .name("trusted_flagger").string(t.organisation());
                    // As the DSA's source type says. A notice of a request under a legal hold MUST NOT tell that an
                    // authority asked about this case, and the notice does not know whether a hold delays its request;
                    // the request's disclosure names the case.
                    case NoticeSource.FromAuthority ignored -> o.name("source").string("OTHER_NOTICE");
                }
            }
            case DetectionRecorded e -> {
                o.name("detection").string(e.detection().id().toString());
                switch (e.detection().signal()) {
                    case Signal.RuleMatch r -> o.name("rule").string(r.rule().toString());
                    case Signal.ListMatch l -> o.name("list").string(l.list().toString());
                    case Signal.ClassifierScore s -> o.name("model").string(s.model().toString()).name("score").number(s.score());
                }
            }
            case DecisionProposed e -> o.name("proposal").string(e.proposal().toString()).name("proposers").json(e.proposers().toJson())
                    .name("why").string(e.why());
            case ProposalApproved e -> o.name("proposal").string(e.proposal().toString()).name("approver").json(e.approver().toJson());
            case ProposalDeclined e -> o.name("proposal").string(e.proposal().toString()).name("person").json(e.person().toJson());
            case DecisionTaken e -> {
                o.name("decision").string(e.decision().id().toString());
                e.replacing().ifPresent(a -> o.name("replacing_appeal").string(a.toString()));
                switch (e.decision().outcome()) {
                    case Outcome.Restrict r -> r.statement().write(o.name("statement"));
                    case Outcome.NoAction n -> o.name("no_action").beginObject().name("deciders").json(n.deciders().toJson()).endObject();
                }
            }
            case RestrictionApplied e -> {
                o.name("decision").string(e.decision().toString());
                restriction(e.restriction(), o.name("restriction"));
            }
            case RestrictionLifted e -> {
                o.name("decision").string(e.decision().toString()).name("restriction").string(e.restriction().toString());
                switch (e.cause()) {
                    // The public log names who corrected, never what they wrote.
                    case LiftCause.Corrected c -> o.name("cause").beginObject().name("variant").string("Corrected")
                            .name("person").json(c.person().toJson()).endObject();
                    case LiftCause.Expired ignored -> RecordJson.write(e.cause(), o.name("cause"));
                    case LiftCause.Reversed ignored -> RecordJson.write(e.cause(), o.name("cause"));
                    case LiftCause.Replaced ignored -> RecordJson.write(e.cause(), o.name("cause"));
                    // The public log names the recall and the rule version, never the reasons and apology people wrote.
                    case LiftCause.Recalled r -> RecordJson.write(new LiftCause.Recalled(r.recall(), r.rule()), o.name("cause"));
                }
            }
            case PersonInformed e -> {
                o.name("topic").string(e.topic().name()).name("recipient").string(switch (e.recipient()) {
                    case Recipient.Owner ignored -> "AFFECTED_PERSON";
                    case Recipient.NoticeSender ignored -> "NOTIFIER";
                    case Recipient.Notifier ignored -> "NOTIFIER";
                });
                e.decision().ifPresent(d -> o.name("decision").string(d.toString()));
                e.appeal().ifPresent(a -> o.name("appeal").string(a.toString()));
            }
            case AppealFiled e -> o.name("appeal").string(e.appeal().id().toString())
                    .name("decision").string(e.appeal().decision().toString())
                    .name("appellant").string(switch (e.appeal().appellant()) {
                        case Appellant.AffectedPerson ignored -> "AFFECTED_PERSON";
                        case Appellant.Notifier ignored -> "NOTIFIER";
                    });
            case AppealDecided e -> o.name("appeal").string(e.appeal().toString()).name("decision").string(e.decision().toString())
                    .name("reviewer").json(e.reviewer().toJson())
                    .name("outcome").string(e.outcome().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A rule version's safeguards, without what people wrote. */
    private static void rulePart(RuleEvent event, CanonicalWriter o) {
        switch (event) {
            case RuleEvent.BreakerTripped e -> o.name("trip").json(e.figures().toJson());
            case RuleEvent.BreakerReset e -> o.name("person").json(e.person().toJson());
            case RuleEvent.RecallStarted e -> {
                o.name("recall").string(e.recall().toString()).name("person").json(e.person().toJson());
                e.from().ifPresent(f -> o.name("from").string(f.toString()));
                e.to().ifPresent(t -> o.name("to").string(t.toString()));
            }
            case RuleEvent.RecallCompleted e -> o.name("recall").string(e.recall().toString());
            case RuleEvent.PinnedDecisionRefused e -> o.name("case").string(e.caseId().toString())
                    .name("recall").string(e.recall().toString());
        }
    }

    private static void strings(CanonicalWriter o, java.util.List<?> values) {
        o.beginArray();
        values.forEach(v -> o.string(v.toString()));
        o.endArray();
    }

    private static void restriction(Restriction r, CanonicalWriter o) {
        o.beginObject().name("id").string(r.id().toString());
        RecordJson.write(r.measure(), o.name("measure"));
        RecordJson.write(r.scope(), o.name("scope"));
        r.endsAt().ifPresent(end -> o.name("ends").string(end.toString()));
        o.endObject();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry e && Arrays.equals(publicEntry, e.publicEntry) && Arrays.equals(salt, e.salt)
                && Arrays.equals(privateRecord, e.privateRecord);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicEntry);
    }

    @Override
    public String toString() {
        return new String(publicEntry, java.nio.charset.StandardCharsets.UTF_8);
    }
}
