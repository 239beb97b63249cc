package dev.recourse.store.events;

import dev.recourse.core.Validation;
import dev.recourse.core.entry.EventCodec;
import dev.recourse.core.entry.RecordArbitraries;
import dev.recourse.core.entry.SampleEvents;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.json.Json;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    @Provide
    Arbitrary<Event> events() {
        return RecordArbitraries.of(Event.class);
    }

    @Property(tries = 300)
    void everyEventReadsBackFromItsPayloadWithoutContactsOrPeoplesTexts(@ForAll("events") Event event) {
        byte[] payload = PostgresEventStore.erasedForm(PostgresEventStore.stored(event, new SecureRandom()));

        assertThat(EventCodec.decode(payload)).isEqualTo(new Validation.Valid<>(Redaction.of(event)));
        Json json = ((Validation.Valid<Json>) Json.parseUtf8(payload)).value();
        assertNoMember(json, "contact");
        for (String text : List.of("explanation", "grounds", "reasons", "apology")) {
            assertOnlyErased(json, text);
        }
    }

    @Property(tries = 300)
    void redactingTwiceChangesNothingMore(@ForAll("events") Event event) {
        Event once = Redaction.of(event);

        assertThat(Redaction.of(once)).isSameAs(once);
    }

    @Test
    void aNoticeLosesItsContactAndExplanationButKeepsItsIdsAndSource() {
        CaseEvent.NoticeReceived notice = SampleEvents.noticeReceived();

        CaseEvent.NoticeReceived redacted = (CaseEvent.NoticeReceived) Redaction.of(notice);

        assertThat(redacted.notice().contact()).isEmpty();
        assertThat(redacted.notice().explanation()).isEqualTo(Redaction.ERASED);
        assertThat(redacted.notice().id()).isEqualTo(notice.notice().id());
        assertThat(redacted.notice().source()).isEqualTo(notice.notice().source());
        assertThat(redacted.caseId()).isEqualTo(notice.caseId());
    }

    @Test
    void anEventWithNothingToEraseHasAnEmptyPayloadAndSurvivesErasureWhole() {
        Event decision = SampleEvents.decisionTaken();

        assertThat(Redaction.of(decision)).isSameAs(decision);
        assertThat(PostgresEventStore.stored(decision, new SecureRandom()).payload()).isEmpty();
        assertThat(new String(PostgresEventStore.erasedForm(PostgresEventStore.stored(decision, new SecureRandom())),
                StandardCharsets.UTF_8)).isEqualTo(new String(EventCodec.encode(decision), StandardCharsets.UTF_8));
    }

    /** No member of {@code json}, at any depth, is named {@code name}. */
    private static void assertNoMember(Json json, String name) {
        members(json, (obj, member, value) -> assertThat(member).isNotEqualTo(name));
    }

    /** Every member named {@code name} of {@code json}, at any depth, that holds a text people wrote holds the erased text. */
    private static void assertOnlyErased(Json json, String name) {
        members(json, (obj, member, value) -> {
            if (member.equals(name) && value instanceof Json.Str text && !isSystemText(obj)) {
                assertThat(text.value()).isEqualTo(Redaction.ERASED);
            }
        });
    }

    /** Whether {@code obj} is an event whose reasons the core wrote itself, about no one in particular. */
    private static boolean isSystemText(Json.Obj obj) {
        return obj.members().get("variant") instanceof Json.Str variant
                && List.of("NotifierWarned", "NoticeProcessingSuspended", "StrikeRecorded").contains(variant.value());
    }

    private interface Visitor {
        void visit(Json.Obj obj, String member, Json value);
    }

    private static void members(Json json, Visitor visitor) {
        switch (json) {
            case Json.Obj obj -> obj.members().forEach((member, value) -> {
                visitor.visit(obj, member, value);
                members(value, visitor);
            });
            case Json.Arr arr -> arr.elements().forEach(element -> members(element, visitor));
            case Json.Str ignored -> { }
            case Json.Num ignored -> { }
            case Json.Bool ignored -> { }
            case Json.Null ignored -> { }
        }
    }
}
