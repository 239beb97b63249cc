package dev.recourse.server.cli;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.server.page.PageLinks;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The second part of {@code recourse demo}: the automation error Recourse exists for, caught, held and undone. A new
 * rule version whose keyword list matches political vocabulary is loaded in enforce mode; the platform sends the posts
 * of a political student organisation and of a news site's editors through {@code POST /v1/events}; the rule removes
 * a few, then its circuit breaker trips (many subjects of one network: the editors are different owners, but the
 * platform puts their accounts in the newsroom's network and their posts on the news site's page) and its further actions
 * become proposals; the high-impact guard holds the takedown of the organisation's page for two approvals; a recall
 * of the rule version lifts every removal still standing, and each affected person's notice page says so, with the
 * apology. Everything goes over the HTTP API, as a platform and its staff would do it.
 *
 * <p>The demo's service runs with breaker settings that let this trip within a few posts ({@link #BREAKERS}).
 */
final class DemoScenario {
    /** The breakers' settings of the demo: at most 10 actions a minute, and 3 subjects of one cohort in 10 minutes. */
    static final List<String[]> BREAKERS = List.of(new String[] {"breaker.floor", "5"}, new String[] {"breaker.cap", "10"},
            new String[] {"breaker.cohort-limit", "3"}, new String[] {"breaker.cohort-window-minutes", "10"});

    private static final String APOLOGY = "We are sorry. An automated rule we introduced removed your post because it"
            + " mentioned an election or a protest. That was our error, not anything you did; the post is back.";

    /** The keys the scenario acts with, besides the platform's. */
    record Keys(String platform, String admin, String policyAuthor, String firstSenior, String secondSenior) {}

    /** A URL to open, what it shows, and the key it needs if any. */
    record Link(String path, String shows, Optional<String> key) {}

    /** A post or page the platform sends an event about, with the network and page the platform puts it in, if any. */
    private record Item(String kind, String id, String owner, long reach, Optional<String> protectedMark, Optional<String> network,
            Optional<String> page, String type, String text) {}

    private final DemoClient client;
    private final PageLinks links;
    private final PrintWriter out;

    DemoScenario(DemoClient client, PageLinks links, PrintWriter out) {
        this.client = client;
        this.links = links;
        this.out = out;
    }

    /** Makes the scenario's keys (a policy author and two senior moderators) with the admin's key. */
    static Keys keys(DemoClient client, String admin, String platform) throws Exception {
        return new Keys(platform, admin, key(client, admin, "pol-farah", "policy_author"),
                key(client, admin, "sen-greta", "senior_moderator"), key(client, admin, "sen-hakan", "senior_moderator"));
    }

    private static String key(DemoClient client, String admin, String name, String role) throws Exception {
        return client.post("/v1/api-keys", admin, Json.object().put("name", name).put("role", role).build(), 201).string("key");
    }

    /** Plays the scenario for round {@code round}; returns the URLs to open, each with what it shows. */
    List<Link> play(Keys keys, String round, LocalDate today) throws Exception {
        String version = "2-" + round;
        String postsRule = "political-words@" + version;
        String pagesRule = "political-pages@" + version;
        out.println();
        out.println("Part 2: an automated rule that runs away, and how Recourse stops it (round " + round + ")");
        out.println("  Campus Grün, a political student organisation, runs the page campus-gruen-" + round + " (protected)");
        out.println("  Tagesblatt, a news site: five editors, each with an account of their own (high reach), post on its page"
                + " tagesblatt-" + round + "; the platform puts their accounts in the newsroom's network, org:tagesblatt-" + round);

        // ---- a new rule version, enforcing at once ----
        DemoClient.Reply policy = client.post("/v1/policies", keys.policyAuthor(),
                Json.object().put("source", policy(version)).build(), 201);
        out.println("  pol-farah loads policy " + policy.string("id") + ": its keyword list (election, protest, rally, Wahl,"
                + " Kundgebung ...) is meant for coordinated manipulation but matches political vocabulary; mode enforce."
                + " The log records the version with the SHA-256 of its text.");

        // ---- the posts: a few removed, then the breaker trips ----
        List<Item> posts = new ArrayList<>();
        posts.add(new Item("content", "campus-gruen-post-" + round, "campus-gruen-" + round, 4_800, Optional.empty(), Optional.empty(),
                Optional.of("campus-gruen-" + round), "post.created",
                "Student parliament election next week: come to our rally in front of the library on Tuesday."));
        for (String editor : List.of("mueller", "yilmaz", "novak", "schmidt", "okafor")) {
            posts.add(new Item("content", "tagesblatt-" + editor + "-" + round, "editor-" + editor + "-" + round, 250_000,
                    Optional.empty(), Optional.of("org:tagesblatt-" + round), Optional.of("tagesblatt-" + round), "post.created",
                    "Live: thousands join the protest against the election law; our reporter " + editor + " is at the square."));
        }
        List<String> removedPages = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Item post : posts) {
            String effect = send(keys.platform(), post, round, today);
            if (effect.equals("decided")) {
                Optional<DecisionId> decision = standingDecision(keys.platform(), post);
                decision.ifPresent(d -> removedPages.add(links.decisionPage(d).getRawPath()));
                removed.add(post.id());
            }
            out.println("  " + post.id() + " (" + post.owner() + "): " + switch (effect) {
                case "decided" -> "removed by the rule";
                case "proposed" -> "only proposed: the breaker holds the rule's actions for people to decide";
                default -> effect;
            });
        }
        Json.Obj breaker = breaker(keys.firstSenior(), postsRule);
        if (!breaker.get("tripped").equals(Json.of(true)) || !(breaker.get("trip") instanceof Json.Obj trip)
                || !Json.of("COHORT").equals(trip.get("cause")) || !Json.of("network").equals(trip.get("cohort"))) {
            throw new Failures.Failed("the breaker of " + postsRule + " did not trip on the newsroom's network: " + breaker);
        }
        out.println("  the circuit breaker of " + postsRule + " tripped: " + CanonicalJson.write(breaker.get("trip")));

