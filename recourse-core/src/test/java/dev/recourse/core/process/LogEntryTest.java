package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public entries and private records of the events of a whole case, from notice to reversal. */
class LogEntryTest {
    private final Fixture f = new Fixture();
    private final Subject post = post("post-77", "owner-secret-77");
    private final Authority police = new Authority("Polizei Hamburg", new CountryCode("DE"));

    @BeforeEach
    void aWholeCase() {
        f.accept(new SubmitNotice(post, new NoticeSource.User(new NotifierId("notifier-secret-1")),
                Optional.of(new Contact("Nora Secretname", "nora@secret.example")), "Quote: the secret words.",
                new Location("https://social.example/p/secret-1"), GoodFaith.AFFIRMED));
        f.accept(new RegisterAuthorityRequest(post, AuthorityKind.GOVERNMENT_REQUEST, police, new LegalBasis("§ 100 PolG"),
                Optional.empty(), "Please remove.", Optional.of(new LegalHold(START.plus(Duration.ofDays(9)), "investigation"))));
        var notices = f.events(NoticeReceived.class).stream().map(n -> n.notice().id()).toList();
        f.accept(new Decide(post.ref(), Set.copyOf(notices), Set.of(), new DecidedBy.Moderator(ADA), new Plan.Restrict(List.of(
                PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))),
                illegalReasons())));
        var d = f.only(DecisionTaken.class).decision().id();
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "My secret grounds."));
        f.accept(new DecideAppeal(post.ref(), f.only(AppealFiled.class).appeal().id(), CEM, new AppealOutcome.Reversed("Reversed."), List.of()));
        f.clock.advance(Duration.ofDays(10));
        f.runTimers();
    }

    private List<LogEntry> entries() {
        Random salts = new Random(7);
        return f.all().stream().map(RecordedEvent::event).map(e -> LogEntry.seal(e, salts)).toList();
    }

    @Test
    void publicEntriesHoldNoPersonalData() {
        for (LogEntry entry : entries()) {
            assertThat(new String(entry.publicEntry(), StandardCharsets.UTF_8))
                    .doesNotContain("owner-secret-77", "notifier-secret-1", "Secretname", "secret.example", "secret words",
                            "secret grounds", "post-77");
        }
    }

    @Test
    void aLiftByARecallNamesTheRecallInPublicButNotItsReasonsOrApology() {
        String text = new String(LogEntry.seal(dev.recourse.core.entry.SampleEvents.restrictionLiftedByRecall(), new Random(1))
                .publicEntry(), StandardCharsets.UTF_8);

        assertThat(text).contains("f0f0f0f0-0000-4000-8000-000000000003", "political-words")
                .doesNotContain("vocabulary", "Entschuldigung", "apology", "reasons");
    }

    @Test
    void privateRecordsHoldTheWholeEvent() {
        String all = entries().stream().map(e -> new String(e.privateRecord(), StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(all).contains("owner-secret-77", "notifier-secret-1", "nora@secret.example", "My secret grounds.");
    }

    @Test
    void theSaltAndPrivateRecordOpenTheCommitmentAndNothingElseDoes() {
        for (LogEntry entry : entries()) {
            assertThat(entry.salt()).hasSize(32);
            assertThat(LogEntry.opens(entry.publicEntry(), entry.salt(), entry.privateRecord())).isTrue();
            byte[] changed = entry.privateRecord();
            changed[changed.length / 2] ^= 1;
            assertThat(LogEntry.opens(entry.publicEntry(), entry.salt(), changed)).isFalse();
            byte[] otherSalt = entry.salt();
            otherSalt[0] ^= 1;
            assertThat(LogEntry.opens(entry.publicEntry(), otherSalt, entry.privateRecord())).isFalse();
        }
    }

    @Test
    void publicEntriesAreCanonicalJsonWithTypeTimeAndCommit() {
        var event = f.only(DecisionTaken.class);
        var part = LogEntry.publicPart(event);
        assertThat(part.members().keySet()).contains("type", "time", "case", "decision", "statement");
        String text = new String(LogEntry.seal(event, new Random(1)).publicEntry(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"case\":\"" + event.caseId() + "\",\"commit\":\"");
        assertThat(text).contains("\"deciders\":{\"reviewer\":{\"pseudonym\":\"mod-ada\",\"role\":\"MODERATOR\"}}");
        assertThat(text).contains("\"decision_ground\":\"DECISION_GROUND_ILLEGAL_CONTENT\"");
    }

    @Test
    void aHeldAuthorityRequestIsNotNamedInPublicUntilDisclosed() {
        List<String> publics = entries().stream().map(e -> new String(e.publicEntry(), StandardCharsets.UTF_8)).toList();
        int disclosed = -1;
        for (int i = 0; i < publics.size(); i++) {
            if (publics.get(i).contains("\"type\":\"AuthorityRequestDisclosed\"")) {
                disclosed = i;
            }
        }
        assertThat(disclosed).isPositive();
        for (int i = 0; i < disclosed; i++) {
            assertThat(publics.get(i)).doesNotContain("Polizei Hamburg", "§ 100 PolG");
        }
        assertThat(publics.get(disclosed)).contains("Polizei Hamburg", "§ 100 PolG");
    }

    @Test
    void sealingIsDeterministicGivenTheSaltSoThatTheLogCanBeRebuilt() {
        var event = f.only(DecisionTaken.class);
        assertThat(LogEntry.seal(event, new Random(3))).isEqualTo(LogEntry.seal(event, new Random(3)));
        assertThat(LogEntry.seal(event, new Random(3)).publicEntry()).isNotEqualTo(LogEntry.seal(event, new Random(4)).publicEntry());
    }
}
