package dev.recourse.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages find the case of a decision or notice by following the events, on the real store. */
class PageTargetsTest {
    @TempDir
    static Path data;

    private static RecourseStore store;
    private static PageTargets targets;

    @BeforeAll
    static void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(data), InstantSource.system(), new SecureRandom());
        targets = new PageTargets(store.dataSource(), store.events());
    }

    @AfterAll
    static void close() throws Exception {
        TestCases.close(store);
    }

    private static <E> E first(Result result, Class<E> type) {
        return ((Result.Accepted) result).events().stream().map(e -> e.event()).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void aDecisionAndItsNoticesAreFoundInTheirCaseAtTheirPositions() throws Exception {
        DueProcess process = store.dueProcess();
        Subject post = TestCases.post("post-" + UUID.randomUUID(), "owner-1");
        Result received = process.handle(TestCases.notice(post, "nora"));
        NoticeId notice = first(received, CaseEvent.NoticeReceived.class).notice().id();
        Result decided = process.handle(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA));
        DecisionId decision = first(decided, CaseEvent.DecisionTaken.class).decision().id();
        long decidedAt = ((Result.Accepted) decided).events().stream().filter(e -> e.event() instanceof CaseEvent.DecisionTaken)
                .findFirst().orElseThrow().position();

        PageTargets.Target target = targets.decision(decision).orElseThrow();

        assertThat(target).isEqualTo(new PageTargets.Target(StreamId.of(post.ref()), decidedAt));
        assertThat(targets.notice(notice).orElseThrow().stream()).isEqualTo(StreamId.of(post.ref()));
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        assertThat(targets.decision(new DecisionId(UUID.randomUUID()))).isEmpty();
        assertThat(targets.notice(new NoticeId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void idsOfEventsStoredSinceTheLastLookAreFoundToo() throws Exception {
        DueProcess process = store.dueProcess();
        List<NoticeId> notices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.notice(new NoticeId(UUID.randomUUID()));
            Subject post = TestCases.post("later-" + i + "-" + UUID.randomUUID(), "owner-2");
            notices.add(first(process.handle(TestCases.notice(post, "nora")), CaseEvent.NoticeReceived.class).notice().id());
        }

        for (NoticeId notice : notices) {
            assertThat(targets.notice(notice)).isPresent();
        }
    }
}