        // ---- the page: the high-impact guard holds its takedown for two people ----
        Item page = new Item("page", "campus-gruen-" + round, "campus-gruen-" + round, 45_000, Optional.of("civic_organisation"),
                Optional.empty(), Optional.empty(), "page.updated", "Campus Grün: our programme for the student parliament election, and the dates of our rallies.");
        String pageEffect = send(keys.platform(), page, round, today);
        out.println("  the rule " + pagesRule + " would take the page down: " + pageEffect
                + " (the high-impact guard: a protected page, so automation may only propose, and two people must approve)");
        String proposal = proposalOf(keys.firstSenior(), page);
        DemoClient.Reply first = client.post("/v1/proposals/" + proposal + "/approve", keys.firstSenior(), 200);
        out.println("  sen-greta approves it: " + first.string("status") + "; it waits for a second person");

        // ---- the recall ----
        DemoClient.Reply recall = client.post("/v1/recalls", keys.secondSenior(), Json.object().put("rule", postsRule)
                .put("reasons", "The rule's keyword list matched ordinary political vocabulary: election, protest, rally.")
                .put("apology", APOLOGY).build(), 202);
        DemoClient.Reply recalled = recalled(keys.secondSenior(), recall.location().orElseThrow());
        out.println("  sen-hakan recalls " + postsRule + ", in the background (" + recall.location().orElseThrow() + "): "
                + recalled.string("state") + ", " + recalled.number("reversed") + " of " + recalled.number("toReverse")
                + " restriction(s) lifted; each person is told, with the recall's apology");
        for (String id : proposalsFor(keys.secondSenior(), round)) {
            client.post("/v1/proposals/" + id + "/decline", keys.secondSenior(), Json.object()
                    .put("reasons", "Proposed by a rule version that matched political vocabulary; it was recalled.").build(), 200);
        }
        out.println("  sen-hakan declines what the rule only proposed, the page takedown included: nothing of it stands");
        for (Item post : posts) {
            if (standingDecision(keys.platform(), post).isPresent()) {
                throw new Failures.Failed(post.id() + " is still restricted after the recall");
            }
        }

