package dev.recourse.server.page;

import dev.recourse.core.FieldError;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.command.Command;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Result;
import dev.recourse.server.http.Answer;
import dev.recourse.server.http.Call;
import dev.recourse.server.http.RateLimit;
import dev.recourse.store.RecourseStore;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The pages of people, open to anyone who has their link (see {@link PageLinks}), so that they work without an account
 * and while one is suspended: the affected person's page of a decision ({@code /notice/TOKEN}), with the statement of
 * reasons, the redress options, the appeal form, the appeals' outcomes and the receipt; and the notifier's page of a
 * notice ({@code /notifier/TOKEN}), with the confirmation of receipt (DSA Art. 16(4)), the decision taken on it or
 * that none is yet (Art. 16(5)), and their appeal form.
 *
 * <p>Every request counts against a rate limit per address (429 page). An unknown or forged token is a 404 page. An
 * appeal form carries a token made for its page ({@link PageLinks#formToken}); a post without a valid one is refused
 * (400), and a post of a token already posted files nothing and shows the page: the token is the post's
 * Idempotency-Key. A successful post redirects to the page (303), which then shows the appeal's status.
 */
public final class Pages {
    /** The longest grounds of an appeal taken, as the API takes. */
    static final int MAX_GROUNDS = 20_000;

    private final RecourseStore store;
    private final PageLinks links;
    private final PageTargets targets;
    private final AppealForms forms;
    private final RateLimit rateLimit;
    private final Optional<URI> publicUrl;
    private final InstantSource clock;
    private final RandomGenerator random;

    /**
     * The pages of {@code store}'s cases.
     *
     * @param links the pages' addresses and form tokens
     * @param rateLimit the limit per address of every request to a page
     * @param publicUrl where people reach the service, if set ({@code public-url}): the address the receipt's
     *     verify command names; without it, the address the request reached (the connection's, never its Host
     *     header, which the caller chooses)
     * @param random form tokens
     */
    public Pages(RecourseStore store, PageLinks links, RateLimit rateLimit, Optional<URI> publicUrl, InstantSource clock,
            RandomGenerator random) {
        this.store = store;
        this.links = links;
        this.targets = new PageTargets(store.dataSource(), store.events());
        this.forms = new AppealForms(store.dataSource(), clock);
        this.rateLimit = rateLimit;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.random = random;
    }

    /** Forgets form tokens older than their retention; returns how many. */
    public int purge() throws SQLException {
        return forms.purge();
    }

    // ---- the affected person's page of a decision ---------------------------------------------------------------

    /** {@code GET /notice/{token}}. */
    public Answer decisionPage(Call call) throws SQLException {
        return opened(call, this::openDecision, o -> decisionPage(call, o, "", Optional.empty(), 200));
    }

    /** {@code POST /notice/{token}/appeal}: the affected person appeals the decision. */
    public Answer appealDecision(Call call) throws SQLException {
        return opened(call, this::openDecision, o -> appeal(call, o.record(), o.taken(),
                new Appellant.AffectedPerson(o.taken().subject().owner()),
                (grounds, problem) -> decisionPage(call, o, grounds, Optional.of(problem), 422)));
    }

    private record Opened(String token, CaseRecord record, CaseRecord.Taken taken) {}

    private Optional<Opened> openDecision(Call call) throws SQLException {
        String token = call.pathParameter("token");
        Optional<DecisionId> decision = links.decision(token);
        Optional<CaseRecord> record = caseOf(decision.isEmpty() ? Optional.empty() : targets.decision(decision.get()));
        return record.flatMap(r -> r.decision(decision.get()).map(taken -> new Opened(token, r, taken)));
    }

    private Answer decisionPage(Call call, Opened o, String grounds, Optional<String> problem, int status) {
        CaseRecord.Taken taken = o.taken();
        DecisionId id = taken.decision().id();
        PageParts parts = parts(call, Optional.of(taken.subject().language().value()));
        Messages m = parts.messages();
        String path = links.decisionPage(id).getRawPath();
        StringBuilder body = new StringBuilder("<p class=\"muted\">").append(parts.t("reference", "id", id.toString()))
                .append(" · ").append(parts.t("subject", "subject", m.text("kind", taken.subject().ref().kind()) + " "
                        + taken.subject().ref().platformId()))
                .append(" · ").append(parts.t("decidedAt", "date", m.dateTime(taken.decision().decidedAt()))).append("</p>\n");
        body.append(parts.outcome(taken.decision().outcome(), r -> o.record().lifted(r.id())));
        Appellant appellant = new Appellant.AffectedPerson(taken.subject().owner());
        if (taken.decision().outcome() instanceof Outcome.Restrict restrict) {
            var redress = restrict.statement().redress();
            body.append("<h2>").append(parts.t("redress.heading")).append("</h2>\n<ol><li>")
                    .append(parts.t("redress.internal", "date", m.dateTime(redress.internalComplaintDeadline()))).append("</li><li>")
                    .append(parts.t("redress.outOfCourt", "text", redress.outOfCourtSettlement())).append("</li><li>")
                    .append(parts.t("redress.courts", "text", redress.judicialRedress())).append("</li></ol>\n");
            body.append(appealSection(parts, o.record(), taken, appellant, o.token(), path + "/appeal", grounds, problem));
        }
        body.append(parts.receipt(taken.position(), origin(call), store.log().verifierKey(),
                Optional.of(store.privateRecord(taken.position()))));
        String title = m.text("title.decision", taken.subject().ref().kind());
        return page(status, parts.page(title, path, body.toString()));
    }

    // ---- the notifier's page of a notice --------------------------------------------------------------------------

    /** {@code GET /notifier/{token}}. */
    public Answer noticePage(Call call) throws SQLException {
        return opened(call, this::openNotice, o -> noticePage(call, o, "", Optional.empty(), 200));
    }

    /** {@code POST /notifier/{token}/appeal}: the notifier appeals the decision taken on their notice. */
    public Answer appealNotice(Call call) throws SQLException {
        return opened(call, this::openNotice, o -> {
            NoticeId notice = o.received().notice().id();
            Optional<CaseRecord.Taken> decision = o.record().decisionOn(notice);
            return decision.isEmpty() ? redirect(call, links.noticePage(notice))
                    : appeal(call, o.record(), decision.get(), new Appellant.Notifier(notice),
                            (grounds, problem) -> noticePage(call, o, grounds, Optional.of(problem), 422));
        });
    }

    private record OpenedNotice(String token, CaseRecord record, CaseRecord.Received received) {}

    private Optional<OpenedNotice> openNotice(Call call) throws SQLException {
        String token = call.pathParameter("token");
        Optional<NoticeId> notice = links.notice(token);
        Optional<CaseRecord> record = caseOf(notice.isEmpty() ? Optional.empty() : targets.notice(notice.get()));
        return record.flatMap(r -> r.notice(notice.get()).map(received -> new OpenedNotice(token, r, received)));
    }

    private Answer noticePage(Call call, OpenedNotice o, String grounds, Optional<String> problem, int status) {
        NoticeId id = o.received().notice().id();
        PageParts parts = parts(call, Optional.empty());
        Messages m = parts.messages();
        String path = links.noticePage(id).getRawPath();
        CaseRecord.Received received = o.received();
        StringBuilder body = new StringBuilder("<p class=\"muted\">").append(parts.t("reference", "id", id.toString()))
                .append(" · ").append(parts.t("subject", "subject", m.text("kind", o.record().ref().kind()) + " "
                        + o.record().ref().platformId())).append("</p>\n")
                .append("<p><strong>").append(parts.t("notifier.received", "date", m.dateTime(received.at()))).append("</strong></p>\n<dl>");
        received.notice().location().ifPresent(l -> body.append("<dt>").append(parts.t("notifier.location")).append("</dt><dd>")
                .append(Html.text(l.value())).append("</dd>"));
        body.append("<dt>").append(parts.t("notifier.explanation")).append("</dt><dd>").append(Html.text(received.notice().explanation()))
                .append("</dd></dl>\n");
        received.notice().goodFaith().ifPresent(g -> body.append("<p>").append(parts.t("notifier.goodFaith")).append("</p>\n"));
        Optional<CaseRecord.Taken> decision = o.record().decisionOn(id);
        if (decision.isEmpty()) {
            body.append("<h2>").append(parts.t("notifier.decision")).append("</h2>\n<p>").append(parts.t("notifier.pending"))
                    .append("</p>\n");
        } else {
            CaseRecord.Taken taken = decision.get();
            body.append("<h2>").append(parts.t("notifier.decision")).append("</h2>\n<p>")
                    .append(parts.t("decidedAt", "date", m.dateTime(taken.decision().decidedAt()))).append("</p>\n")
                    .append(parts.outcome(taken.decision().outcome(), r -> o.record().lifted(r.id())));
            var settings = store.processSettings();
            body.append("<h2>").append(parts.t("redress.heading")).append("</h2>\n<ol><li>")
                    .append(parts.t("notifier.appealIntro", "date", m.dateTime(deadline(taken)))).append("</li><li>")
                    .append(parts.t("redress.outOfCourt", "text", settings.outOfCourtSettlement())).append("</li><li>")
                    .append(parts.t("redress.courts", "text", settings.judicialRedress())).append("</li></ol>\n");
            body.append(appealSection(parts, o.record(), taken, new Appellant.Notifier(id), o.token(), path + "/appeal", grounds, problem));
        }
        body.append(parts.receipt(received.position(), origin(call), store.log().verifierKey(), Optional.empty()));
        return page(status, parts.page(m.text("title.notice"), path, body.toString()));
    }

    // ---- appeals ----------------------------------------------------------------------------------------------

    /** What refused grounds are shown with: the page again, with the grounds and the problem. */
    @FunctionalInterface
    private interface Refusal {
        Answer show(String grounds, String problem);
    }

    private String appealSection(PageParts parts, CaseRecord record, CaseRecord.Taken taken, Appellant appellant, String token,
            String action, String grounds, Optional<String> problem) {
        DecisionId id = taken.decision().id();
        StringBuilder html = new StringBuilder("<h2 id=\"appeal\">").append(parts.t("appeal.heading")).append("</h2>\n");
        html.append(parts.appeals(record.appeals(id, appellant), appeal -> record.replacementBy(appeal)
                .map(replacement -> links.decisionPage(replacement.decision().id()))));
        problem.ifPresent(p -> html.append("<p class=\"box\" role=\"alert\"><strong>").append(parts.t("appeal.error", "problem", p))
                .append("</strong></p>\n"));
        Instant deadline = deadline(taken);
        if (record.isOverturned(id)) {
            html.append("<p>").append(parts.t("appeal.overturned")).append("</p>\n");
        } else if (record.hasPendingAppeal(id)) {
            html.append("<p>").append(parts.t("appeal.pending")).append("</p>\n");
        } else if (clock.instant().isAfter(deadline)) {
            html.append("<p>").append(parts.t("appeal.closed", "date", parts.messages().dateTime(deadline))).append("</p>\n");
        } else {
            html.append("<p>").append(parts.t("appeal.intro")).append("</p>\n")
                    .append(parts.appealForm(action, links.formToken(token, random), grounds));
        }
        return html.toString();
    }

    private Instant deadline(CaseRecord.Taken taken) {
        return switch (taken.decision().outcome()) {
            case Outcome.Restrict r -> r.statement().redress().internalComplaintDeadline();
            case Outcome.NoAction ignored -> store.processSettings().appealDeadline(taken.decision().decidedAt());
        };
    }

    /** Files the appeal the form holds, once per form token; then shows the page, where its status is. */
    private Answer appeal(Call call, CaseRecord record, CaseRecord.Taken taken, Appellant appellant, Refusal refusal)
            throws SQLException {
        String token = call.pathParameter("token");
        Optional<String> form = call.formField("form");
        if (form.isEmpty() || !links.isFormToken(token, form.get())) {
            PageParts parts = parts(call, Optional.empty());
            return page(400, parts.problem("title.badForm", parts.t("badForm.text"), Optional.of(call.path().replaceAll("/appeal$", ""))));
        }
        String grounds = call.formField("grounds").orElse("").strip();
        if (grounds.isEmpty() || grounds.length() > MAX_GROUNDS) {
            return refusal.show(grounds.length() > MAX_GROUNDS ? grounds.substring(0, MAX_GROUNDS) : grounds,
                    grounds.isEmpty() ? "grounds: say why the decision is wrong" : "grounds: at most " + MAX_GROUNDS + " characters");
        }
        URI page = URI.create(call.path().replaceAll("/appeal$", ""));
        if (!forms.claim(form.get())) {
            return redirect(call, page);
        }
        Result result;
        try {
            result = store.dueProcess().handle(new Command.FileAppeal(record.ref(), taken.decision().id(), appellant, grounds));
        } catch (RuntimeException e) {
            forms.release(form.get());
            throw e;
        }
        return switch (result) {
            case Result.Accepted a -> {
                AppealId filed = a.events().stream().map(e -> e.event()).filter(CaseEvent.AppealFiled.class::isInstance)
                        .map(e -> ((CaseEvent.AppealFiled) e).appeal().id()).findFirst().orElseThrow();
                forms.filed(form.get(), filed);
                yield redirect(call, page);
            }
            case Result.Rejected r -> {
                forms.release(form.get());
                yield refusal.show(grounds, r.errors().stream().map(FieldError::problem).collect(Collectors.joining("; ")));
            }
            case Result.Contended ignored -> {
                forms.release(form.get());
                PageParts parts = parts(call, Optional.empty());
                yield page(503, parts.problem("title.busy", parts.t("busy.text"), Optional.of(page.getRawPath())))
                        .withHeader("Retry-After", "1");
            }
        };
    }

    // ---- what every page does ---------------------------------------------------------------------------------

    /** Finds what a page shows from the call's token; empty if the token opens nothing. */
    @FunctionalInterface
    private interface Opener<T> {
        Optional<T> open(Call call) throws SQLException;
    }

    /** Answers with what was opened. */
    @FunctionalInterface
    private interface Shown<T> {
        Answer show(T opened) throws SQLException;
    }

    /** The record of the case {@code target} is in, if there is a target. */
    private Optional<CaseRecord> caseOf(Optional<PageTargets.Target> target) {
        return target.map(t -> CaseRecord.of(store.events().read(t.stream())));
    }

    /** Counts the call against the rate limit, opens what its token names, and shows it; or a 429 or 404 page. */
    private <T> Answer opened(Call call, Opener<T> opener, Shown<T> shown) throws SQLException {
        Optional<Answer> refused = limited(call);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<T> opened = opener.open(call);
        return opened.isPresent() ? shown.show(opened.get()) : notFound(call);
    }

    /** Where the service is reached, for the receipt's verify command: the public URL, else the connection's address. */
    private String origin(Call call) {
        return publicUrl.map(URI::toString).orElseGet(call::origin);
    }

    private PageParts parts(Call call, Optional<String> personsLanguage) {
        Optional<String> asked = call.query("lang").or(() -> call.formField("lang"));
        Locale language = Messages.choose(asked, personsLanguage, call.header("Accept-Language"));
        return new PageParts(Messages.in(language), clock.instant());
    }

    private Optional<Answer> limited(Call call) throws SQLException {
        Optional<Duration> wait = rateLimit.take("page:" + call.address());
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        PageParts parts = parts(call, Optional.empty());
        return Optional.of(page(429, parts.problem("title.tooMany", parts.t("tooMany.text", "seconds", Long.toString(seconds)),
                Optional.empty())).withHeader("Retry-After", Long.toString(seconds)));
    }

    private Answer notFound(Call call) {
        PageParts parts = parts(call, Optional.empty());
        return page(404, parts.problem("title.notFound", parts.t("notFound.text"), Optional.empty()));
    }

    private Answer redirect(Call call, URI page) {
        String lang = call.formField("lang").filter(l -> l.matches("[a-z]{2}")).map(l -> "?lang=" + l).orElse("");
        String target = page.getRawPath() + lang + "#appeal";
        return page(303, "<!doctype html><title>303</title><a href=\"" + Html.attribute(target) + "\">" + Html.text(target) + "</a>")
                .withHeader("Location", target);
    }

    /**
     * A page answer with the headers every page of people has: never cached or kept (it may hold the private record),
     * never sent on as a referrer (its address is the key to it), not indexed, and no scripts, frames or outside
     * resources.
     */
    private static Answer page(int status, String html) {
        return Answer.html(status, html)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("X-Robots-Tag", "noindex, nofollow")
                .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                        + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }
}
