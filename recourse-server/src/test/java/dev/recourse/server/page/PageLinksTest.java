package dev.recourse.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.notice.NoticeId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageLinksTest {
    private static final URI BASE = URI.create("https://recourse.example");
    private final PageLinks links = new PageLinks(BASE, key(1));

    @Property
    void aDecisionPageOpensItsDecision(@ForAll long high, @ForAll long low) {
        DecisionId decision = new DecisionId(new UUID(high, low));
        String page = links.decisionPage(decision).toString();
        assertThat(page).startsWith("https://recourse.example/notice/");
        assertThat(links.decision(page.substring(page.lastIndexOf('/') + 1))).contains(decision);
    }

    @Test
    void aDecisionTokenDoesNotOpenANotice() {
        UUID id = UUID.randomUUID();
        String page = links.decisionPage(new DecisionId(id)).toString();
        assertThat(links.notice(page.substring(page.lastIndexOf('/') + 1))).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyOpensNothing() {
        NoticeId notice = new NoticeId(UUID.randomUUID());
        String page = new PageLinks(BASE, key(2)).noticePage(notice).toString();
        assertThat(links.notice(page.substring(page.lastIndexOf('/') + 1))).isEmpty();
    }

    @Property
    void arbitraryTokensOpenNothing(@ForAll String token) {
        assertThat(links.decision(token)).isEmpty();
        assertThat(links.notice(token)).isEmpty();
    }

    @Test
    void aTokenWithOneCharacterChangedOpensNothing() {
        String page = links.noticePage(new NoticeId(UUID.randomUUID())).toString();
        char[] token = page.substring(page.lastIndexOf('/') + 1).toCharArray();
        token[token.length - 3] = token[token.length - 3] == 'A' ? 'B' : 'A';
        assertThat(links.notice(new String(token))).isEmpty();
    }

    @Test
    void theKeyIsMadeOnceAndKeptPrivate(@TempDir Path data) throws Exception {
        NoticeId notice = new NoticeId(UUID.randomUUID());
        URI first = PageLinks.load(data, BASE, new SplittableRandom(1)).noticePage(notice);
        URI again = PageLinks.load(data, BASE, new SplittableRandom(2)).noticePage(notice);
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(PageLinks.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aFormTokenHoldsForItsPageOnly() {
        SplittableRandom random = new SplittableRandom(7);
        String form = links.formToken("page-a", random);

        assertThat(links.isFormToken("page-a", form)).isTrue();
        assertThat(links.isFormToken("page-b", form)).isFalse();
        assertThat(new PageLinks(BASE, key(2)).isFormToken("page-a", form)).isFalse();
        assertThat(links.isFormToken("page-a", (form.charAt(0) == 'A' ? "B" : "A") + form.substring(1))).isFalse();
        assertThat(links.isFormToken("page-a", "not base64!")).isFalse();
        assertThat(links.formToken("page-a", random)).isNotEqualTo(form);
    }
}
