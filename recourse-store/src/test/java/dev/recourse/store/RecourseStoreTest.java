package dev.recourse.store;

import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.process.Result;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.sequencer.PrivateRecord;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.receipt.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecourseStoreTest {
    @TempDir
    Path data;

    private RecourseStore store;

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private RecourseStore open() throws Exception {
        store = RecourseStore.open(TestCases.settings(data), InstantSource.system(), new SecureRandom());
        return store;
    }

    private static List<RecordedEvent> accepted(Result result) {
        assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted) result).events();
    }

    @Test
    void anEventGetsAReceiptThatVerifiesWithTheLogsKey() throws Exception {
        open();
        long position = accepted(store.dueProcess().handle(TestCases.notice(TestCases.post("post-1", "owner-1"), "u-1")))
                .getLast().position();
        store.log().awaitCovered(position).get(1, TimeUnit.MINUTES);

        Receipt receipt = store.receipt(position).orElseThrow();

        assertThat(receipt.index()).isEqualTo(position);
        assertThat(receipt.verify(VerifierKeys.parse(store.log().verifierKey()).orElseThrow(), Optional.empty()))
                .isEqualTo(Verdict.HOLDS);
    }

    @Test
    void thePrivateRecordOpensTheCommitmentOfTheEntryInTheReceipt() throws Exception {
        open();
        long position = accepted(store.dueProcess().handle(TestCases.notice(TestCases.post("post-1", "owner-1"), "u-1")))
                .getFirst().position();
        store.log().awaitCovered(position).get(1, TimeUnit.MINUTES);

        PrivateRecord record = store.privateRecord(position).orElseThrow();
        byte[] entry = store.receipt(position).orElseThrow().extra().orElseThrow();

        assertThat(LogEntry.opens(entry, record.salt(), record.content())).isTrue();
    }

    @Test
    void anErasedCaseReadsBackWithoutPersonalDataAndDueProcessGoesOn() throws Exception {
        open();
        Subject post = TestCases.post("post-1", "owner-1");
        accepted(store.dueProcess().handle(TestCases.notice(post, "u-1")));
        StreamId stream = StreamId.of(post.ref());
        List<RecordedEvent> before = store.events().read(stream);

        List<Long> erased = store.erasure().eraseStream(stream.toString());

        assertThat(store.events().read(stream).getFirst()).as("a case opened has nothing to erase").isEqualTo(before.getFirst());
        assertThat(erased).hasSize(store.events().read(stream).size());
        CaseEvent.NoticeReceived received = store.events().read(stream).stream().map(RecordedEvent::event)
                .filter(CaseEvent.NoticeReceived.class::isInstance).map(CaseEvent.NoticeReceived.class::cast).findFirst().orElseThrow();
        assertThat(received.notice().contact()).isEmpty();
        assertThat(received.notice().explanation()).isEqualTo("[erased]");
        assertThat(store.privateRecord(erased.getFirst())).isEmpty();
        assertThat(store.dueProcess().handle(TestCases.removal(post.ref(), Set.of(received.notice().id()), TestCases.ADA)))
                .isInstanceOf(Result.Accepted.class);
    }

    @Test
    void aReopenedStoreKeepsItsEventsAndItsLog() throws Exception {
        StoreSettings settings = TestCases.settings(data);
        store = RecourseStore.open(settings, InstantSource.system(), new SecureRandom());
        long position = accepted(store.dueProcess().handle(TestCases.notice(TestCases.post("post-1", "owner-1"), "u-1")))
                .getLast().position();
        String key = store.log().verifierKey();
        store.close();

        store = RecourseStore.open(settings, InstantSource.system(), new SecureRandom());

        assertThat(store.events().readAll(0, 100)).hasSize((int) position + 1);
        assertThat(store.log().verifierKey()).isEqualTo(key);
        store.log().awaitCovered(position).get(1, TimeUnit.MINUTES);
        assertThat(store.receipt(position)).isPresent();
    }
}
