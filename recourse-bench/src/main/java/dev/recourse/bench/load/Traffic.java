package dev.recourse.bench.load;

import dev.recourse.core.json.Json;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the platform and its moderators send, and what they remember to send more: each notice is about a new post
 * (its own case); decisions remove posts noticed before and not decided yet; appeals are the owners' of removed
 * posts; reads look at cases made before. A request whose kind has nothing to act on yet (a decision before any
 * notice) is sent as the kind that makes something: a notice, or a read instead of an appeal.
 */
public final class Traffic {
    /** A notice answered, waiting for its decision. */
    private record Noticed(long post, String notice) {}

    /** A removal, which its owner may appeal. */
    private record Removed(long post, String decision) {}

    /** What was sent and what came back. */
    record Sent(Kind kind, int status, boolean ok) {}

    private static final String REASONS = """
            {"decision_ground":"DECISION_GROUND_ILLEGAL_CONTENT","illegal_content_legal_ground":"§ 130 StGB (Volksverhetzung)",\
            "illegal_content_explanation":"The post incites hatred against a religious group.",\
            "content_type":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",\
            "decision_facts":"A user reported the post; a moderator reviewed it against German criminal law."}""";

    private final Client client;
    private final String platformKey;
    private final String[] moderatorKeys;
    private final AtomicLong posts = new AtomicLong();
    private final ConcurrentLinkedQueue<Noticed> undecided = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Removed> appealable = new ConcurrentLinkedQueue<>();
    private final AtomicReferenceArray<String> cases;
    private final AtomicLong caseCount = new AtomicLong();

    /**
     * @param capacity at least the number of requests that will be sent: the cases remembered for reads
     */
    Traffic(Client client, String platformKey, String[] moderatorKeys, int capacity) {
        this.client = client;
        this.platformKey = platformKey;
        this.moderatorKeys = moderatorKeys.clone();
        this.cases = new AtomicReferenceArray<>(capacity);
    }

    /** Sends one request of {@code wanted} (or what stands in for it), with {@code draw} to pick among what is known. */
    Sent send(Kind wanted, long draw) throws Exception {
        return switch (wanted) {
            case NOTICE -> notice();
            case DECISION -> {
                Noticed noticed = undecided.poll();
                yield noticed == null ? notice() : decision(noticed);
            }
            case APPEAL -> {
                Removed removed = appealable.poll();
                yield removed == null ? read(draw) : appeal(removed);
            }
            case READ -> read(draw);
        };
    }

    private Sent notice() throws Exception {
        long post = posts.incrementAndGet();
        Client.Reply response = post("/v1/notices", platformKey, noticeBody(post));
        boolean ok = response.status() == 201;
        if (ok) {
            Json.Obj answer = json(response);
            undecided.add(new Noticed(post, text(answer, "notice")));
            remember(text(answer, "case"));
        }
        return new Sent(Kind.NOTICE, response.status(), ok);
    }

    private Sent decision(Noticed noticed) throws Exception {
        Client.Reply response = post("/v1/decisions", moderatorKeys[(int) (noticed.post() % moderatorKeys.length)],
                decisionBody(noticed.post(), noticed.notice()));
        boolean ok = response.status() == 201;
        if (ok) {
            appealable.add(new Removed(noticed.post(), text(json(response), "decision")));
        }
        return new Sent(Kind.DECISION, response.status(), ok);
    }

    private Sent appeal(Removed removed) throws Exception {
        Client.Reply response = post("/v1/appeals", platformKey, appealBody(removed.post(), removed.decision()));
        return new Sent(Kind.APPEAL, response.status(), response.status() == 201);
    }

    /** The body of the notice about post number {@code post}. */
    public static String noticeBody(long post) {
        return """
                {"subject":{"kind":"content","id":"post-%d","owner":"owner-%d","reach":%d,"language":"de","territory":"DE",\
                "since":"2025-03-01"},"location":"https://platform.example/p/%d",\
                "explanation":"This post calls for violence against my neighbours because of their religion.",\
                "notifier":{"id":"user-%d","name":"Reporter %d","email":"user-%d@example.org"},"goodFaith":true}"""
                .formatted(post, post, 150 + post % 5_000, post, post % 1_000, post % 1_000, post % 1_000);
    }

    /** The body of the decision removing post number {@code post}, which {@code notice} was about. */
    public static String decisionBody(long post, String notice) {
        return """
                {"subject":{"kind":"content","id":"post-%d"},"notices":["%s"],"restrict":{"restrictions":\
                [{"visibility":"DECISION_VISIBILITY_CONTENT_REMOVED"}],"reasons":%s}}"""
                .formatted(post, notice, REASONS);
    }

    /** The body of its owner's appeal of {@code decision}, which removed post number {@code post}. */
    public static String appealBody(long post, String decision) {
        return """
                {"subject":{"kind":"content","id":"post-%d"},"decision":"%s","appellant":{"affectedPerson":"owner-%d"},\
                "grounds":"The post quotes a news report; it does not call for anything."}"""
                .formatted(post, decision, post);
    }

    private Sent read(long draw) throws Exception {
        long known = Math.min(caseCount.get(), cases.length());
        String caseId = known == 0 ? null : cases.get((int) Math.floorMod(draw, known));
        if (caseId == null) {
            return notice();
        }
        Client.Reply response = client.get("/v1/cases/" + caseId, platformKey);
        return new Sent(Kind.READ, response.status(), response.status() == 200);
    }

    private void remember(String caseId) {
        long index = caseCount.getAndIncrement();
        if (index < cases.length()) {
            cases.set((int) index, caseId);
        }
    }

    private Client.Reply post(String path, String key, String body) throws Exception {
        return client.post(path, key, UUID.randomUUID().toString(), body);
    }

    private static Json.Obj json(Client.Reply response) {
        return (Json.Obj) Json.parseUtf8(response.body()).orElseThrow();
    }

    private static String text(Json.Obj obj, String name) {
        return Optional.ofNullable(obj.get(name)).map(v -> ((Json.Str) v).value())
                .orElseThrow(() -> new IllegalStateException("the answer has no " + name));
    }
}
