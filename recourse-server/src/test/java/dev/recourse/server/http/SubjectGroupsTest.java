package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A subject's network and page through the API: recorded, shown, and refused naming the field when bad. */
class SubjectGroupsTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    private static Json.Obj editorsPost(String id) {
        return Bodies.with(Bodies.with(Bodies.subject(id, "editor-" + id), "network", Json.of("org:tagesblatt")), "page",
                Json.of("tagesblatt"));
    }

    @Test
    void aSubjectsNetworkAndPageAreRecordedAndShown() {
        Client.Reply described = api.post(ApiRole.PLATFORM, "/v1/subjects", editorsPost("g-1"));
        assertThat(described.status()).as(described.text()).isEqualTo(200);
        assertThat(Subjects.DESCRIBED.problems(described.json())).isEmpty();

        Client.Reply shown = api.get(ApiRole.MODERATOR, "/v1/subjects/content/g-1");

        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        Json.Obj subject = (Json.Obj) shown.json().get("subject");
        assertThat(subject.get("network")).isEqualTo(Json.of("org:tagesblatt"));
        assertThat(subject.get("page")).isEqualTo(Json.of("tagesblatt"));
    }

    @Test
    void movingASubjectToAnotherNetworkIsAChangedDescription() {
        api.post(ApiRole.PLATFORM, "/v1/subjects", editorsPost("g-2"));

        Client.Reply moved = api.post(ApiRole.PLATFORM, "/v1/subjects", Bodies.with(editorsPost("g-2"), "network", Json.of("org:other")));

        assertThat(moved.json().get("changed")).isEqualTo(Json.of(true));
        assertThat(((Json.Obj) moved.json().get("subject")).get("network")).isEqualTo(Json.of("org:other"));
    }

    @Test
    void aSubjectWithoutNetworkOrPageIsShownWithoutThem() {
        api.post(ApiRole.PLATFORM, "/v1/subjects", Bodies.subject("g-3", "owner-g3"));

        Json.Obj subject = (Json.Obj) api.get(ApiRole.MODERATOR, "/v1/subjects/content/g-3").json().get("subject");

        assertThat(subject.members()).doesNotContainKeys("network", "page");
    }

    @Test
    void aBadNetworkIsRefusedNamingItAndNothingIsStored() {
        long before = api.events();
        for (Json bad : List.of(Json.of(""), Json.of("org\u0007bell"), Json.of(42), Json.of("x".repeat(501)))) {
            Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/subjects", Bodies.with(editorsPost("g-4"), "network", bad));

            assertThat(reply.status()).as(reply.text()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.fields()).containsExactly("$.network");
        }
        assertThat(api.events()).isEqualTo(before);
    }

    @Test
    void aBadPageIsRefusedNamingIt() {
        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/subjects", Bodies.with(editorsPost("g-5"), "page", new Json.Arr(List.of())));

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat(reply.fields()).containsExactly("$.page");
    }

    @Test
    void aContentEventWithABadNetworkIsRefusedNamingTheFieldInItsItem() {
        Json.Obj event = Json.object().put("id", "evt-g6").put("type", "post.created")
                .put("subject", Bodies.with(Bodies.subject("g-6", "owner-g6"), "network", Json.of("")))
                .put("texts", Json.object().put("body", "hello").build()).build();

        Client.Reply reply = api.post(ApiRole.PLATFORM, "/v1/events", Json.object().put("items", List.<Json>of(event)).build());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        Json.Obj item = (Json.Obj) ((Json.Arr) reply.json().get("items")).elements().getFirst();
        assertThat(item.get("status")).isEqualTo(Json.of(422));
        assertThat(item.get("problem").toString()).contains("$.items[0].subject.network");
    }
}
