package dev.recourse.server.http;

import dev.recourse.core.process.DueProcess;
import dev.recourse.core.event.StreamId;
import dev.recourse.server.delivery.Deliveries;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.delivery.Letters;
import dev.recourse.server.delivery.Outbox;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.page.PageLinks;
import dev.recourse.server.page.PageTargets;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.server.page.Pages;
import dev.recourse.server.policy.HttpScorer;
import dev.recourse.server.policy.RuleWorker;
import dev.recourse.server.policy.StoredPolicies;
import dev.recourse.server.portal.Portal;
import dev.recourse.store.RecourseStore;
import dev.recourse.tlog.tile.DirectoryTiles;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Recourse service: the HTTP API over a {@link RecourseStore}, wired: the key register, idempotent writes, the
 * measurements, every endpoint of {@link Routes}. The store belongs to the caller, who closes it after this.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** How long a write's claim on its Idempotency-Key holds off retries before it counts as abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final ApiServer server;
    private final ApiKeys keys;
    private final List<Route> routes;
    private final ScheduledExecutorService purger;
    private final Outbox outbox;
    private final StoredPolicies policies;
    private final RuleWorker worker;
    private final BackgroundRecalls recalls;

    private Service(ApiServer server, ApiKeys keys, List<Route> routes, ScheduledExecutorService purger, Outbox outbox,
            StoredPolicies policies, RuleWorker worker, BackgroundRecalls recalls) {
        this.server = server;
        this.keys = keys;
        this.routes = routes;
        this.purger = purger;
        this.outbox = outbox;
        this.policies = policies;
        this.worker = worker;
        this.recalls = recalls;
    }

    /**
     * Serves the API over {@code store}, and delivers actions and messages from its events as {@code delivery} says.
     *
     * @param links the addresses of people's pages, which messages link to
     * @param clock the time of keys, idempotency records and the rate limit
     * @param random keys, ids, form tokens and incident ids
     * @param version the service's version, for the API's description
     * @throws io.javalin.util.JavalinBindException if the port is taken
     */
    public static Service start(HttpSettings settings, DeliverySettings delivery, PageLinks links, RecourseStore store,
            InstantSource clock, SecureRandom random, String version) {
        ApiKeys keys = new ApiKeys(store.dataSource(), clock, random);
        Idempotency idempotency = new Idempotency(store, clock, ABANDONED_AFTER);
        PrometheusMeterRegistry registry = Metrics.registry();
        Metrics.measureLedger(registry, store.log()::progress);
        Metrics.measureWrites(registry, store::writeStats);
        RateLimit rateLimit = RateLimit.of(settings, store.dataSource(), clock);
        Pages pages = pages(settings, store, links, rateLimit, clock, random);
        Routes routes = routes(store, keys, links, pages, clock, registry, version);
        List<Route> all = routes.all();
        ApiServer server = ApiServer.start(settings, all, keys, idempotency, rateLimit, registry, clock, random);
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("recourse-purge").factory());
        purger.scheduleWithFixedDelay(() -> purge(rateLimit), 1, 1, TimeUnit.MINUTES);
        purger.scheduleWithFixedDelay(() -> purge(idempotency), 1, 60, TimeUnit.MINUTES);
        purger.scheduleWithFixedDelay(() -> purge(pages), 2, 60 * 24, TimeUnit.MINUTES);
        Letters letters = Letters.of(store.events(), id -> store.readModel().caseById(id).map(c -> StreamId.of(c.subject())), links);
        Outbox outbox = Outbox.start(delivery, store.events(), new Deliveries(store.dataSource(), clock), letters, clock, random, registry);
        BackgroundRecalls recalls = routes.safeguards().background();
        int resumed = recalls.resumeUnfinished();
        if (resumed > 0) {
            LOG.info("taking up {} unfinished recall(s)", resumed);
        }
        return new Service(server, keys, all, purger, outbox, routes.policies().stored(), routes.contentEvents().worker(), recalls);
    }

    /** People's pages over {@code store}, rate-limited per address by {@code rateLimit}, as the API is per key. */
    static Pages pages(HttpSettings settings, RecourseStore store, PageLinks links, RateLimit rateLimit, InstantSource clock,
            SecureRandom random) {
        return new Pages(store, links, rateLimit, settings.publicUrl(), clock, random);
    }

    /** Every endpoint over {@code store}. */
    static Routes routes(RecourseStore store, ApiKeys keys, PageLinks links, Pages pages, InstantSource clock,
            PrometheusMeterRegistry registry, String version) {
        DueProcess process = store.dueProcess();
        StoredPolicies policies = storedPolicies(store);
        RuleWorker worker = new RuleWorker(store, policies.book(), new HttpScorer(), clock);
        Appeals appeals = new Appeals(process, store.readModel(), new AppealClaims(store.dataSource(), clock), keys);
        return new Routes(new Keys(keys), new Intake(process, links), new Decisions(process, links, new PageTargets(store.dataSource(), store.events()), store.events()), appeals,
                new Cases(store.readModel(), store.events()),
                new Receipts(store),
                new LogFiles(new DirectoryTiles(store.log().directory()), store.log()::verifierKey),
                new Health(store.dataSource(), store.log()::progress), new Metrics(registry), new SwaggerUi(),
                new Actions(new Deliveries(store.dataSource(), clock)), pages, version,
                new Subjects(process, store.events(), store.readModel()), new Detections(process),
                new Proposals(process, store.readModel()), new AuthorityRequests(store.events(), new PublicRecord(store.dataSource())),
                new RuleSafeguards(process, store.safeguards(), new BackgroundRecalls(store.recalls(), clock), store.breakers(), clock),
                new Policies(policies), Portal.over(store, clock), new ContentEvents(worker, policies.book(), clock));
    }

    private static StoredPolicies storedPolicies(RecourseStore store) {
        try {
            return StoredPolicies.open(store);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored policies", e);
        }
    }

    /** The policies: every kept version, and the active ones. */
    public StoredPolicies policies() {
        return policies;
    }

    /** The rule worker of event intake, which HTTP and the Kafka consumer feed. */
    public RuleWorker ruleWorker() {
        return worker;
    }

    /** The register of API keys. */
    public ApiKeys keys() {
        return keys;
    }

    /** Every route served. */
    public List<Route> routes() {
        return routes;
    }

    /** Where the API is served: {@code http://host:port}. */
    public URI url() {
        return server.url();
    }

    /** Stops serving; requests in progress are answered first. */
    @Override
    public void close() {
        purger.shutdownNow();
        recalls.close();
        outbox.close();
        server.close();
    }

    private static void purge(Pages pages) {
        try {
            LOG.info("forgot {} form tokens of people's pages", pages.purge());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not forget old form tokens of people's pages; trying again tomorrow", e);
        }
    }

    private static void purge(RateLimit rateLimit) {
        try {
            rateLimit.prune();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not forget the rate limit's full budgets; trying again in a minute", e);
        }
    }

    private static void purge(Idempotency idempotency) {
        try {
            int purged = idempotency.purge();
            LOG.info("forgot {} answers to writes older than {}", purged, Idempotency.RETENTION);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not forget old answers to writes; trying again in an hour", e);
        }
    }
}
