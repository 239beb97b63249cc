package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files from a directory, kept in the real database, and read back by a restarted service. */
class PolicyDirectoryTest {
    private static final Person AUTHOR = new Person(new Pseudonym("author"), Role.ADMINISTRATOR);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    @TempDir
    Path dir;

    private RecourseStore store;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(Files.createDirectory(dir.resolve("data"))), CLOCK, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    @Test
    void eachFileIsLoadedAndABadOneLeavesThePreviousVersionActive() throws Exception {
        Path policies = Files.createDirectory(dir.resolve("policies"));
        String example = PolicyYamlTest.example();
        Files.writeString(policies.resolve("a-scams.yaml"), example);
        Files.writeString(policies.resolve("b-scams-next.yaml"), example.replace("scams@4", "scams@5").replace("when: 'true'", "when: 'tru'"));
        Files.writeString(policies.resolve("notes.txt"), "not a policy");
        StoredPolicies stored = StoredPolicies.open(store);

        List<String> lines = PolicyDirectory.load(policies, stored);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("policy file a-scams.yaml: scams@4 accepted, active");
        assertThat(lines.get(1)).startsWith("policy file b-scams-next.yaml: refused").contains("rules[known-scam-image@1].condition");
        assertThat(stored.book().active("scams")).map(CompiledPolicy::id).contains(new Versioned("scams", "4"));
    }

    @Test
    void keptVersionsAreActiveAgainAfterARestart() throws Exception {
        StoredPolicies first = StoredPolicies.open(store);
        String example = PolicyYamlTest.example();
        first.submit(example, "author", AUTHOR);
        first.submit(example.replace("scams@4", "scams@5"), "author", AUTHOR);

        StoredPolicies restarted = StoredPolicies.open(store);

        assertThat(restarted.book().active("scams")).map(CompiledPolicy::id).contains(new Versioned("scams", "5"));
        assertThat(restarted.versions("scams")).extracting(StoredPolicies.StoredVersion::id)
                .containsExactly(new Versioned("scams", "4"), new Versioned("scams", "5"));
    }

    @Test
    void eachKeptVersionIsRecordedInTheLogOnceWithTheHashOfItsText() throws Exception {
        StoredPolicies stored = StoredPolicies.open(store);
        String example = PolicyYamlTest.example();
        stored.submit(example, "author", AUTHOR);
        stored.submit(example, "author", AUTHOR);

        List<RecordedEvent> log = store.events().read(StreamId.ofPolicy(new Versioned("scams", "4")));

        assertThat(log).hasSize(1);
        PolicyEvent.PolicyVersionStored recorded = (PolicyEvent.PolicyVersionStored) log.getFirst().event();
        assertThat(recorded.person()).isEqualTo(AUTHOR);
        assertThat(recorded.at()).isEqualTo(CLOCK.instant());
        assertThat(recorded.source().hex()).isEqualTo(stored.versions("scams").getFirst().sha256());
    }
}