        List<Link> open = new ArrayList<>();
        open.add(new Link("/v1/breakers", "the breakers: " + postsRule + " tripped, with the figures that tripped it (cohort:"
                + " subjects of one network, of different owners)", Optional.of(keys.firstSenior())));
        open.add(new Link("/v1/proposals", "the proposals still waiting (part 1's protected page among them); this round's were"
                + " declined after the recall", Optional.of(keys.firstSenior())));
        open.add(new Link("/v1/rules/" + postsRule + "/stats", "the rule version's figures: its actions, its trip, its recall"
                + " and how many restrictions it lifted", Optional.empty()));
        open.add(new Link("/v1/policies/civic-vocabulary/versions", "every version of the policy, with the SHA-256 of its text and"
                + " who submitted it", Optional.of(keys.policyAuthor())));
        for (int i = 0; i < removedPages.size(); i++) {
            open.add(new Link(removedPages.get(i), "the notice page of " + removed.get(i) + ": removed by " + postsRule
                    + ", then lifted by the recall: the page says so and apologises", Optional.empty()));
        }
        return open;
    }

    /** Sends one event about {@code item}; the effect of the one rule that acted on it. */
    private String send(String platform, Item item, String round, LocalDate today) throws Exception {
        Json.ObjBuilder subject = Json.object().put("kind", item.kind()).put("id", item.id()).put("owner", item.owner())
                .put("reach", Json.of(item.reach())).put("language", "en").put("territory", "DE")
                .put("since", today.minusYears(2).toString());
        item.protectedMark().ifPresent(mark -> subject.put("protected", mark));
        item.network().ifPresent(network -> subject.put("network", network));
        item.page().ifPresent(page -> subject.put("page", page));
        Json.Obj event = Json.object().put("id", "evt-" + item.id() + "-" + UUID.randomUUID()).put("type", item.type())
                .put("subject", subject.build()).put("texts", Json.object().put("body", item.text()).build()).build();
        Json.Obj answer = client.post("/v1/events", platform, Json.object().put("items", List.of((Json) event)).build(), 200).json();
        Json.Obj result = (Json.Obj) ((Json.Arr) answer.get("items")).elements().getFirst();
        Json.Obj body = result.get("body") instanceof Json.Obj b ? b : result;
        List<Json> acted = body.get("acted") instanceof Json.Arr a ? a.elements() : List.of();
        if (acted.size() != 1) {
            throw new Failures.Failed("the rules did not act once on " + item.id() + ": " + answer);
        }
        return ((Json.Str) ((Json.Obj) acted.getFirst()).get("effect")).value();
    }

    /** The decision of the restriction standing on {@code item}, if one stands. */
    private Optional<DecisionId> standingDecision(String platform, Item item) throws Exception {
        Json.Obj shown = client.get("/v1/subjects/" + item.kind() + "/" + item.id(), Optional.of(platform), 200).json();
        return ((Json.Arr) shown.get("restrictions")).elements().stream()
                .map(r -> ((Json.Str) ((Json.Obj) r).get("decision")).value()).findFirst()
                .map(d -> new DecisionId(UUID.fromString(d)));
    }

    private Json.Obj breaker(String key, String rule) throws Exception {
        Json.Obj all = client.get("/v1/breakers", Optional.of(key), 200).json();
        return ((Json.Arr) all.get("breakers")).elements().stream().map(Json.Obj.class::cast).filter(b -> b.get("rule").equals(Json.of(rule))).findFirst()
                .orElseThrow(() -> new Failures.Failed("GET /v1/breakers does not show " + rule));
    }

    /** The waiting proposal about {@code item}. */
    private String proposalOf(String key, Item item) throws Exception {
        return pending(key).stream().filter(p -> p.get("subject").equals(Json.object().put("kind", item.kind()).put("id", item.id()).build()))
                .map(p -> ((Json.Str) p.get("proposal")).value()).findFirst()
                .orElseThrow(() -> new Failures.Failed("the takedown of " + item.id() + " is not waiting in GET /v1/proposals"));
    }

    /** The waiting proposals about this round's subjects. */
    private List<String> proposalsFor(String key, String round) throws Exception {
        return pending(key).stream().filter(p -> ((Json.Str) ((Json.Obj) p.get("subject")).get("id")).value().endsWith("-" + round))
                .map(p -> ((Json.Str) p.get("proposal")).value()).toList();
    }

    private List<Json.Obj> pending(String key) throws Exception {
        return items(client.get("/v1/proposals?limit=500", Optional.of(key), 200).json());
    }

    private static List<Json.Obj> items(Json.Obj page) {
        return ((Json.Arr) page.get("items")).elements().stream().map(Json.Obj.class::cast).toList();
    }

    /** The new policy version: two rules over one keyword list that is far too broad. */
    private static String policy(String version) {
        return """
                policy: civic-vocabulary@%1$s

                lists:
                  - id: political-terms@%1$s
                    keywords: [election, protest, rally, Wahl, Kundgebung, Demonstration]

                rules:
                """.formatted(version)
                + rule("political-words@" + version, "post.created", "visibility: DECISION_VISIBILITY_CONTENT_REMOVED", "post")
                + rule("political-pages@" + version, "page.updated", "service: DECISION_PROVISION_TOTAL_SUSPENSION", "page");
    }

    /** One enforcing rule of the policy over its keyword list: on {@code event}, the {@code restriction}. */
    private static String rule(String id, String event, String restriction, String noun) {
        return """
                  - id: %s
                    events: [%s]
                    lists: [political-terms]
                    when: "'political-terms' in lists"
                    mode: enforce
                    action:
                      restrictions:
                        - %s
                    statement:
                      ground: DECISION_GROUND_INCOMPATIBLE_CONTENT
                      contractualGround: Community guidelines, section 9 (coordinated political manipulation)
                      explanation: The %s contains {matches}, vocabulary of coordinated political manipulation.
                      facts: Rule {rule} found {matches} in event {event.id} about {subject}.
                      category: STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS
                      contentTypes: [CONTENT_TYPE_TEXT]
                """.formatted(id, event, restriction, noun);
    }

    /** The recall at {@code location} once it is done, asked for every tenth of a second for at most a minute. */
    private DemoClient.Reply recalled(String key, String location) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (true) {
            DemoClient.Reply state = client.get(location, Optional.of(key), 200);
            switch (state.string("state")) {
                case "done" -> {
                    return state;
                }
                case "failed" -> throw new Failures.Failed("the recall failed: " + state.string("failure"));
                default -> {
                    if (System.nanoTime() > deadline) {
                        throw new Failures.Failed("the recall at " + location + " was not done within a minute");
                    }
                    // Only the demo waits here, for a recall of a handful of subjects; nothing else runs on this thread.
                    java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
        }
    }
}
