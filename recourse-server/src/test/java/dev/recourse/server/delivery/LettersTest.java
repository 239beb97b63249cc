package dev.recourse.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.Notifier.Message;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.server.page.PageLinks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages to people as they read them: in their language, saying what happened, linking to their page. */
class LettersTest {
    private static final PageLinks LINKS = new PageLinks(URI.create("https://recourse.example"), new byte[32]);
    private static final CaseId CASE = new CaseId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final DecisionId DECISION = new DecisionId(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    private static final NoticeId NOTICE = new NoticeId(UUID.fromString("00000000-0000-4000-8000-000000000003"));

    private static Letters in(String language) {
        return new Letters(id -> Optional.of(new LanguageCode(language)), LINKS);
    }

    private static Message toOwner(Topic topic) {
        return new Message(7, new Recipient.Owner(new AccountId("acct-1")), topic, Optional.of(CASE), Optional.of(DECISION), Optional.empty());
    }

    private static Properties bundle(String language) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Letters.class.getResourceAsStream("mail_" + language + ".properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void aRecalledPersonIsToldTheRecallsOwnReasonsAndApologyInPlaceOfTheFixedOne() {
        LiftCause.Recalled recalled = new LiftCause.Recalled(new RecallId(UUID.randomUUID()), new Versioned("political-words", "7"),
                Optional.of("The rule matched political vocabulary."), Optional.of("We are sorry: our automation erred."));
        Letters letters = new Letters(id -> Optional.of(new LanguageCode("en")),
                (id, decision) -> id.equals(CASE) && decision.equals(DECISION) ? Optional.of(recalled) : Optional.empty(), LINKS);

        Letter letter = letters.write(toOwner(Topic.RECALLED));

        assertThat(letter.text()).contains("Why: The rule matched political vocabulary.", "We are sorry: our automation erred.")
                .doesNotContain("We apologise.");
    }

    @Test
    void aPersonRecalledBeforeRecallsCarriedTheirTextsGetsTheFixedApology() {
        LiftCause.Recalled old = new LiftCause.Recalled(new RecallId(UUID.randomUUID()), new Versioned("political-words", "7"));
        Letters letters = new Letters(id -> Optional.of(new LanguageCode("en")), (id, decision) -> Optional.of(old), LINKS);

        assertThat(letters.write(toOwner(Topic.RECALLED)).text()).contains("We apologise.");
    }

    @Test
    void lettersThatRememberLookACaseUpOnceAndWriteTheSame() {
        AtomicInteger lookups = new AtomicInteger();
        Letters letters = new Letters(id -> {
            lookups.incrementAndGet();
            return Optional.of(new LanguageCode("de"));
        }, LINKS);
        Letters remembering = letters.remembering();

        Letter first = remembering.write(toOwner(Topic.DECISION));
        Letter second = remembering.write(toOwner(Topic.RECALLED));

        assertThat(lookups).hasValue(1);
        assertThat(first).isEqualTo(letters.write(toOwner(Topic.DECISION)));
        assertThat(second).isEqualTo(letters.write(toOwner(Topic.RECALLED)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "fa"})
    void everyLanguageHasTheTextsEnglishHas(String language) throws IOException {
        assertThat(bundle(language).stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicIsWrittenInEveryLanguage(Topic topic) {
        for (String language : Letters.LANGUAGES) {
            Letter letter = in(language).write(toOwner(topic));
            assertThat(letter.language().value()).isEqualTo(language);
            assertThat(letter.subject()).isNotBlank();
        }
    }

    @Test
    void theAffectedPersonIsLinkedToTheirPageOfTheDecision() {
        Letter letter = in("en").write(toOwner(Topic.DECISION));
        assertThat(letter.link()).contains(LINKS.decisionPage(DECISION));
        assertThat(letter.text()).contains(LINKS.decisionPage(DECISION).toString());
    }

    @Test
    void theSenderOfANoticeIsLinkedToTheirPageOfTheNoticeAndToldOfTheDecisionOnIt() {
        Message message = new Message(8, new Recipient.NoticeSender(NOTICE, new NoticeSource.User(new NotifierId("u-1")), Optional.empty()),
                Topic.DECISION, Optional.of(CASE), Optional.of(DECISION), Optional.empty());
        Letter letter = in("fr").write(message);
        assertThat(letter.link()).contains(LINKS.noticePage(NOTICE));
        assertThat(letter.subject()).isEqualTo("Une décision sur votre signalement");
    }

    @Test
    void aPersianSpeakerIsWrittenToInPersian() {
        Letter letter = in("fa").write(toOwner(Topic.RESTORED));
        assertThat(letter.subject()).isEqualTo("یک محدودیت برداشته شد");
        assertThat(letter.text()).startsWith("سلام،");
    }

    @Test
    void aLanguageWithoutTextsIsWrittenToInEnglish() {
        Letter letter = in("it").write(toOwner(Topic.APPEAL_OUTCOME));
        assertThat(letter.language()).isEqualTo(Letters.FALLBACK);
        assertThat(letter.subject()).isEqualTo("The outcome of the appeal");
    }

    @Test
    void aWarningToANotifierHasNoPageToLinkTo() {
        Message warning = new Message(9, new Recipient.Notifier(new NotifierId("u-1")), Topic.MISUSE_WARNING, Optional.empty(),
                Optional.empty(), Optional.empty());
        Letter letter = in("de").write(warning);
        assertThat(letter.link()).isEmpty();
        assertThat(letter.language()).isEqualTo(Letters.FALLBACK);
    }
}
