package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Dispatch;
import dev.recourse.core.process.Result;
import dev.recourse.core.subject.Subject;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's reader on a real store: every event taken in once, in order, and repeats dropped. */
class DispatcherTest {
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T10:00:00Z"));
    @TempDir
    Path data;
    private RecourseStore store;
    private Deliveries deliveries;
    private Letters letters;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom());
        deliveries = new Deliveries(store.dataSource(), clock);
        letters = Letters.of(store.events(), id -> store.readModel().caseById(id).map(c -> StreamId.of(c.subject())),
                new PageLinks(URI.create("https://recourse.example"), new byte[32]));
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private Dispatcher dispatcher(boolean email) {
        return new Dispatcher(store.events(), deliveries, letters, email, new SecureRandom());
    }

    /** A notice about a post and its removal. */
    private void removal() {
        Subject post = TestCases.post("p-1", "acct-1");
        Result.Accepted noticed = (Result.Accepted) store.dueProcess().handle(TestCases.notice(post, "u-1"));
        NoticeId notice = noticed.events().stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
        assertThat(store.dueProcess().handle(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA))).isInstanceOf(Result.Accepted.class);
    }

    private List<Delivery> all() throws SQLException {
        return deliveries.list(Optional.empty(), Optional.empty(), OptionalLong.empty(), 1000);
    }

    private long events() {
        return store.events().readAll(0, 10_000).size();
    }

    @Test
    void everyEventIsTakenInAndThePlaceMovesPastIt() throws SQLException {
        removal();
        assertThat(dispatcher(false).dispatch(1000)).isEqualTo(events());
        assertThat(deliveries.nextPosition()).isEqualTo(events());
        assertThat(all()).filteredOn(d -> d.channel() == Channel.ACTIONS).extracting(Delivery::type).containsExactly("action.apply");
        assertThat(all()).filteredOn(d -> d.channel() == Channel.MESSAGES).extracting(Delivery::type)
                .contains("message.notice_received", "message.decision");
        assertThat(all()).extracting(Delivery::state).containsOnly(DeliveryState.PENDING);
    }

    @Test
    void deliveriesKeepThePositionOrderOfTheirEvents() throws SQLException {
        removal();
        while (dispatcher(false).dispatch(2) > 0) {
            // In batches of two events.
        }
        assertThat(all()).extracting(Delivery::position).isSorted();
        assertThat(deliveries.nextPosition()).isEqualTo(events());
    }

    @Test
    void aRestartFromAnEarlierPlaceDeliversNothingTwice() throws SQLException {
        removal();
        dispatcher(false).dispatch(1000);
        List<Delivery> first = all();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE delivery_cursor SET next_position = 0");
        }
        assertThat(dispatcher(false).dispatch(1000)).isEqualTo(events());
        assertThat(all()).isEqualTo(first);
    }

    @Test
    void eventsThatDeliverNothingArePassedOverWithoutLosingTheOnesAroundThem() throws SQLException {
        removal();
        List<RecordedEvent> stored = store.events().readAll(0, 10_000);
        List<Long> expected = new ArrayList<>();
        for (RecordedEvent e : stored) {
            new Dispatch(action -> expected.add(e.position()), message -> expected.add(e.position())).deliver(e);
        }
        assertThat(stored).extracting(e -> Dispatch.DELIVERING.contains(e.event().getClass())).contains(true, false);

        // Batches of three mix both kinds; a new dispatcher (a restart) takes over after the first.
        assertThat(dispatcher(false).dispatch(3)).isEqualTo(3);
        assertThat(deliveries.nextPosition()).isEqualTo(3);
        while (dispatcher(false).dispatch(3) > 0) {
            // The rest, three events at a time.
        }

        assertThat(deliveries.nextPosition()).isEqualTo(events());
        assertThat(all()).extracting(Delivery::position).containsExactlyElementsOf(expected);
    }

    @Test
    void aDispatcherWhosePlaceWasMovedMeanwhileChangesNothing() throws SQLException {
        removal();
        dispatcher(false).dispatch(1000);
        assertThat(deliveries.accept(0, 1, List.of())).isFalse();
        assertThat(deliveries.nextPosition()).isEqualTo(events());
    }

    @Test
    void aSenderWithAnAddressIsWrittenToByEmailWhenSmtpIsConfigured() throws SQLException {
        removal();
        dispatcher(true).dispatch(1000);
        assertThat(all()).filteredOn(d -> d.channel() == Channel.EMAIL).extracting(Delivery::type)
                .contains("message.notice_received", "message.decision");
        // The owner has no address Recourse knows: the platform delivers it in-app.
        assertThat(all()).filteredOn(d -> d.channel() == Channel.MESSAGES).isNotEmpty();
    }

    @Test
    void messagesAboutACaseAreInItsSubjectsLanguageWithoutLookingTheCaseUp() throws SQLException {
        AtomicInteger lookups = new AtomicInteger();
        letters = Letters.of(store.events(), id -> {
            lookups.incrementAndGet();
            return store.readModel().caseById(id).map(c -> StreamId.of(c.subject()));
        }, new PageLinks(URI.create("https://recourse.example"), new byte[32]));
        removal();

        dispatcher(false).dispatch(1000);

        List<String> languages = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM delivery WHERE channel = 'messages' ORDER BY number")) {
            while (rs.next()) {
                Json.Obj data = (Json.Obj) ((Json.Obj) Json.parseUtf8(rs.getBytes(1)).orElseThrow()).get("data");
                languages.add(((Json.Str) data.get("language")).value());
            }
        }
        // The post's owner writes German (TestCases.post).
        assertThat(languages).isNotEmpty().containsOnly("de");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void nothingNewIsNothingTakenIn() throws SQLException {
        assertThat(dispatcher(false).dispatch(1000)).isZero();
        assertThat(deliveries.nextPosition()).isZero();
    }
}
