package dev.recourse.core.entry;

import static dev.recourse.core.entry.SampleEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.CaseEvent.DecisionTaken;
import dev.recourse.core.event.CaseEvent.DetectionRecorded;
import dev.recourse.core.event.CaseEvent.NoticeReceived;
import dev.recourse.core.event.CaseEvent.ProposalApproved;
import dev.recourse.core.event.Event;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.StatementOfReasons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The stored form of events: pinned by golden files, and every way a stored record can be wrong. */
class EventCodecTest {
    // ---- golden files -----------------------------------------------------------------------------------------

    private static String resource(String name) {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The golden files hold the encoding laid out for people; their canonical form is the stored bytes. If this
     * fails, the stored format changed: stored events need a migration, or the change must be undone.
     */
    private static void pinned(Event event, String file) {
        String golden = resource(file);
        String canonical = CanonicalJson.write(Json.parse(golden).orElseThrow());
        assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(canonical);
        assertThat(EventCodec.decode(golden.getBytes(StandardCharsets.UTF_8))).isEqualTo(new Validation.Valid<>(event));
    }

    @Test
    void aDecisionIsStoredExactlyAsPinned() {
        pinned(decisionTaken(), "DecisionTaken.json");
    }

    @Test
    void aNoticeIsStoredExactlyAsPinned() {
        pinned(noticeReceived(), "NoticeReceived.json");
    }

    @Test
    void aNoticeStoredBeforeLocationsWereRecordedStillReads() {
        // Stored events are never rewritten: the form without location and goodFaith stays readable.
        pinned(noticeReceivedWithoutLocation(), "NoticeReceived-without-location.json");
    }

    @Test
    void aLiftByARecallIsStoredWithTheRecallsReasonsAndApologyAsPinned() {
        pinned(restrictionLiftedByRecall(), "RestrictionLifted-recalled.json");
    }

    @Test
    void aLiftByARecallStoredBeforeItCarriedTheRecallsTextsStillReads() {
        // Stored events are never rewritten: the form without reasons and apology stays readable, with neither.
        pinned(restrictionLiftedByRecallWithoutTexts(), "RestrictionLifted-recalled-without-texts.json");
    }

    @Test
    void aSubjectWithItsNetworkAndPageIsStoredExactlyAsPinned() {
        pinned(subjectDescribed(), "SubjectDescribed.json");
    }

    @Test
    void aSubjectStoredBeforeNetworksAndPagesStillReads() {
        pinned(subjectDescribedWithoutGroups(), "SubjectDescribed-without-groups.json");
    }

    @Test
    void aTripWithItsCohortIsStoredExactlyAsPinned() {
        pinned(breakerTripped(), "BreakerTripped.json");
    }

    @Test
    void aTripStoredBeforeTripsNamedTheirCohortStillReads() {
        pinned(breakerTrippedWithoutCohort(), "BreakerTripped-without-cohort.json");
    }

    @Test
    void aDetectionIsStoredExactlyAsPinned() {
        pinned(detectionRecorded(), "DetectionRecorded.json");
    }

    @Test
    void theFormOfEveryEventIsAsPinned() {
        // One line per type reachable from Event; a renamed component, variant or enum constant shows here first.
        assertThat(RecordJson.describe(Event.class)).isEqualTo(resource("event-format.txt"));
    }

    // ---- what is stored ---------------------------------------------------------------------------------------

    @Test
    void theStoredFormIsThePrivateRecordTheLogCommitsTo() {
        Event event = decisionTaken();
        LogEntry entry = LogEntry.seal(event, new Random(5));
        assertThat(entry.privateRecord()).isEqualTo(EventCodec.encode(event));
        assertThat(LogEntry.opens(entry.publicEntry(), entry.salt(), EventCodec.encode(EventCodec.decode(entry.privateRecord()).orElseThrow())))
                .isTrue();
    }

    @Test
    void theTypeIsTheSimpleNameOfTheRecord() {
        assertThat(EventCodec.type(decisionTaken())).isEqualTo("DecisionTaken");
        assertThat(EventCodec.type(new ProposalApproved(CASE, new DecisionId(UUID.randomUUID()), ADA, AT))).isEqualTo("ProposalApproved");
    }

    @Test
    void setsAreWrittenSortedWhateverTheirOrderInMemory() {
        String text = new String(EventCodec.encode(decisionTaken()), StandardCharsets.UTF_8);
        assertThat(text).contains("\"countries\":[\"AT\",\"DE\"]")
                .contains("\"notices\":[\"" + NOTICE_2.value() + "\",\"" + NOTICE_1.value() + "\"]");
    }

    @Test
    void memberOrderAndWhitespaceDoNotMatter() {
        String loose = "{ \"type\" : \"DetectionRecorded\",\n \"event\": {\"at\":\"2025-03-14T09:00:00.120Z\", \"detection\": {"
                + "\"signal\": {\"score\": 0.875, \"model\": {\"version\": \"2025.03+b1\", \"name\": \"toxicity/de\"},"
                + " \"variant\": \"ClassifierScore\"}, \"id\": \"5c0e5c0e-0000-4000-8000-00000000000a\","
                + " \"detected\": \"2025-03-14T09:00:00.120Z\"}, \"caseId\": \"" + CASE.value() + "\", \"variant\": \"DetectionRecorded\"}}";
        assertThat(EventCodec.decode(loose.getBytes(StandardCharsets.UTF_8))).isEqualTo(new Validation.Valid<>(detectionRecorded()));
    }

    // ---- what is refused, and where -------------------------------------------------------------------------------

    /** The first error of decoding {@code event}'s encoding after {@code change}. */
    private static FieldError refused(Event event, UnaryOperator<Json> change) {
        Json json = change.apply(Json.parse(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).orElseThrow());
        Validation<Event> result = EventCodec.decode(CanonicalJson.utf8(json));
        assertThat(result.isValid()).as("refused: %s", json).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst();
    }

    /** {@code json} with the value at the member path {@code names} replaced by {@code value}, or removed if null. */
    private static Json with(Json json, Json value, String... names) {
        if (names.length == 0) {
            return value;
        }
        Json.Obj obj = (Json.Obj) json;
        LinkedHashMap<String, Json> members = new LinkedHashMap<>(obj.members());
        Json changed = with(members.getOrDefault(names[0], Json.NULL), value, java.util.Arrays.copyOfRange(names, 1, names.length));
        if (changed == null) {
            members.remove(names[0]);
        } else {
            members.put(names[0], changed);
        }
        return new Json.Obj(members);
    }

    private static UnaryOperator<Json> set(Json value, String... names) {
        return json -> with(json, value, names);
    }

    private static UnaryOperator<Json> remove(String... names) {
        return json -> with(json, null, names);
    }

    @Test
    void refusesTextThatIsNotStrictJson() {
        assertThat(EventCodec.decode("{\"type\":\"CaseOpened\",}".getBytes(StandardCharsets.UTF_8)).errors())
                .containsExactly(new FieldError("$", "at character 21: expected a member name in double quotes, found '}'"));
        assertThat(EventCodec.decode(new byte[] {'{', (byte) 0xff, '}'}).errors()).containsExactly(new FieldError("$", "at byte 1: not UTF-8"));
        assertThat(EventCodec.decode(new byte[0]).isValid()).isFalse();
    }

    @Test
    void refusesADocumentThatIsNoStoredEvent() {
        assertThat(refused(noticeReceived(), json -> new Json.Arr(List.of(json))))
                .isEqualTo(new FieldError("$", "expected an object with the members type and event"));
        assertThat(refused(noticeReceived(), set(Json.of(1), "version")))
                .isEqualTo(new FieldError("$.version", "is not a member of a stored event (type, event)"));
        assertThat(refused(noticeReceived(), remove("event"))).isEqualTo(new FieldError("$.event", "is missing"));
        assertThat(refused(noticeReceived(), remove("type"))).isEqualTo(new FieldError("$.type", "is missing"));
        assertThat(refused(noticeReceived(), set(Json.of(7), "type"))).isEqualTo(new FieldError("$.type", "expected a string"));
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(refused(noticeReceived(), set(Json.of("NoticeDeleted"), "type")))
                .isEqualTo(new FieldError("$.type", "\"NoticeDeleted\" is not a type of event"));
    }

    @Test
    void refusesATypeThatIsNotTheEventsVariant() {
        assertThat(refused(noticeReceived(), set(Json.of("CaseOpened"), "type")))
                .isEqualTo(new FieldError("$.event.variant", "expected \"CaseOpened\", found \"NoticeReceived\""));
    }

    @Test
    void refusesAWrongVariantOfANestedSealedType() {
        assertThat(refused(decisionTaken(), set(Json.of("Maybe"), "event", "decision", "outcome", "variant")))
                .isEqualTo(new FieldError("$.event.decision.outcome.variant", "\"Maybe\" is not a variant of Outcome: NoAction, Restrict"));
        assertThat(refused(decisionTaken(), remove("event", "decision", "outcome", "variant")))
                .isEqualTo(new FieldError("$.event.decision.outcome.variant", "is missing"));
    }

    @Test
    void refusesAMissingComponent() {
        assertThat(refused(noticeReceived(), remove("event", "notice", "received")))
                .isEqualTo(new FieldError("$.event.notice.received", "is missing"));
    }

    @Test
    void readsAMissingOptionalComponentAsEmpty() {
        NoticeReceived event = noticeReceived();
        Json json = with(Json.parse(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).orElseThrow(), null, "event", "notice", "contact");
        NoticeReceived read = (NoticeReceived) EventCodec.decode(CanonicalJson.utf8(json)).orElseThrow();
        assertThat(read.notice().contact()).isEmpty();
    }

    @Test
    void refusesNullForAnOptionalComponent() {
        assertThat(refused(noticeReceived(), set(Json.NULL, "event", "notice", "contact")))
                .isEqualTo(new FieldError("$.event.notice.contact", "expected an object (Contact), found null"));
    }

    @Test
    void refusesAMemberOfTheWrongType() {
        assertThat(refused(noticeReceived(), set(Json.of(12), "event", "caseId")))
                .isEqualTo(new FieldError("$.event.caseId", "expected a string (uuid), found a number"));
        assertThat(refused(noticeReceived(), set(Json.of(true), "event", "notice", "explanation")))
                .isEqualTo(new FieldError("$.event.notice.explanation", "expected a string, found a boolean"));
        assertThat(refused(decisionTaken(), set(Json.of("none"), "event", "decision", "detections")))
                .isEqualTo(new FieldError("$.event.decision.detections", "expected an array, found a string"));
    }

    @Test
    void refusesAnUnknownMember() {
        assertThat(refused(noticeReceived(), set(Json.of("red"), "event", "notice", "colour")))
                .isEqualTo(new FieldError("$.event.notice.colour", "is not a component of Notice"));
    }

    @Test
    void refusesAnUnknownEnumName() {
        assertThat(refused(decisionTaken(), set(new Json.Arr(List.of(Json.of("DECISION_VISIBILITY_VANISHED"))), "event", "decision", "outcome",
                "statement", "dsa", "decisionVisibility")))
                .isEqualTo(new FieldError("$.event.decision.outcome.statement.dsa.decisionVisibility[0]",
                        "\"DECISION_VISIBILITY_VANISHED\" is not a DecisionVisibility"));
        assertThat(refused(decisionTaken(), json -> {
            Json.Arr restrictions = (Json.Arr) ((Json.Obj) ((Json.Obj) ((Json.Obj) ((Json.Obj) json).get("event")).get("decision")).get("outcome"))
                    .get("restrictions");
            Json changed = with(restrictions.elements().getFirst(), Json.of("VANISHED"), "measure", "kind");
            return with(json, new Json.Arr(List.of(changed)), "event", "decision", "outcome", "restrictions");
        })).isEqualTo(new FieldError("$.event.decision.outcome.restrictions[0].measure.kind", "\"VANISHED\" is not a DecisionVisibility"));
    }

    @Test
    void refusesTimesAndIdsNotInTheirCanonicalText() {
        assertThat(refused(noticeReceived(), set(Json.of("2025-03-14T09:00:00.000Z"), "event", "at")))
                .isEqualTo(new FieldError("$.event.at", "\"2025-03-14T09:00:00.000Z\" is not in canonical form, which is \"2025-03-14T09:00:00Z\""));
        assertThat(refused(noticeReceived(), set(Json.of("2025-03-14 09:00"), "event", "at")))
                .isEqualTo(new FieldError("$.event.at", "\"2025-03-14 09:00\" is not an instant"));
        assertThat(refused(noticeReceived(), set(Json.of(CASE.value().toString().toUpperCase(java.util.Locale.ROOT)), "event", "caseId")).field())
                .isEqualTo("$.event.caseId");
        assertThat(refused(decisionTaken(), set(Json.of("2025-02-30"), "event", "decision", "outcome", "statement", "dsa", "contentDate")).problem())
                .isEqualTo("\"2025-02-30\" is not a date");
    }

    @Test
    void refusesAValueTheRecordItselfRefuses() {
        assertThat(refused(noticeReceived(), set(Json.of(""), "event", "notice", "source", "notifier")))
                .isEqualTo(new FieldError("$.event.notice.source.notifier",
                        "is not a valid NotifierId: a notifier id is 1 to 500 characters without control characters"));
        assertThat(refused(noticeReceived(), set(Json.of("nobody"), "event", "notice", "contact", "email")))
                .isEqualTo(new FieldError("$.event.notice.contact", "is not a valid Contact: not an e-mail address: \"nobody\""));
        assertThat(refused(detectionRecorded(), set(Json.of(1.5), "event", "detection", "signal", "score")))
                .isEqualTo(new FieldError("$.event.detection.signal", "is not a valid Signal.ClassifierScore: a score lies in [0, 1], not 1.5"));
    }

    @Test
    void refusesAnIncompleteStatementOfReasonsAtTheStatement() {
        FieldError error = refused(decisionTaken(), remove("event", "decision", "outcome", "statement", "dsa", "decisionFacts"));
        assertThat(error.field()).isEqualTo("$.event.decision.outcome.statement");
        assertThat(error.problem()).startsWith("is not a valid StatementOfReasons: an incomplete statement of reasons").contains("decision_facts");
    }

    @Test
    void refusesAnElementTwiceInASet() {
        Json twice = new Json.Arr(List.of(Json.of(NOTICE_1.value().toString()), Json.of(NOTICE_1.value().toString())));
        assertThat(refused(decisionTaken(), set(twice, "event", "decision", "notices")))
                .isEqualTo(new FieldError("$.event.decision.notices[1]", "repeats an element of the set"));
    }

    @Test
    void refusesNumbersThatAreNoIntegerOrBeyondTheirRange() {
        // Signal scores are doubles; a restriction list index is not a number; use a record with a long: Subject.reach.
        Json subject = Json.parse("{\"ref\":{\"kind\":\"CONTENT\",\"platformId\":\"p-1\"},\"owner\":\"o-1\",\"reach\":1.5,\"language\":\"de\","
                + "\"territory\":\"DE\",\"since\":\"2025-03-01\"}").orElseThrow();
        Json event = Json.object().put("type", "SubjectDescribed").put("event", Json.object().put("variant", "SubjectDescribed")
                .put("caseId", CASE.value().toString()).put("subject", subject).put("at", AT.toString()).build()).build();
        assertThat(EventCodec.decode(CanonicalJson.utf8(event)).errors())
                .containsExactly(new FieldError("$.event.subject.reach", "expected an integer from -9007199254740992 to 9007199254740992, found 1.5"));
        Json huge = with(event, Json.of(1e300), "event", "subject", "reach");
        assertThat(EventCodec.decode(CanonicalJson.utf8(huge)).errors().getFirst().field()).isEqualTo("$.event.subject.reach");
        Json negative = with(event, Json.of(-1), "event", "subject", "reach");
        assertThat(EventCodec.decode(CanonicalJson.utf8(negative)).errors())
                .containsExactly(new FieldError("$.event.subject", "is not a valid Subject: reach is at least 0, not -1"));
        Json fine = with(event, Json.of(Json.Num.MAX_EXACT), "event", "subject", "reach");
        assertThat(EventCodec.decode(CanonicalJson.utf8(fine)).isValid()).isTrue();
    }

    @Test
    void reportsOnlyTheFirstProblemInComponentOrder() {
        assertThat(refused(noticeReceived(), json -> with(with(json, null, "event", "at"), Json.of(1), "event", "caseId")))
                .isEqualTo(new FieldError("$.event.caseId", "expected a string (uuid), found a number"));
    }
}
