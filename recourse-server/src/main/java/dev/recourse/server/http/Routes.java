package dev.recourse.server.http;

import static dev.recourse.server.http.Access.anyone;
import static dev.recourse.server.http.Access.roles;
import static dev.recourse.server.http.auth.ApiRole.ADMIN;
import static dev.recourse.server.http.auth.ApiRole.APPEAL_REVIEWER;
import static dev.recourse.server.http.auth.ApiRole.AUDITOR;
import static dev.recourse.server.http.auth.ApiRole.MODERATOR;
import static dev.recourse.server.http.auth.ApiRole.PLATFORM;
import static dev.recourse.server.http.auth.ApiRole.POLICY_AUTHOR;
import static dev.recourse.server.http.auth.ApiRole.SENIOR_MODERATOR;

import dev.recourse.server.http.Route.Doc;
import dev.recourse.server.http.Route.Success;
import dev.recourse.server.page.Pages;
import dev.recourse.server.portal.Portal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every endpoint of the API, declared in one place: its method and path, the roles it admits, the body it takes,
 * the action that answers it (a method reference), and its description. {@link ApiServer} serves these,
 * {@link OpenApi} describes them, and the tests call each with every role.
 *
 * <p>To add an endpoint, add its action to the class of its concept and one declaration here.
 */
public final class Routes {
    private final Keys keys;
    private final Intake intake;
    private final Decisions decisions;
    private final Appeals appeals;
    private final Cases cases;
    private final Receipts receipts;
    private final LogFiles log;
    private final Health health;
    private final Metrics metrics;
    private final SwaggerUi swaggerUi;
    private final Actions actions;
    private final Pages pages;
    private final RuleSafeguards safeguards;
    private final Policies policies;
    private final Portal portal;
    private final String version;
    private final Subjects subjects;
    private final Detections detections;
    private final Proposals proposals;
    private final AuthorityRequests authorityRequests;
    private final ContentEvents contentEvents;
    private volatile Answer openApi;

    /**
     * The routes of these endpoints.
     *
     * @param version the API's version, for its description
     */
    public Routes(Keys keys, Intake intake, Decisions decisions, Appeals appeals, Cases cases, Receipts receipts, LogFiles log,
            Health health, Metrics metrics, SwaggerUi swaggerUi, Actions actions, Pages pages, String version, Subjects subjects,
            Detections detections, Proposals proposals, AuthorityRequests authorityRequests,
            RuleSafeguards safeguards, Policies policies, Portal portal, ContentEvents contentEvents) {
        this.keys = keys;
        this.intake = intake;
        this.decisions = decisions;
        this.appeals = appeals;
        this.cases = cases;
        this.receipts = receipts;
        this.log = log;
        this.health = health;
        this.metrics = metrics;
        this.swaggerUi = swaggerUi;
        this.actions = actions;
        this.pages = pages;
        this.safeguards = safeguards;
        this.portal = portal;
        this.version = version;
        this.subjects = subjects;
        this.detections = detections;
        this.proposals = proposals;
        this.authorityRequests = authorityRequests;
        this.policies = policies;
        this.contentEvents = contentEvents;
    }

    /** The policy endpoints, whose policies the service also loads from its policies directory. */
    public Policies policies() {
        return policies;
    }

    /** The intake of content events, whose rule worker the Kafka consumer also feeds. */
    public ContentEvents contentEvents() {
        return contentEvents;
    }

    /** The safeguards' endpoints, whose recalls run in the background. */
    public RuleSafeguards safeguards() {
        return safeguards;
    }

