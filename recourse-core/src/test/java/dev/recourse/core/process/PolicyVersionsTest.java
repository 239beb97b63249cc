package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command.RecordPolicyVersion;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.policy.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every kept policy version is in the log, with the SHA-256 of its text, once. */
class PolicyVersionsTest {
    private static final Versioned POLICY = new Versioned("civic-integrity", "3");
    private static final ContentHash SOURCE = new ContentHash("a".repeat(64));

    private final Fixture f = new Fixture();

    @Test
    void aKeptVersionIsRecordedWithItsHashWhoSubmittedItAndWhen() {
        f.accept(new RecordPolicyVersion(POLICY, SOURCE, BEA));
        PolicyEvent.PolicyVersionStored stored = f.only(PolicyEvent.PolicyVersionStored.class);
        assertThat(stored.policy()).isEqualTo(POLICY);
        assertThat(stored.source()).isEqualTo(SOURCE);
        assertThat(stored.person()).isEqualTo(BEA);
        assertThat(stored.at()).isEqualTo(START);
    }

    @Test
    void recordingTheSameVersionWithTheSameTextAgainChangesNothing() {
        f.accept(new RecordPolicyVersion(POLICY, SOURCE, BEA));
        f.accept(new RecordPolicyVersion(POLICY, SOURCE, BEA));
        assertThat(f.events(PolicyEvent.PolicyVersionStored.class)).hasSize(1);
    }

    @Test
    void theSameVersionWithAnotherTextIsRefused() {
        f.accept(new RecordPolicyVersion(POLICY, SOURCE, BEA));
        f.reject(new RecordPolicyVersion(POLICY, new ContentHash("b".repeat(64)), BEA));
    }

    @Test
    void thePublicEntryNamesTheVersionItsHashAndThePseudonymButNotTheText() {
        LogEntry entry = LogEntry.seal(new PolicyEvent.PolicyVersionStored(POLICY, SOURCE, BEA, START), new Random(3));
        String open = new String(entry.publicEntry(), StandardCharsets.UTF_8);
        assertThat(open).contains("\"policy\":\"civic-integrity@3\"").contains("\"source_sha256\":\"" + SOURCE.hex() + "\"")
                .contains("\"pseudonym\":\"" + BEA.pseudonym().value() + "\"");
    }
}
