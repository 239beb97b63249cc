package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's search of decisions and each decision's public record, served as pages anyone may open. */
class PortalDecisionsTest {
    private static TestApi api;
    private static String decision;

    @BeforeAll
    static void start() {
        api = new TestApi();
        Client.Reply notice = post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("portal-1", "owner-1"));
        Client.Reply decided = post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("portal-1", notice.string("notice"),
                Bodies.illegalReasons()));
        assertThat(decided.status()).as(decided.text()).isEqualTo(201);
        decision = decided.string("decision");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Client.Reply post(ApiRole role, String path, Json body) {
        return api.client.post(path).key(api.key(role)).idempotencyKey(UUID.randomUUID().toString()).json(body).send();
    }

    @Test
    void theSearchListsTheDecisionWithALinkToItsRecord() {
        Client.Reply page = api.client.get("/portal/decisions").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("href=\"/portal/decisions/" + decision + "\"").contains("Illegal or harmful speech");
    }

    @Test
    void aFilterThatDoesNotMatchLeavesTheDecisionOut() {
        Client.Reply page = api.client.get("/portal/decisions?category=STATEMENT_CATEGORY_SCAMS_AND_FRAUD&from=2020-01-01").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain(decision).contains("No decision matches.");
    }

    @Test
    void aWrongFilterIsAnswered400NamingIt() {
        Client.Reply page = api.client.get("/portal/decisions?category=NONSENSE&from=yesterday").send();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("<code>category</code>").contains("<code>from</code>");
    }

    @Test
    void whatTheSearchEchoesIsEscaped() {
        Client.Reply page = api.client.get("/portal/decisions?rule=%22%3E%3Cscript%3Ex%40y").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;x@y");
    }

    @Test
    void aDecisionsRecordShowsItsDsaFieldsItsLogEntryAndItsReceipt() {
        Client.Reply page = api.client.get("/portal/decisions/" + decision).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("decision_ground").contains("DECISION_GROUND_ILLEGAL_CONTENT")
                .contains("\"type\":\"DecisionTaken\"").containsPattern("href=\"/v1/receipts/[0-9]+\"");
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        assertThat(api.client.get("/portal/decisions/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertThat(api.client.get("/portal/decisions/not-an-id").send().status()).isEqualTo(404);
    }
}