    /** Every route, in the order the API's description lists them. */
    public List<Route> all() {
        return List.of(
                // ---- intake ---------------------------------------------------------------------------------------
                Route.post("/v1/notices", roles(PLATFORM), Intake.NOTICE, intake::notice,
                        Doc.of("submitNotice", "Notices", "Send a notice (DSA Art. 16)",
                                Success.json(201, Intake.RECEIVED, "The confirmation of receipt (Art. 16(4))."))
                                .described("A notice that content is illegal or against the terms, with every element Art. 16"
                                        + " requires: a substantiated explanation, the exact location, the notifier's name and"
                                        + " e-mail (unless the notice is exempt) and their statement of good faith. The"
                                        + " notice opens a case about the subject, or joins its case.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/authority-requests", roles(PLATFORM), Intake.AUTHORITY_REQUEST, intake::authorityRequest,
                        Doc.of("registerAuthorityRequest", "Notices", "Register an authority's order or request",
                                Success.json(201, Intake.REGISTERED, "The request as registered."))
                                .described("An order of an authority (DSA Art. 9) or a government's request, with the body and"
                                        + " the law it acts under. It is disclosed publicly unless a legal hold delays it.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/events", roles(PLATFORM), ContentEvents.BATCH, contentEvents::submit,
                        Doc.of("submitEvents", "Events", "Send content events for the rules to judge",
                                Success.json(200, ContentEvents.BATCH_HANDLED, "One result per event, in order."))
                                .described("Up to 1,000 content events (a post created, a profile changed), each evaluated"
                                        + " against the active policies and carried out through due process: rules that act"
                                        + " record a detection and decide or propose; shadow rules are only counted. Each"
                                        + " event is answered on its own: processed, a duplicate of an event id processed"
                                        + " before (nothing is done again), or 422 with a problem naming the field."
                                        + " docs/policies.md, \"Event intake\".")),
                Route.get("/v1/policies/{id}/shadow", roles(POLICY_AUTHOR, AUDITOR, ADMIN), contentEvents::shadow,
                        Doc.of("policyShadowReport", "Policies", "The shadow report of a policy",
                                Success.json(200, ContentEvents.SHADOW, "Per rule version: how many events it matched in"
                                        + " shadow mode since the service started, and the first matches."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- decisions ------------------------------------------------------------------------------------
                Route.post("/v1/decisions", roles(MODERATOR, SENIOR_MODERATOR), Decisions.DECISION, decisions::decide,
                        Doc.of("decide", "Decisions", "Decide a case",
                                Success.json(201, Decisions.DECIDED, "The decision, in effect; 202 when it is only"
                                        + " proposed (high impact: a second person approves)."))
                                .described("Restrict the subject with a statement of reasons, or take no action with reasons"
                                        + " for the notifiers. The key's holder is the decider, by pseudonym and role. A"
                                        + " statement the DSA Transparency Database would refuse is refused, naming each field.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/decisions/{id}/reversal", roles(SENIOR_MODERATOR, ADMIN), Decisions.REVERSAL, decisions::reverse,
                        Doc.of("reverseDecision", "Decisions", "Reverse a decision outside an appeal",
                                Success.json(200, Decisions.REVERSED, "The reversal, with the restrictions it lifted."))
                                .described("A senior moderator or an administrator reverses a decision on their own initiative"
                                        + " (for example a mistake found in review), with reasons: every restriction of it that"
                                        + " still stands is lifted, the platform is told to restore the subject, and the affected"
                                        + " person and the notifiers are told. A decision already reversed, or whose"
                                        + " restrictions were all lifted, is refused.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),

                // ---- cases ----------------------------------------------------------------------------------------
                Route.get("/v1/cases/{id}", roles(PLATFORM, MODERATOR, SENIOR_MODERATOR, APPEAL_REVIEWER, AUDITOR, ADMIN), cases::show,
                        Doc.of("showCase", "Cases", "Show a case",
                                Success.json(200, Cases.CASE, "Where the case stands and the restrictions in force."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- appeals --------------------------------------------------------------------------------------
                Route.post("/v1/appeals", roles(PLATFORM), Appeals.APPEAL, appeals::file,
                        Doc.of("fileAppeal", "Appeals", "File an appeal (DSA Art. 20)",
                                Success.json(201, Appeals.FILED, "The appeal as filed."))
                                .described("For the affected person or a notifier whose notice the decision answered; open for"
                                        + " at least six months after the decision.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.get("/v1/appeals", roles(APPEAL_REVIEWER, SENIOR_MODERATOR, AUDITOR, ADMIN), appeals::queue,
                        Doc.of("appealQueue", "Appeals", "The appeals waiting for a reviewer",
                                Success.json(200, Appeals.QUEUE, "A page of the queue, oldest first, with who works on each."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.post("/v1/appeals/{id}/claim", roles(APPEAL_REVIEWER, SENIOR_MODERATOR), appeals::claim,
                        Doc.of("claimAppeal", "Appeals", "Claim an appeal to work on it",
                                Success.json(200, Appeals.PENDING, "The appeal, claimed by the caller."))
                                .described("Takes the appeal from the queue so that no other reviewer decides it meanwhile, or"
                                        + " renews the caller's claim. A claim lapses an hour after it was made or renewed.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.ALREADY_CLAIMED)),
                Route.post("/v1/appeals/{id}/decision", roles(APPEAL_REVIEWER, SENIOR_MODERATOR), Appeals.APPEAL_DECISION,
                        appeals::decide,
                        Doc.of("decideAppeal", "Appeals", "Decide an appeal",
                                Success.json(200, Appeals.APPEAL_DECIDED, "The outcome as recorded."))
                                .described("By a person who took no part in the decision or an earlier appeal of it, with"
                                        + " reasons. A reversal lifts the restrictions and tells the affected person and the"
                                        + " notifiers. Refused while another reviewer's claim holds.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.ALREADY_CLAIMED, ProblemType.REJECTED,
                                        ProblemType.CONTENDED)),

                // ---- subjects -------------------------------------------------------------------------------------
                Route.post("/v1/subjects", roles(PLATFORM), Subjects.SUBJECT, subjects::describe,
                        Doc.of("describeSubject", "Subjects", "Describe a subject",
                                Success.json(200, Subjects.DESCRIBED, "The subject as recorded and its case."))
                                .described("Registers a subject, or records how it is now (owner, reach, protection), before or"
                                        + " between notices: opens its case if it has none. Decisions weigh the latest description"
                                        + " (a protected or high-reach subject needs two people for account- or page-level actions).")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.get("/v1/subjects/{kind}/{id}", roles(PLATFORM, MODERATOR, SENIOR_MODERATOR, APPEAL_REVIEWER, AUDITOR, ADMIN),
                        subjects::show,
                        Doc.of("showSubject", "Subjects", "Show a subject and the restrictions in force on it",
                                Success.json(200, Subjects.STANDING, "The subject as last described, its case and its standing"
                                        + " restrictions."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- detections -----------------------------------------------------------------------------------
                Route.post("/v1/detections", roles(PLATFORM), Detections.DETECTION, detections::record,
                        Doc.of("recordDetection", "Notices", "Send an automated signal",
                                Success.json(201, Detections.RECORDED, "The detection as recorded."))
                                .described("A rule or list matched the subject, or a classifier scored it. It opens the subject's"
                                        + " case or joins it; a decision may name it as its source.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/detections:batch", roles(PLATFORM), Detections.DETECTIONS, detections::recordAll,
                        Doc.of("recordDetections", "Notices", "Send up to 500 automated signals",
                                Success.json(200, Detections.DETECTIONS_RECORDED, "One result per item: its status and body, or"
                                        + " its problem."))
                                .described("Each item is recorded on its own, all or nothing for that item, as `POST"
                                        + " /v1/detections` would; a wrong item gets its problem and the others are recorded.")),
                Route.post("/v1/notices:batch", roles(PLATFORM), Intake.NOTICES, intake::notices,
                        Doc.of("submitNotices", "Notices", "Send up to 500 notices",
                                Success.json(200, Intake.NOTICES_RECEIVED, "One result per item: its confirmation of receipt, or"
                                        + " its problem."))
                                .described("Each item is received on its own, all or nothing for that item, as `POST /v1/notices`"
                                        + " would; a wrong item gets its problem and the others are received.")),
                Route.get("/v1/authority-requests", roles(PLATFORM, SENIOR_MODERATOR, AUDITOR, ADMIN), authorityRequests::register,
                        Doc.of("authorityRequests", "Notices", "The register of authority requests",
                                Success.json(200, AuthorityRequests.REGISTER, "A page of the requests, newest first, at most"
                                        + " " + dev.recourse.store.projection.PublicRecord.MAX_PAGE + " a page."))
                                .described("Every authority request with its legal hold and whether it is disclosed; once"
                                        + " disclosed, what it asked and the decisions it led to. A held request shows only the"
                                        + " end of its hold here; its own endpoint shows it in full.")
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.get("/v1/authority-requests/{id}", roles(PLATFORM, SENIOR_MODERATOR, AUDITOR, ADMIN), authorityRequests::show,
                        Doc.of("showAuthorityRequest", "Notices", "Show an authority request",
                                Success.json(200, AuthorityRequests.REQUEST, "The request, its legal hold, whether it is disclosed,"
                                        + " and the decisions it caused."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- proposals ------------------------------------------------------------------------------------
                Route.get("/v1/proposals", roles(MODERATOR, SENIOR_MODERATOR, AUDITOR, ADMIN), proposals::queue,
                        Doc.of("proposalQueue", "Decisions", "The proposals waiting for approval",
                                Success.json(200, Proposals.QUEUE, "A page of proposals, oldest first."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.post("/v1/proposals/{id}/approve", roles(MODERATOR, SENIOR_MODERATOR), proposals::approve,
                        Doc.of("approveProposal", "Decisions", "Approve a proposed decision",
                                Success.json(200, Proposals.ANSWERED, "The approval; status taken when the decision is in effect."))
                                .described("By a person who took no part in the proposal: the key's holder. A high-impact decision"
                                        + " is taken once two different people stand behind it.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/proposals/{id}/decline", roles(MODERATOR, SENIOR_MODERATOR), Proposals.DECLINE, proposals::decline,
                        Doc.of("declineProposal", "Decisions", "Decline a proposed decision",
                                Success.json(200, Proposals.ANSWERED, "The decline, recorded with its reasons."))
                                .failing(ProblemType.NOT_FOUND, ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),

                // ---- case reads -----------------------------------------------------------------------------------
                Route.get("/v1/cases/{id}/events", roles(MODERATOR, SENIOR_MODERATOR, APPEAL_REVIEWER, AUDITOR, ADMIN), cases::history,
                        Doc.of("caseHistory", "Cases", "A case's history",
                                Success.json(200, Cases.HISTORY, "A page of the case's events, oldest first, personal data included."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/v1/cases/{id}/notices", roles(MODERATOR, SENIOR_MODERATOR, APPEAL_REVIEWER, AUDITOR, ADMIN), cases::notices,
                        Doc.of("caseNotices", "Cases", "The notices of a case",
                                Success.json(200, Cases.HISTORY, "A page of the notices the case received, oldest first."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/v1/cases/{id}/decisions", roles(PLATFORM, MODERATOR, SENIOR_MODERATOR, APPEAL_REVIEWER, AUDITOR, ADMIN),
                        cases::decisions,
                        Doc.of("caseDecisions", "Cases", "The decisions of a case",
                                Success.json(200, Cases.HISTORY, "A page of the case's decisions, proposals, approvals, declines"
                                        + " and appeal outcomes, oldest first."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)
                                .failing(ProblemType.NOT_FOUND)),

                // ---- safeguards -----------------------------------------------------------------------------------
                Route.get("/v1/breakers", roles(MODERATOR, SENIOR_MODERATOR, POLICY_AUTHOR, AUDITOR, ADMIN), safeguards::breakers,
                        Doc.of("listBreakers", "Safeguards", "The circuit breakers of automated rules",
                                Success.json(200, RuleSafeguards.BREAKERS, "Every rule version's breaker: tripped or not, the"
                                        + " figures of its trip, its last reset and what it learned."))
                                .described("A breaker trips when a rule version acts far more than its learned baseline, more"
                                        + " than the cap in a minute, or on many subjects of one owner, network or page at once; its enforcing"
                                        + " actions are then only proposed until a person resets it.")),
                Route.post("/v1/breakers/{rule}/reset", roles(SENIOR_MODERATOR, ADMIN), RuleSafeguards.RESET, safeguards::reset,
                        Doc.of("resetBreaker", "Safeguards", "Reset a tripped circuit breaker",
                                Success.json(200, RuleSafeguards.RESET_DONE, "The reset, recorded with who and why."))
                                .described("`rule` is the rule version, id@version. After the reset the rule version enforces"
                                        + " again; its actions held meanwhile stay in the review queue.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED))
                        .claimedWithEvents(),
                Route.post("/v1/recalls", roles(SENIOR_MODERATOR, ADMIN), RuleSafeguards.RECALL, safeguards::recall,
                        Doc.of("recall", "Safeguards", "Recall what a rule version did",
                                Success.json(202, RuleSafeguards.RECALL_STATE, "The recall, started (or the unfinished one"
                                        + " of the same rule version and time, taken up) and carried out in the background;"
                                        + " Location is where to follow it. 200 with status dry-run or nothing-stands"
                                        + " (RecallOutcome) for a dry run, or when nothing stands and nothing was started."))
                                .described("Lifts every restriction of the rule version's decisions between from and to that"
                                        + " still stands, exactly once even when repeated or interrupted (a repeat takes up the"
                                        + " unfinished recall, and a recall a stop interrupted is taken up at the next start);"
                                        + " tells each affected person why, with the apology; the platform is told to restore;"
                                        + " the subjects are kept from that rule version. With dryRun, lists what would be"
                                        + " lifted and changes nothing, at once.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED)),
                Route.get("/v1/recalls", roles(SENIOR_MODERATOR, ADMIN), safeguards::recallList,
                        Doc.of("listRecalls", "Safeguards", "The recalls",
                                Success.json(200, RuleSafeguards.RECALLS, "Each recall and how far it is, in the order they"
                                        + " were started."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.get("/v1/recalls/{id}", roles(SENIOR_MODERATOR, ADMIN), safeguards::recallState,
                        Doc.of("getRecall", "Safeguards", "A recall and how far it is",
                                Success.json(200, RuleSafeguards.RECALL_STATE, "Its state (running, done, failed with the"
                                        + " reason), how many restrictions stood to be lifted and how many it lifted."))
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/v1/rules/{rule}/stats", anyone(), safeguards::stats,
                        Doc.of("ruleStats", "Safeguards", "A rule version's figures",
                                Success.json(200, RuleSafeguards.STATS, "Actions, appeals, overturn rate, trips and recalls."))
                                .described("`rule` is the rule version, id@version. Public: for the transparency pages.")
                                .failing(ProblemType.NOT_FOUND)),

                // ---- receipts -------------------------------------------------------------------------------------
                Route.get("/v1/receipts/{position}", anyone(), receipts::receipt,
                        Doc.of("receipt", "Public log", "The receipt of a log entry",
                                Success.of(200, Receipts.MEDIA_TYPE, "A c2sp.org/tlog-proof@v1 receipt: the entry, its"
                                        + " inclusion proof and the signed checkpoint; check it offline with `recourse verify`."))
                                .described("Waits a few seconds for the log to take in a recent entry; 503 with Retry-After if"
                                        + " it has not yet.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.UNAVAILABLE)),

                // ---- policies -------------------------------------------------------------------------------------
                Route.post("/v1/policies", roles(POLICY_AUTHOR), Policies.SUBMISSION, policies::submit,
                        Doc.of("submitPolicy", "Policies", "Submit a version of a policy",
                                Success.json(201, Policies.SUBMITTED, "The version, now active; 200 if this very version"
                                        + " was kept before."))
                                .described("The policy file in YAML (docs/policies.md). A version that does not compile is"
                                        + " refused with every problem, each naming the rule and, for conditions, the line and"
                                        + " column; the previous version stays active. Every accepted version is kept.")
                                .failing(ProblemType.INVALID_REQUEST)),
                Route.get("/v1/policies", roles(POLICY_AUTHOR, AUDITOR, ADMIN), policies::active,
                        Doc.of("activePolicies", "Policies", "The active policies",
                                Success.json(200, Policies.ACTIVE, "The active version of each policy, with its rules."))),
                Route.get("/v1/policies/{id}/versions", roles(POLICY_AUTHOR, AUDITOR, ADMIN), policies::versions,
                        Doc.of("policyVersions", "Policies", "Every version of a policy",
                                Success.json(200, Policies.VERSIONS, "The kept versions, oldest first; the last is active."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- API keys -------------------------------------------------------------------------------------
                Route.post("/v1/api-keys", roles(ADMIN), Keys.NEW_KEY, keys::make,
                        Doc.of("makeApiKey", "API keys", "Make an API key",
                                Success.json(201, Keys.MADE, "The key, shown this once."))
                                .described("Makes a key for a person, platform or tool in one role. The answer holds the key;"
                                        + " it is never shown again (a retry of the request gets the answer without it).")
                                .failing(ProblemType.REJECTED))
                        .keeping(Keys::withoutKey),
                Route.get("/v1/api-keys", roles(ADMIN, AUDITOR), keys::list,
                        Doc.of("listApiKeys", "API keys", "List API keys", Success.json(200, Keys.PAGE, "A page of keys."))
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.get("/v1/api-keys/{id}", roles(ADMIN, AUDITOR), keys::show,
                        Doc.of("showApiKey", "API keys", "Show an API key", Success.json(200, Keys.ISSUED, "The key, without the key itself."))
                                .failing(ProblemType.NOT_FOUND)),
                Route.post("/v1/api-keys/{id}/revoke", roles(ADMIN), keys::revoke,
                        Doc.of("revokeApiKey", "API keys", "Revoke an API key",
                                Success.json(200, Keys.ISSUED, "The key as it is now: revoked."))
                                .described("The key authenticates nobody from now on. Revoking a revoked key changes nothing.")
                                .failing(ProblemType.NOT_FOUND)),

                // ---- delivery -------------------------------------------------------------------------------------
                Route.get("/v1/actions", roles(SENIOR_MODERATOR, AUDITOR, ADMIN), actions::list,
                        Doc.of("listActions", "Delivery", "The actions delivered to the platform",
                                Success.json(200, Actions.PAGE, "A page of actions, in the order they were made."))
                                .described("Every action (apply a restriction, lift it) sent to the platform's webhook, with"
                                        + " where it stands: pending, delivered and not yet acknowledged, applied, failed (as"
                                        + " the platform acknowledged it), or dead after the most attempts.")
                                .withQuery(Actions.STATE, OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.get("/v1/actions/{id}", roles(SENIOR_MODERATOR, AUDITOR, ADMIN), actions::show,
                        Doc.of("showAction", "Delivery", "Show an action and its attempts",
                                Success.json(200, Actions.DETAILED, "The action, with every attempt to deliver it."))
                                .failing(ProblemType.NOT_FOUND)),
                Route.post("/v1/actions/{id}/ack", roles(PLATFORM), Actions.ACKNOWLEDGEMENT, actions::acknowledge,
                        Doc.of("acknowledgeAction", "Delivery", "Acknowledge an action",
                                Success.json(200, Actions.DETAILED, "The action as it is now."))
                                .described("The platform says it applied the action, or could not (with the reason). The id"
                                        + " is the webhook-id of the delivery. An acknowledgement stops further attempts; a"
                                        + " later one replaces it.")
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/v1/dead-letters", roles(SENIOR_MODERATOR, AUDITOR, ADMIN), actions::deadLetters,
                        Doc.of("listDeadLetters", "Delivery", "The dead-letter list",
                                Success.json(200, Actions.PAGE, "A page of dead deliveries of every channel."))
                                .described("Actions and messages that ran out of attempts. Replay them when the receiver works again.")
                                .withQuery(OpenApi.CURSOR, OpenApi.LIMIT)),
                Route.post("/v1/dead-letters/{id}/replay", roles(SENIOR_MODERATOR, ADMIN), actions::replay,
                        Doc.of("replayDeadLetter", "Delivery", "Replay a dead letter",
                                Success.json(200, Actions.DETAILED, "The delivery, pending again and due now."))
                                .described("Puts the delivery back in its queue with its attempts counted afresh.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.REJECTED)),
                Route.post("/v1/dead-letters/replay", roles(SENIOR_MODERATOR, ADMIN), actions::replayAll,
                        Doc.of("replayDeadLetters", "Delivery", "Replay every dead letter",
                                Success.json(200, Actions.REPLAYED, "How many were put back in their queues."))),

                // ---- the public log ---------------------------------------------------------------------------------
                Route.get("/log/checkpoint", anyone(), log::checkpoint,
                        Doc.of("logCheckpoint", "Public log", "The log's last signed checkpoint",
                                Success.of(200, Answer.TEXT, "A signed note (c2sp.org/tlog-checkpoint)."))
                                .described("Mutable: cached for a few seconds at most.")
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/log/tile/<path>", anyone(), log::tile,
                        Doc.of("logTile", "Public log", "A tile or an entry bundle of the log",
                                Success.of(200, LogFiles.OCTETS, "The tile's bytes (c2sp.org/tlog-tiles)."))
                                .described("`path` is a tlog-tiles path below `tile/`, e.g. `0/x001/234.p/7` or"
                                        + " `entries/000`. Immutable: full tiles are cached for a year.")
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/log/key", anyone(), log::key,
                        Doc.of("logKey", "Public log", "The log's verifier key",
                                Success.of(200, Answer.TEXT, "The key that checks the checkpoints' signatures,"
                                        + " origin+hex(keyID)+base64(key)."))),

                // ---- portal: public pages, no login ----------------------------------------------------------------
                Route.get("/portal/decisions", anyone(), portal.decisions()::search,
                        Doc.of("portalDecisions", "Portal", "Search the decisions",
                                Success.of(200, Answer.HTML, "A page of decisions, newest first, and the search form."))
                                .described("Filters (all optional): `from` and `to` (days, YYYY-MM-DD), `category`, `ground`,"
                                        + " `restriction`, `automation`, `source`, `rule` (id@version), `appeal`; `cursor` for"
                                        + " the next page. A wrong filter is answered 400 with a page naming it.")),
                Route.get("/portal/decisions/{id}", anyone(), portal.decisions()::show,
                        Doc.of("portalDecision", "Portal", "A decision's public record",
                                Success.of(200, Answer.HTML, "Its DSA fields, its log entry and the link to its receipt;"
                                        + " 404 if there is no such decision."))),
                Route.get("/portal/statistics", anyone(), portal.statistics()::page,
                        Doc.of("portalStatistics", "Portal", "The figures, as charts",
                                Success.of(200, Answer.HTML, "Decisions over time, by category and source, the automated share,"
                                        + " appeals and the overturn rate (per rule too), median times, reinstatements."))
                                .described("`from` and `to` (days, YYYY-MM-DD) choose the period; the last 90 days by default."
                                        + " Served from the rollups.")),
                Route.get("/portal/authority-requests", anyone(), portal.authorityRequests()::page,
                        Doc.of("portalAuthorityRequests", "Portal", "The register of authority requests",
                                Success.of(200, Answer.HTML, "Requests newest first: body, type, legal basis, date, what was"
                                        + " asked and the decisions it led to; a held request shows only its hold's end."))
                                .described("`cursor` for the next page.")),
                Route.get("/portal/verify", anyone(), portal.verify()::form,
                        Doc.of("portalVerifyForm", "Portal", "The form to verify a receipt",
                                Success.of(200, Answer.HTML, "Paste a receipt or upload its file."))),
                Route.form("/portal/verify", portal.verify()::verify,
                        Doc.of("portalVerify", "Portal", "Verify a receipt",
                                Success.of(200, Answer.HTML, "Whether the receipt verifies against the log's published key,"
                                        + " and what that proves and what it does not."))
                                .described("A form, as `multipart/form-data` or `application/x-www-form-urlencoded`: the"
                                        + " receipt pasted in `receipt`, or its file in `file`. Checks it and stores nothing;"
                                        + " no key needed. 400 with a page naming `receipt` if neither is sent.")),

                // ---- operations -----------------------------------------------------------------------------------
                Route.get("/health", anyone(), health::check,
                        Doc.of("health", "Operations", "Whether the service works",
                                Success.json(200, Health.HEALTH, "It works; 503 with the same body when it does not."))),
                Route.get("/metrics", roles(AUDITOR, ADMIN), metrics::scrape,
                        Doc.of("metrics", "Operations", "Measurements for Prometheus",
                                Success.of(200, Metrics.PROMETHEUS_TEXT, "The Prometheus text format."))
                                .described("For an auditor's or an admin's key: the counts tell how busy the service is and how"
                                        + " many decisions it takes, which is not for anyone. Give Prometheus an auditor key"
                                        + " as its bearer token.")),

                // ---- the API itself --------------------------------------------------------------------------------
                Route.get("/openapi.json", anyone(), this::openApi,
                        Doc.of("openApi", "API", "This description of the API",
                                Success.of(200, Answer.JSON, "OpenAPI 3.1."))),
                Route.get("/docs/api", anyone(), swaggerUi::page,
                        Doc.of("apiDocs", "API", "The API's description, to read and try",
                                Success.of(200, "text/html; charset=utf-8", "Swagger UI."))),
                Route.get("/docs/api/<file>", anyone(), swaggerUi::file,
                        Doc.of("apiDocsFile", "API", "A file of Swagger UI",
                                Success.of(200, "application/octet-stream", "A style sheet, script or icon."))
                                .failing(ProblemType.NOT_FOUND)),
                Route.get("/problems/{slug}", anyone(), Routes::problemType,
                        Doc.of("problemType", "API", "Describe a problem type",
                                Success.of(200, Answer.TEXT, "What the problem type means and what to do."))
                                .failing(ProblemType.NOT_FOUND)),

                // ---- pages: people's pages, open without a key at unguessable links (docs/notice-pages.md) --------
                Route.get("/notice/{token}", anyone(), pages::decisionPage,
                        Doc.of("noticePage", "Pages", "The affected person's notice page of a decision",
                                Success.of(200, Answer.HTML, "The statement of reasons in plain words and in the person's"
                                        + " language, the redress options with their deadlines, the appeal form, the appeals'"
                                        + " outcomes, and the receipt of the decision's log entry with how to verify it."))
                                .described("`token` comes from the `noticePage` of a decision's answer, or the notice sent to"
                                        + " the person. `?lang=en|de|fr|fa` chooses the language (default: the person's, then"
                                        + " Accept-Language). An unknown or forged token is a 404 page; too many requests from"
                                        + " one address a 429 page.")),
                Route.form("/notice/{token}/appeal", pages::appealDecision,
                        Doc.of("noticePageAppeal", "Pages", "Appeal a decision from its notice page",
                                Success.of(303, Answer.HTML, "Filed: back to the page, which shows the appeal's status."))
                                .described("An HTML form (`application/x-www-form-urlencoded`) with `form` (the form token"
                                        + " the page holds), `grounds` and `lang`. The form token is the post's Idempotency-Key:"
                                        + " posted twice, it files one appeal. 400 page without a valid form token, 422 page"
                                        + " when the appeal is refused (the page again, saying why), 429 page when rate-limited.")),
                Route.get("/notifier/{token}", anyone(), pages::noticePage,
                        Doc.of("notifierPage", "Pages", "The notifier's page of a notice",
                                Success.of(200, Answer.HTML, "The confirmation of receipt (DSA Art. 16(4)), then the"
                                        + " decision taken on the notice with its reasons or that none is yet (Art. 16(5)),"
                                        + " the redress options and the notifier's appeal form."))
                                .described("`token` comes from the `notifierPage` of a notice's confirmation. Otherwise as"
                                        + " the notice page.")),
                Route.form("/notifier/{token}/appeal", pages::appealNotice,
                        Doc.of("notifierPageAppeal", "Pages", "Appeal the decision on a notice from the notifier's page",
                                Success.of(303, Answer.HTML, "Filed: back to the page, which shows the appeal's status."))
                                .described("As the notice page's appeal form.")));
    }

    /** {@code GET /openapi.json}: the API's OpenAPI description, made from these routes once. */
    Answer openApi(Call call) {
        Answer answer = openApi;
        if (answer == null) {
            answer = Answer.bytes(200, Answer.JSON, JsonText.pretty(OpenApi.document(all(), version)))
                    .withHeader("Cache-Control", "public, max-age=300");
            openApi = answer;
        }
        return answer;
    }

    /** {@code GET /problems/{slug}}: what a problem type means. */
    static Answer problemType(Call call) {
        Optional<ProblemType> type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(call.pathParameter("slug"))).findFirst();
        return type.map(Problem::typePage)
                .orElseGet(() -> call.answer(Problem.of(ProblemType.NOT_FOUND, "no problem type " + call.pathParameter("slug"))));
    }
}
