package dev.recourse.server.http;

import dev.recourse.store.WriteStats;
import dev.recourse.store.ledger.LedgerProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the service's measurements in the Prometheus text format: HTTP request timings (by method,
 * route and status), the log's size, lag and state, the JVM's memory and threads.
 */
public final class Metrics {
    /** The media type of the Prometheus text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    /** Serves what {@code registry} holds. */
    public Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** A registry with the JVM's and the process's measurements bound. */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Measures the log through {@code ledger}: its size, the committed events it lacks, its checkpoints, its state. */
    public static void measureLedger(MeterRegistry registry, Supplier<LedgerProgress> ledger) {
        Gauge.builder("recourse.ledger.log.size", () -> ledger.get().logSize())
                .description("Entries in the log's last signed checkpoint").register(registry);
        Gauge.builder("recourse.ledger.lag", () -> ledger.get().lag())
                .description("Committed events not yet in the log").register(registry);
        Gauge.builder("recourse.ledger.checkpoints", () -> ledger.get().checkpointsPublished())
                .description("Checkpoints this node signed since it started").register(registry);
        for (LedgerProgress.State state : LedgerProgress.State.values()) {
            Gauge.builder("recourse.ledger.state", () -> ledger.get().state() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("1 for the state the log's integrator is in, 0 for the others").register(registry);
        }
    }

    /** Measures the sequencer through {@code writes}: writes waiting, transactions, events committed, conflicts. */
    public static void measureWrites(MeterRegistry registry, Supplier<WriteStats> writes) {
        Gauge.builder("recourse.sequencer.queued", () -> writes.get().queued())
                .description("Writes waiting for a transaction").register(registry);
        Gauge.builder("recourse.sequencer.transactions", () -> writes.get().transactions())
                .description("Transactions committed since the start").register(registry);
        Gauge.builder("recourse.sequencer.failed.transactions", () -> writes.get().failedTransactions())
                .description("Transactions failed since the start").register(registry);
        Gauge.builder("recourse.sequencer.events", () -> writes.get().committedEvents())
                .description("Events committed since the start").register(registry);
        Gauge.builder("recourse.sequencer.conflicts", () -> writes.get().conflicts())
                .description("Writes refused because their stream changed meanwhile, since the start").register(registry);
    }

    /** The measurements, as Prometheus scrapes them. */
    public Answer scrape(Call call) {
        return Answer.bytes(200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8))
                .withHeader("Cache-Control", "no-store");
    }
}
