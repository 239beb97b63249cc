package dev.recourse.server.http;

import static dev.recourse.server.http.Access.anyone;
import static dev.recourse.server.http.Access.roles;
import static dev.recourse.server.http.auth.ApiRole.ADMIN;
import static dev.recourse.server.http.auth.ApiRole.APPEAL_REVIEWER;
import static dev.recourse.server.http.auth.ApiRole.AUDITOR;
import static dev.recourse.server.http.auth.ApiRole.MODERATOR;
import static dev.recourse.server.http.auth.ApiRole.PLATFORM;
import static dev.recourse.server.http.auth.ApiRole.SENIOR_MODERATOR;

import dev.recourse.server.http.Route.Doc;
import dev.recourse.server.http.Route.Success;
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
    private final Portal portal;
    private final String version;
    private volatile Answer openApi;

    /**
     * The routes of these endpoints.
     *
     * @param version the API's version, for its description
     */
    public Routes(Keys keys, Intake intake, Decisions decisions, Appeals appeals, Cases cases, Receipts receipts, LogFiles log,
            Health health, Metrics metrics, SwaggerUi swaggerUi, Actions actions, Portal portal, String version) {
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
        this.portal = portal;
        this.version = version;
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
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED)),
                Route.post("/v1/authority-requests", roles(PLATFORM), Intake.AUTHORITY_REQUEST, intake::authorityRequest,
                        Doc.of("registerAuthorityRequest", "Notices", "Register an authority's order or request",
                                Success.json(201, Intake.REGISTERED, "The request as registered."))
                                .described("An order of an authority (DSA Art. 9) or a government's request, with the body and"
                                        + " the law it acts under. It is disclosed publicly unless a legal hold delays it.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED)),

                // ---- decisions ------------------------------------------------------------------------------------
                Route.post("/v1/decisions", roles(MODERATOR, SENIOR_MODERATOR), Decisions.DECISION, decisions::decide,
                        Doc.of("decide", "Decisions", "Decide a case",
                                Success.json(201, Decisions.DECIDED, "The decision, in effect; 202 when it is only"
                                        + " proposed (high impact: a second person approves)."))
                                .described("Restrict the subject with a statement of reasons, or take no action with reasons"
                                        + " for the notifiers. The key's holder is the decider, by pseudonym and role. A"
                                        + " statement the DSA Transparency Database would refuse is refused, naming each field.")
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED)),

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
                                .failing(ProblemType.REJECTED, ProblemType.CONTENDED)),
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

                // ---- receipts -------------------------------------------------------------------------------------
                Route.get("/v1/receipts/{position}", anyone(), receipts::receipt,
                        Doc.of("receipt", "Public log", "The receipt of a log entry",
                                Success.of(200, Receipts.MEDIA_TYPE, "A c2sp.org/tlog-proof@v1 receipt: the entry, its"
                                        + " inclusion proof and the signed checkpoint; check it offline with `recourse verify`."))
                                .described("Waits a few seconds for the log to take in a recent entry; 503 with Retry-After if"
                                        + " it has not yet.")
                                .failing(ProblemType.NOT_FOUND, ProblemType.UNAVAILABLE)),

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
                Route.get("/metrics", anyone(), metrics::scrape,
                        Doc.of("metrics", "Operations", "Measurements for Prometheus",
                                Success.of(200, Metrics.PROMETHEUS_TEXT, "The Prometheus text format."))),

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
                                .failing(ProblemType.NOT_FOUND)));
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
